// Structured logs (pino): request ids, and never a password, token or pupil's personal data.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import { HttpLogger, pinoHttp } from 'pino-http';
import { AppConfig } from './app.config';

const httpLoggers = new WeakMap<AppConfig, HttpLogger>();

/**
 * pino-http, mounted by configureApp on every route: the X-Request-Id header, `req.log` (a
 * logger bound to the request) and one access-log line per request. Mounted directly rather
 * than through nestjs-pino's middleware, which runs each request inside an AsyncLocalStorage:
 * that turns on promise hooks for the whole process (≈ 25 % of the CPU of a GraphQL request,
 * measured). Request errors are logged with `req.log` instead (graphql/error-logging.plugin.ts,
 * common/http-exception.filter.ts).
 */
export function requestLogging(config: AppConfig): HttpLogger {
  let http = httpLoggers.get(config);
  if (!http) {
    http = pinoHttp({
      level: config.nodeEnv === 'test' ? 'silent' : config.logLevel,
      genReqId: (req: IncomingMessage, res: ServerResponse) => {
        const incoming = req.headers['x-request-id'];
        const id =
          typeof incoming === 'string' && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      // Only what is needed to follow a request: no headers, no body, no query string.
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          path: String(req.url).split('?')[0],
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
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
      autoLogging: { ignore: (req: IncomingMessage) => String(req.url).startsWith('/health') },
      transport: undefined,
    });
    httpLoggers.set(config, http);
  }
  return http;
}

/** Nest's Logger (nestjs-pino) on the same pino instance; its per-request middleware is not mounted. */
export function loggerParams(config: AppConfig): Params {
  return { pinoHttp: { logger: requestLogging(config).logger }, forRoutes: [] };
}
