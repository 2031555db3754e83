// HTTP concerns shared by `npm start` and the test kit: adapter, headers, body limit, validation, web client.
import { UnsupportedMediaTypeException, ValidationError, ValidationPipe } from '@nestjs/common';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyBodyParser, FastifyRequest } from 'fastify';
import { parse as parseContentType } from 'content-type';
import { Logger } from 'nestjs-pino';
import { AppConfig } from './config/app.config';
import { requestId, requestLogging } from './config/logger.config';
import { badInput, FieldErrors } from './common/errors';
import { ClientInputPipe } from './common/client-input.pipe';
import { serveWebClient } from './web/web-client';

type Done = (err: Error | null, body?: unknown) => void;

/** Request bodies (JSON or urlencoded) above this are refused with 413. */
const BODY_LIMIT = 1024 * 1024;

function flatten(errors: ValidationError[], prefix = '', out: FieldErrors = {}): FieldErrors {
  for (const e of errors) {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints) out[path] = Object.values(e.constraints)[0].replace(`${e.property} `, '');
    if (e.children?.length) flatten(e.children, path, out);
  }
  return out;
}

/**
 * JSON bodies in UTF-8 (or UTF-16, decoded), parsed by Fastify's JSON parser (which refuses
 * `__proto__` and `constructor.prototype` keys); another charset is refused with 415, as
 * Express's body-parser did.
 */
function jsonBody(defaultParser: FastifyBodyParser<string>): FastifyBodyParser<Buffer> {
  const parse = defaultParser as (req: FastifyRequest, body: string | Buffer, done: Done) => void;
  return (req: FastifyRequest, body: Buffer, done: Done) => {
    // An empty body is an empty object, as with body-parser (Fastify's parser refuses it).
    if (body.length === 0) return done(null, {});
    // Fastify refused a malformed media type before this parser; parameters parse leniently.
    const charset = parseContentType(req.headers['content-type'] ?? '').parameters.charset;
    const name = charset?.toLowerCase();
    if (name === undefined || name === 'utf-8') return parse(req, body, done);
    if (name.startsWith('utf-')) {
      let text: string | undefined;
      try {
        text = new TextDecoder(name).decode(body);
      } catch {
        // Not a charset TextDecoder knows: refused below.
      }
      if (text !== undefined) return parse(req, text, done);
    }
    done(
      new UnsupportedMediaTypeException(`unsupported charset "${charset!.toUpperCase()}"`),
      undefined,
    );
  };
}

/**
 * Fastify rather than Express: on the team page query (bench S2) the Express stack (router,
 * body-parser, middleware chain) cost ≈ 11 % of the API's CPU; on Fastify the same query measured
 * 8–12 % less API CPU per request (interleaved A/B runs). Fastify sends no X-Powered-By and no
 * ETag of its own (API answers are never revalidated; static files keep theirs).
 */
export function createHttpAdapter(): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: BODY_LIMIT,
    // req.ip is the client's behind a reverse proxy on this host or a private network (nginx in docker/).
    trustProxy: 'loopback,linklocal,uniquelocal',
    genReqId: requestId,
    // `/api/auth/refresh/` is `/api/auth/refresh`, as with Express's non-strict routing.
    routerOptions: { ignoreTrailingSlash: true },
  });
}

export async function configureApp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  app.useLogger(app.get(Logger));
  const fastify = app.getHttpAdapter().getInstance();
  requestLogging(fastify, config);
  app.useBodyParser(
    'application/json',
    { bodyLimit: BODY_LIMIT },
    jsonBody(fastify.getDefaultJsonParser('error', 'error')),
  );
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: config.isProduction ? [] : null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  // reply.setCookie for the session cookie; cookies are parsed only where read (auth/session-cookie.ts).
  await app.register(fastifyCookie, { hook: false });
  if (config.corsOrigins.length) app.enableCors({ origin: config.corsOrigins, credentials: true });
  app.useGlobalPipes(
    new ClientInputPipe(
      new ValidationPipe({
        transform: true,
        whitelist: true,
        exceptionFactory: (errors) => badInput(flatten(errors)),
      }),
    ),
  );
  await serveWebClient(app);
}
