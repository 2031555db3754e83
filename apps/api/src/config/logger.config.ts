// Structured logs (pino): request ids, and never a password, token or pupil's personal data.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
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
  // `originalUrl` is what the client asked for, whatever rewrote `url` since.
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

/** The X-Request-Id of a request: the caller's when well-formed, else a new one (Fastify's genReqId). */
export function requestId(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
}

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * A logger bound to the request (its id, method and path), made on first use: unexpected errors
     * are logged with it (graphql/error-logging.plugin.ts, common/http-exception.filter.ts).
     */
    readonly requestLog: PinoLogger;
  }
}

const kLog = Symbol('requestLog');
const kStarted = Symbol('requestStarted');
type LoggedRequest = FastifyRequest & { [kLog]: PinoLogger | null; [kStarted]: number };

/**
 * Per request: the X-Request-Id header (the id is `requestId` above, Fastify's genReqId),
 * `req.requestLog` and one access line when it ends (info, or error for a 5xx). Fastify hooks
 * rather than pino-http or nestjs-pino's middleware: nestjs-pino runs each request in an
 * AsyncLocalStorage, which turns on promise hooks for the whole process (≈ 25 % of a GraphQL
 * request's CPU, measured), and pino-http builds and redacts a child logger per request even when
 * nothing is logged. Fastify's own request logger stays off (no `logger` option).
 */
export function requestLogging(fastify: FastifyInstance, config: AppConfig): void {
  const root = rootLogger(config);
  // Declared on the request's prototype: no per-request property definitions.
  fastify.decorateRequest(kLog, null);
  fastify.decorateRequest(kStarted, 0);
  fastify.decorateRequest('requestLog', {
    getter(this: FastifyRequest) {
      const r = this as LoggedRequest;
      return (r[kLog] ??= root.child({ req: this }));
    },
  });
  fastify.addHook('onRequest', (req, reply, done) => {
    void reply.header('X-Request-Id', req.id);
    if (!req.url.startsWith('/health')) (req as LoggedRequest)[kStarted] = Date.now();
    done();
  });
  const accessLine = (req: FastifyRequest, statusCode: number, aborted: boolean) => {
    const started = (req as LoggedRequest)[kStarted];
    if (!started) return;
    (req as LoggedRequest)[kStarted] = 0; // one line per request, even if it ends twice
    const level = statusCode >= 500 ? 'error' : 'info';
    if (!root.isLevelEnabled(level)) return;
    const line = { res: { statusCode }, responseTime: Date.now() - started };
    if (statusCode >= 500) req.requestLog.error(line, 'request errored');
    else if (aborted) req.requestLog.info(line, 'request aborted');
    else req.requestLog.info(line, 'request completed');
  };
  fastify.addHook('onResponse', (req, reply, done) => {
    accessLine(req, reply.statusCode, false);
    done();
  });
  // The client went away before the answer was sent (Express saw 'close' before 'finish').
  fastify.addHook('onRequestAbort', (req, done) => {
    accessLine(req, 200, true); // nothing was sent yet: the status is still 200
    done();
  });
}
