// REST endpoints answer the same error codes as GraphQL, with the matching HTTP status.
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
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
    const res = host.switchToHttp().getResponse<Response>();
    if (exception instanceof AppError) {
      res.status(STATUS[exception.code]).json({ error: { code: exception.code, message: exception.message } });
      return;
    }
    if (exception instanceof HttpException) {
      // A body /graphql could not read (malformed JSON, over 1 MB) gets GraphQL's error shape.
      if (host.switchToHttp().getRequest<Request>().path === '/graphql') {
        res.status(exception.getStatus()).json({ errors: [formatError({ message: exception.message }, exception)] });
        return;
      }
      res.status(exception.getStatus()).json(exception.getResponse());
      return;
    }
    // With the request id when pino-http has bound a logger to the request.
    const log = (host.switchToHttp().getRequest<Request>() as Request & { log?: { error(o: object, m: string): void } }).log;
    if (log) log.error({ err: exception }, 'Unexpected error in an HTTP request');
    else this.logger.error(exception);
    res.status(500).json({ error: { code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'Internal server error' } });
  }
}
