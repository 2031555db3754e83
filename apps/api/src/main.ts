// `npm start`: database (embedded unless DATABASE_URL), migrations, demo seed, API + web client.
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { configureApp, createHttpAdapter } from './app.setup';
import { loadAppConfig } from './config/app.config';
import { EmbeddedDatabase, startEmbeddedPostgres } from './database/embedded-postgres';
import { runMigrations } from './database/migrate';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from './database/seeds/demo.seed';
import { PasswordService } from './auth/password.service';
import { ShutdownState } from './health/health.controller';

async function bootstrap(): Promise<void> {
  const logger = new Logger('Bootstrap');
  const config = loadAppConfig();
  if (config.jwtSecretGenerated) {
    logger.warn(
      'JWT_SECRET is not set: using a random secret, sessions will not survive a restart',
    );
  }
  let embedded: EmbeddedDatabase | undefined;
  const url =
    config.databaseUrl ??
    (embedded = await startEmbeddedPostgres(config.embeddedPgDir, config.embeddedPgPort)).url;
  const ran = await runMigrations(url);
  if (ran.length) logger.log(`Migrations applied: ${ran.join(', ')}`);

  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, url),
    createHttpAdapter(),
    { bufferLogs: true },
  );
  await configureApp(app, config);

  if (config.seedDemo && (await seedDemo(app.get(DataSource), app.get(PasswordService)))) {
    logger.log(
      `Demo accounts (password "${DEMO_PASSWORD}"): ${DEMO_ACCOUNTS.map((a) => `${a.role} ${a.email}`).join(', ')}`,
    );
  }

  // Every interface, as Node's own server.listen(port) does (Fastify alone would pick localhost).
  await app.listen(config.port, '::');
  logger.log(`Ensemble is ready on http://localhost:${config.port} (GraphQL at /graphql)`);

  // Graceful shutdown: readiness goes 503 first, in-flight requests finish, then the database closes.
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received: shutting down`);
    app.get(ShutdownState).shuttingDown = true;
    const grace = Number(process.env.SHUTDOWN_GRACE_MS ?? (config.isProduction ? 2000 : 0));
    if (grace > 0) await new Promise((r) => setTimeout(r, grace));
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    try {
      await app.close();
      await embedded?.stop();
      process.exit(0);
    } catch (err) {
      logger.error(err);
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

bootstrap().catch((err) => {
  console.error(err);
  process.exit(1);
});
