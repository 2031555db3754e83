// Domain errors carry one of the contract's codes; the GraphQL formatter passes them through.
import { GraphQLError } from 'graphql';
import { findInsult } from '@ensemble/domain';

export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  PHASE_CLOSED = 'PHASE_CLOSED',
  RATE_LIMITED = 'RATE_LIMITED',
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

export type FieldErrors = Record<string, string>;

export class AppError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldErrors,
  ) {
    super(message, { extensions: fields ? { code, fields } : { code } });
  }
}

export const unauthenticated = (message = 'Authentication required') =>
  new AppError(ErrorCode.UNAUTHENTICATED, message);
export const forbidden = (message = 'You are not allowed to do this') =>
  new AppError(ErrorCode.FORBIDDEN, message);
export const notFound = (what: string) => new AppError(ErrorCode.NOT_FOUND, `${what} not found`);
export const conflict = (message: string) => new AppError(ErrorCode.CONFLICT, message);
export const phaseClosed = (message: string) => new AppError(ErrorCode.PHASE_CLOSED, message);
export const rateLimited = (message = 'Too many attempts, try again later') =>
  new AppError(ErrorCode.RATE_LIMITED, message);

/** One BAD_USER_INPUT naming every bad field at once. */
export function badInput(fields: FieldErrors, message?: string): AppError {
  const names = Object.keys(fields);
  return new AppError(
    ErrorCode.BAD_USER_INPUT,
    message ?? `Invalid input: ${names.map((n) => `${n} (${fields[n]})`).join(', ')}`,
    fields,
  );
}

/** Collects field errors and throws them together. */
export class FieldErrorCollector {
  private readonly fields: FieldErrors = {};
  add(field: string, message: string): this {
    if (!(field in this.fields)) this.fields[field] = message;
    return this;
  }
  check(condition: boolean, field: string, message: string): this {
    if (!condition) this.add(field, message);
    return this;
  }
  /** A platform against bullying hosts no insults: every free text people write passes here. */
  moderate(field: string, text: string | null | undefined): this {
    if (text && findInsult(text)) this.add(field, 'contains language that is not allowed');
    return this;
  }
  get empty(): boolean {
    return Object.keys(this.fields).length === 0;
  }
  throwIfAny(): void {
    if (!this.empty) throw badInput(this.fields);
  }
}
