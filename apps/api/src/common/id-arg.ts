// ID arguments are UUIDs: a malformed one is BAD_USER_INPUT, never a database error.
import { PipeTransform } from '@nestjs/common';
import { Args, ID } from '@nestjs/graphql';
import { badInput } from './errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

export class UuidPipe implements PipeTransform<unknown, string | null | undefined> {
  constructor(
    private readonly name: string,
    private readonly optional = false,
  ) {}
  transform(value: unknown): string | null | undefined {
    if (value == null && this.optional) return value as null | undefined;
    if (!isUuid(value)) throw badInput({ [this.name]: 'must be a valid ID (UUID)' });
    return value.toLowerCase();
  }
}

/** `@IdArg('teamId', 'The team.')` — a required ID argument checked as a UUID. */
export const IdArg = (name: string, description: string) =>
  Args(name, { type: () => ID, description }, new UuidPipe(name));

/** An optional ID argument checked as a UUID when given. */
export const OptionalIdArg = (name: string, description: string) =>
  Args(name, { type: () => ID, nullable: true, description }, new UuidPipe(name, true));
