// HTTP concerns shared by `npm start` and the test kit: headers, body limit, validation, web client.
import { ValidationError, ValidationPipe } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { REFRESH_COOKIE_PATH } from './auth/session-cookie';
import { AppConfig } from './config/app.config';
import { requestLogging } from './config/logger.config';
import { badInput, FieldErrors } from './common/errors';
import { ClientInputPipe } from './common/client-input.pipe';
import { serveWebClient } from './web/web-client';

function flatten(errors: ValidationError[], prefix = '', out: FieldErrors = {}): FieldErrors {
  for (const e of errors) {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints) out[path] = Object.values(e.constraints)[0].replace(`${e.property} `, '');
    if (e.children?.length) flatten(e.children, path, out);
  }
  return out;
}

export function configureApp(app: NestExpressApplication, config: AppConfig): void {
  app.useLogger(app.get(Logger));
  app.use(requestLogging(config));
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  app.disable('x-powered-by');
  // API answers are never revalidated: no SHA-1 of every response body (static files keep theirs).
  app.set('etag', false);
  app.use(
    helmet({
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
    }),
  );
  app.useBodyParser('json', { limit: '1mb' });
  app.useBodyParser('urlencoded', { limit: '1mb', extended: false });
  // Only the session-cookie routes read cookies.
  app.use(REFRESH_COOKIE_PATH, cookieParser());
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
  serveWebClient(app);
}
