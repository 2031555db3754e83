// One mapping from anything thrown to the contract's error codes; the unexpected is masked.
import { HttpException, HttpStatus, Logger } from '@nestjs/common';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '../common/errors';

const logger = new Logger('GraphQLErrors');
const KNOWN = new Set<string>(Object.values(ErrorCode));
// graphql-js's parser says "more that" (sic) in 16.x.
const LIMIT = /(Aliases|Directives|Query Cost|Query depth|Token) limit of \d+ exceeded|Document contains more th[ae][nt] \d+ tokens/;

type Extensions = { code: ErrorCode; fields?: Record<string, string> };

function fromHttpException(e: HttpException): Extensions & { message: string } {
  const status = e.getStatus();
  const message = e.message;
  switch (status) {
    case HttpStatus.TOO_MANY_REQUESTS:
      return { code: ErrorCode.RATE_LIMITED, message: 'Too many requests, slow down' };
    case HttpStatus.UNAUTHORIZED:
      return { code: ErrorCode.UNAUTHENTICATED, message };
    case HttpStatus.FORBIDDEN:
      return { code: ErrorCode.FORBIDDEN, message };
    case HttpStatus.NOT_FOUND:
      return { code: ErrorCode.NOT_FOUND, message };
    case HttpStatus.CONFLICT:
      return { code: ErrorCode.CONFLICT, message };
    case HttpStatus.BAD_REQUEST:
    case HttpStatus.PAYLOAD_TOO_LARGE:
    case HttpStatus.UNSUPPORTED_MEDIA_TYPE: // e.g. `content-type: application/json; charset=latin1`
      return { code: ErrorCode.BAD_USER_INPUT, message, fields: {} };
    default:
      return { code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'Internal server error' };
  }
}

/** Database errors a client can cause; anything else from the database is internal. */
function fromDatabase(e: { code?: string }): Extensions & { message: string } | null {
  switch (e.code) {
    case '22P02': // invalid_text_representation, e.g. a malformed UUID
    case '22001': // string_data_right_truncation
    case '22003': // numeric_value_out_of_range
    case '23514': // check_violation
    case '22007':
    case '22008':
    case '22021': // character_not_in_repertoire: NUL in text (TextInputPipe refuses it first)
    case '22P05': // untranslatable_character: \u0000 in jsonb
      return { code: ErrorCode.BAD_USER_INPUT, message: 'Invalid input', fields: {} };
    case '23505':
      return { code: ErrorCode.CONFLICT, message: 'This already exists' };
    default:
      return null;
  }
}

/** Apollo's variable coercion errors name the variable: use it as the field. */
function variableFields(message: string): Record<string, string> {
  const variable = /Variable "\$(\w+)"/.exec(message)?.[1];
  return variable ? { [variable]: message } : {};
}

function classify(formatted: GraphQLFormattedError, raw: unknown): Extensions & { message: string } {
  const original = unwrapResolverError(raw);
  if (original instanceof GraphQLError && KNOWN.has(String(original.extensions?.code))) {
    const ext = original.extensions as unknown as Extensions;
    return {
      code: ext.code,
      message: original.message,
      ...(ext.code === ErrorCode.BAD_USER_INPUT ? { fields: ext.fields ?? variableFields(original.message) } : {}),
    };
  }
  if (original instanceof HttpException) return fromHttpException(original);
  const dbCode = (original as { driverError?: { code?: string }; code?: string })?.driverError?.code ??
    (original as { code?: string })?.code;
  if (typeof dbCode === 'string' && /^[0-9A-Z]{5}$/.test(dbCode)) {
    const mapped = fromDatabase({ code: dbCode });
    if (mapped) return mapped;
  }
  const code = String(formatted.extensions?.code ?? '');
  if (LIMIT.test(formatted.message)) {
    return { code: ErrorCode.QUERY_TOO_COMPLEX, message: formatted.message.replace(/^Syntax Error: /, '') };
  }
  // Apollo's own refusals without a code (e.g. a persisted-query hash that does not match) carry a 4xx status.
  const http = original instanceof GraphQLError ? (original.extensions?.http as { status?: number } | undefined) : undefined;
  const status = http?.status ?? 0;
  const refusedByApollo = original instanceof GraphQLError && !original.extensions?.code && status >= 400 && status < 500;
  if (
    refusedByApollo ||
    // graphql-js gives up after 50 bad variable values with an error Apollo leaves without a code.
    formatted.message.startsWith('Too many errors processing variables') ||
    code === 'GRAPHQL_VALIDATION_FAILED' ||
    code === 'GRAPHQL_PARSE_FAILED' ||
    code === 'BAD_USER_INPUT' ||
    code === 'BAD_REQUEST' ||
    code === 'OPERATION_RESOLUTION_FAILURE' ||
    code === 'PERSISTED_QUERY_NOT_SUPPORTED'
  ) {
    return { code: ErrorCode.BAD_USER_INPUT, message: formatted.message, fields: variableFields(formatted.message) };
  }
  return { code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'Internal server error' };
}

/** An error the client did not cause: masked in the answer, logged with the request id. */
export function isUnexpected(error: GraphQLError): boolean {
  return classify(error.toJSON(), error).code === ErrorCode.INTERNAL_SERVER_ERROR;
}

/**
 * Logs an unexpected error (never sent to the client) with the request's logger, which carries
 * the request id (graphql/error-logging.plugin.ts), or the application's without a request.
 */
export function logUnexpected(
  error: GraphQLError,
  requestLog?: { error(obj: object, msg: string): void },
): void {
  const entry = { err: unwrapResolverError(error) as Error, path: error.path };
  if (requestLog) requestLog.error(entry, 'Unexpected error in a GraphQL operation');
  else logger.error(entry, 'Unexpected error in a GraphQL operation');
}

export function formatError(formatted: GraphQLFormattedError, raw: unknown): GraphQLFormattedError {
  const { code, message, fields } = classify(formatted, raw);
  return {
    message,
    locations: formatted.locations,
    path: formatted.path,
    extensions: fields !== undefined ? { code, fields } : { code },
  };
}
