// Jest global setup: a PostgreSQL (DATABASE_URL, or an embedded one) and a migrated template database.
import { runMigrations } from '../../../apps/api/src/database/migrate';
import { startEmbeddedPostgres } from '../../../apps/api/src/database/embedded-postgres';
import { adminQuery, TEMPLATE_ENV, withDatabase } from './test-database';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export default async function globalSetup(): Promise<void> {
  let base = process.env.DATABASE_URL;
  if (!base) {
    const embedded = await startEmbeddedPostgres('/var/tmp/ensemble-test-pg', 54330, 'postgres');
    base = embedded.url;
    process.env.DATABASE_URL = base;
    (globalThis as { __ENSEMBLE_EMBEDDED__?: unknown }).__ENSEMBLE_EMBEDDED__ = embedded;
  }
  // Databases left behind by runs that crashed.
  const leftovers = await adminQuery<{ datname: string }>(
    base,
    `SELECT datname FROM pg_database WHERE datname ~ '^ensemble_(t|tpl)_[0-9]+'`,
  );
  for (const { datname } of leftovers) {
    const pid = Number(/^ensemble_(?:t|tpl)_(\d+)/.exec(datname)?.[1]);
    if (pid && !alive(pid)) await adminQuery(base, `DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  }
  const template = `ensemble_tpl_${process.pid}`;
  await adminQuery(base, `DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
  await adminQuery(base, `CREATE DATABASE "${template}"`);
  await runMigrations(withDatabase(base, template));
  process.env[TEMPLATE_ENV] = template;
}
