// Reads the contract's error shape (`extensions.code`, `extensions.fields`) out of whatever Apollo threw.
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

export const API_ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'PHASE_CLOSED',
  'RATE_LIMITED',
  'QUERY_TOO_COMPLEX',
  'INTERNAL_SERVER_ERROR',
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface ApiError {
  /** NETWORK_ERROR: the API could not be reached or did not answer GraphQL. */
  code: ApiErrorCode | 'NETWORK_ERROR';
  /** For BAD_USER_INPUT: the server's message per input field. */
  fields: Record<string, string>;
}

function isApiErrorCode(value: unknown): value is ApiErrorCode {
  return typeof value === 'string' && (API_ERROR_CODES as readonly string[]).includes(value);
}

function readFields(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(
    Object.entries(value).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}

export function readApiError(error: unknown): ApiError {
  if (CombinedGraphQLErrors.is(error)) {
    const extensions = error.errors[0]?.extensions ?? {};
    const code = isApiErrorCode(extensions.code) ? extensions.code : 'INTERNAL_SERVER_ERROR';
    return { code, fields: readFields(extensions.fields) };
  }
  // The per-address throttle may answer a bare HTTP 429 rather than a GraphQL error.
  if (ServerError.is(error) && error.statusCode === 429)
    return { code: 'RATE_LIMITED', fields: {} };
  return { code: 'NETWORK_ERROR', fields: {} };
}

export function hasErrorCode(error: unknown, code: ApiErrorCode): boolean {
  return CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === code);
}

/** The i18n key of the message for an error no screen handles specifically. */
export function genericErrorMessage(
  error: unknown,
): 'common.networkError' | 'common.unexpectedError' {
  return readApiError(error).code === 'NETWORK_ERROR'
    ? 'common.networkError'
    : 'common.unexpectedError';
}
