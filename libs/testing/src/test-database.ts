// Test databases: one migrated template per test run, one copy per test file (parallel-safe).
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export const TEMPLATE_ENV = 'ENSEMBLE_TEST_TEMPLATE_DB';

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function adminQuery<T = unknown>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Creates a fresh database from the migrated template of this run. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env.DATABASE_URL;
  const template = process.env[TEMPLATE_ENV];
  if (!base || !template) throw new Error('Integration tests need the Jest global setup (DATABASE_URL and template)');
  const name = `ensemble_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(base, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  return {
    url: withDatabase(base, name),
    drop: async () => {
      await adminQuery(base, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}
