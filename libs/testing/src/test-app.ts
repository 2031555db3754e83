// Boots the real AppModule on a fresh database; only the clock is replaced.
import { Test } from '@nestjs/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource, Logger as TypeOrmLogger } from 'typeorm';
import { AppModule } from '../../../apps/api/src/app.module';
import { configureApp, createHttpAdapter } from '../../../apps/api/src/app.setup';
import { FakeClock, Clock } from '../../../apps/api/src/common/clock';
import { AppConfig, loadAppConfig } from '../../../apps/api/src/config/app.config';
import { createTestDatabase } from './test-database';
import { GraphQLClient } from './graphql-client';
import { Factories } from './factories';

/** Counts the SQL statements the app sends (for N+1 tests). */
export class SqlCounter implements TypeOrmLogger {
  count = 0;
  statements: string[] = [];
  private recording = false;
  logQuery(query: string): void {
    if (!this.recording) return;
    this.count++;
    this.statements.push(query);
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
  /** Runs `fn` and returns how many statements it sent. */
  async measure<T>(
    fn: () => Promise<T>,
  ): Promise<{ result: T; count: number; statements: string[] }> {
    this.count = 0;
    this.statements = [];
    this.recording = true;
    try {
      const result = await fn();
      return { result, count: this.count, statements: [...this.statements] };
    } finally {
      this.recording = false;
    }
  }
}

export interface TestApp {
  app: NestFastifyApplication;
  baseUrl: string;
  databaseUrl: string;
  clock: FakeClock;
  db: DataSource;
  config: AppConfig;
  sql: SqlCounter;
  /** Anonymous client; `.as(token)` for a signed-in one. */
  client: GraphQLClient;
  factories: Factories;
  close(): Promise<void>;
}

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';

export interface TestAppOptions {
  /** Boot on this existing database (e.g. another TestApp's `databaseUrl`) instead of a fresh one; it is not dropped on close. */
  databaseUrl?: string;
}

export async function createTestApp(
  env: Record<string, string> = {},
  options: TestAppOptions = {},
): Promise<TestApp> {
  const database = options.databaseUrl
    ? { url: options.databaseUrl, drop: async () => undefined }
    : await createTestDatabase();
  const config = loadAppConfig({
    NODE_ENV: 'test',
    JWT_SECRET: TEST_JWT_SECRET,
    RATE_LIMIT_PER_MINUTE: '100000',
    DB_POOL_SIZE: '5',
    ...env,
  });
  const clock = new FakeClock(new Date());
  const sql = new SqlCounter();
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot(config, database.url, { sqlLogger: sql })],
  })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(), {
    logger: false,
  });
  await configureApp(app, config);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const db = app.get(DataSource);
  const client = new GraphQLClient(baseUrl);
  return {
    app,
    baseUrl,
    databaseUrl: database.url,
    clock,
    db,
    config,
    sql,
    client,
    factories: new Factories(app, db, client),
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
