// `npm run schema:generate|check`: prints the code-first schema (sorted) into apps/api/schema.gql,
// or fails when the committed file differs from what the code builds.
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { Client } from 'pg';
import { AppModule } from '../app.module';
import { createHttpAdapter } from '../app.setup';
import { loadAppConfig } from '../config/app.config';
import { startEmbeddedPostgres } from '../database/embedded-postgres';
import { runMigrations } from '../database/migrate';

export const SCHEMA_FILE = join(process.cwd(), 'apps/api/schema.gql');
const HEADER = '# Generated from the code by `npm run schema:generate`. Do not edit by hand.\n\n';

async function main(mode: string): Promise<void> {
  const config = loadAppConfig({ ...process.env, NODE_ENV: 'test', SEED_DEMO: 'false', JWT_SECRET: 'schema-cli-secret-not-used-for-anything-0000' });
  const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres(config.embeddedPgDir, config.embeddedPgPort);
  const server = config.databaseUrl ?? embedded!.url;
  // A throwaway database, so printing the schema never touches real data.
  const scratch = `ensemble_schema_${process.pid}`;
  const admin = new Client({ connectionString: server });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${scratch}"`);
  await admin.query(`CREATE DATABASE "${scratch}"`);
  const u = new URL(server);
  u.pathname = `/${scratch}`;
  const url = u.toString();
  try {
    await runMigrations(url);
    const app = await NestFactory.create(AppModule.forRoot(config, url), createHttpAdapter(), {
      logger: false,
    });
    await app.init();
    const schema = app.get(GraphQLSchemaHost).schema;
    const text = HEADER + printSchema(lexicographicSortSchema(schema)) + '\n';
    await app.close();
    if (mode === 'write') {
      writeFileSync(SCHEMA_FILE, text);
      console.log(`Wrote ${SCHEMA_FILE}`);
    } else {
      let committed = '';
      try {
        committed = readFileSync(SCHEMA_FILE, 'utf8');
      } catch {
        // missing file = drift
      }
      if (committed !== text) {
        console.error('apps/api/schema.gql is out of date: run `npm run schema:generate` and commit it.');
        process.exitCode = 1;
      } else {
        console.log('apps/api/schema.gql matches the code.');
      }
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`);
    await admin.end();
    await embedded?.stop();
  }
}

main(process.argv[2] ?? 'check').catch((err) => {
  console.error(err);
  process.exit(1);
});
