// REST endpoints answer the same error codes as GraphQL, with the matching HTTP status.
import { STATUS_CODES } from 'node:http';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { formatError } from '../graphql/error-formatter';
import { AppError, ErrorCode } from './errors';

const STATUS: Record<ErrorCode, number> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.PHASE_CLOSED]: 409,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.QUERY_TOO_COMPLEX]: 400,
  [ErrorCode.INTERNAL_SERVER_ERROR]: 500,
};

@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrors');

  catch(exception: unknown, host: ArgumentsHost): unknown {
    // GraphQL errors are formatted by Apollo (graphql/error-formatter.ts).
    if (host.getType<string>() !== 'http') return exception;
    const res = host.switchToHttp().getResponse<FastifyReply>();
    const req = host.switchToHttp().getRequest<FastifyRequest>();
    if (exception instanceof AppError) {
      return res
        .status(STATUS[exception.code])
        .send({ error: { code: exception.code, message: exception.message } });
    }
    const http = exception instanceof HttpException ? exception : fromFastify(exception);
    if (http) {
      // A body /graphql could not read (malformed JSON, over 1 MB) gets GraphQL's error shape.
      if (req.url.split('?')[0] === '/graphql') {
        return res
          .status(http.getStatus())
          .send({ errors: [formatError({ message: http.message }, http)] });
      }
      return res.status(http.getStatus()).send(http.getResponse());
    }
    // With the request id (config/logger.config.ts).
    const log = (req as Partial<FastifyRequest>).requestLog;
    if (log) log.error({ err: exception }, 'Unexpected error in an HTTP request');
    else this.logger.error(exception);
    return res
      .status(500)
      .send({ error: { code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'Internal server error' } });
  }
}

/**
 * Fastify's own client errors (a body over the limit, malformed JSON, an unsupported content type…)
 * carry a 4xx `statusCode`: they are the client's, answered like Nest's HttpException.
 */
function fromFastify(exception: unknown): HttpException | null {
  const { statusCode, message } = (exception ?? {}) as { statusCode?: unknown; message?: unknown };
  if (typeof statusCode !== 'number' || statusCode < 400 || statusCode >= 500) return null;
  const text = typeof message === 'string' ? message : 'Bad request';
  // The body Nest gives its own HttpExceptions (e.g. BadRequestException).
  return new HttpException(
    { message: text, error: STATUS_CODES[statusCode], statusCode },
    statusCode,
  );
}
