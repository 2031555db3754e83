// Structured logs (pino): request ids, and never a password, token or pupil's personal data.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import type { Params } from 'nestjs-pino';
import { Logger as PinoLogger, pino, stdSerializers } from 'pino';
import { AppConfig } from './app.config';

/** What a log line may say about a request: no headers, no body, no query string. */
const requestFields = (req: {
  id?: unknown;
  method?: string;
  url?: string;
  originalUrl?: string;
}) => ({
  id: req.id,
  method: req.method,
  // Express rewrites `url` below a mount point; `originalUrl` is what the client asked for.
  path: String(req.originalUrl ?? req.url).split('?')[0],
});

const roots = new WeakMap<AppConfig, PinoLogger>();

/** The application's one pino logger (Nest's Logger goes through it too, via nestjs-pino). */
export function rootLogger(config: AppConfig): PinoLogger {
  let root = roots.get(config);
  if (!root) {
    root = pino({
      level: config.nodeEnv === 'test' ? 'silent' : config.logLevel,
      serializers: {
        req: requestFields,
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        err: stdSerializers.err,
      },
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          '*.password',
          '*.refreshToken',
          '*.accessToken',
          '*.email',
          '*.firstName',
          '*.lastName',
          '*.birthYear',
        ],
        censor: '[redacted]',
      },
    });
    roots.set(config, root);
  }
  return root;
}

/** Nest's Logger (nestjs-pino) on the root logger; nestjs-pino's per-request middleware is not mounted. */
export function loggerParams(config: AppConfig): Params {
  return { pinoHttp: { logger: rootLogger(config) }, forRoutes: [] };
}

type LoggedRequest = IncomingMessage & { id?: string; log?: PinoLogger };

/**
 * Per request: the X-Request-Id header (the caller's when well-formed), `req.log` (a logger bound
 * to the request, made only if something is logged) and one access line when it ends (info, or
 * error for a 5xx). Written here rather than mounting pino-http or nestjs-pino's middleware:
 * nestjs-pino runs each request in an AsyncLocalStorage, which turns on promise hooks for the
 * whole process (≈ 25 % of a GraphQL request's CPU, measured), and pino-http builds and redacts
 * a child logger per request even when nothing is logged. Unexpected errors are logged with
 * `req.log` (graphql/error-logging.plugin.ts, common/http-exception.filter.ts).
 */
export function requestLogging(config: AppConfig) {
  const root = rootLogger(config);
  return (req: Request, res: Response, next: NextFunction): void => {
    const r = req as unknown as LoggedRequest;
    const incoming = req.headers['x-request-id'];
    const id =
      typeof incoming === 'string' && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    r.id = id;
    res.setHeader('X-Request-Id', id);
    let log: PinoLogger | undefined;
    Object.defineProperty(r, 'log', {
      configurable: true,
      get: () => (log ??= root.child({ req: r })),
    });
    if (!String(req.url).startsWith('/health')) {
      const started = Date.now();
      const done = () => {
        res.removeListener('finish', done);
        res.removeListener('close', done);
        const status = res.statusCode;
        const level = status >= 500 ? 'error' : 'info';
        if (!root.isLevelEnabled(level)) return;
        const line = { res: res as unknown as ServerResponse, responseTime: Date.now() - started };
        if (status >= 500) r.log!.error(line, 'request errored');
        else if (res.writableFinished) r.log!.info(line, 'request completed');
        else r.log!.info(line, 'request aborted');
      };
      res.once('finish', done);
      res.once('close', done);
    }
    next();
  };
}
