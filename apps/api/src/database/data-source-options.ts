// The one place that says how we talk to PostgreSQL (app, CLI, tests, scripts).
import { DataSourceOptions } from 'typeorm';
import { migrations } from './migrations';

export function dataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    uuidExtension: 'pgcrypto',
    // gen_random_uuid() is built into PostgreSQL ≥ 13: nothing to install, no superuser needed.
    installExtensions: false,
    poolSize,
    extra: {
      // Fail fast when the database is unreachable instead of queueing forever.
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30000,
      application_name: 'ensemble-api',
    },
  };
}
