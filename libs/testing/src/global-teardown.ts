import { adminQuery, TEMPLATE_ENV } from './test-database';

export default async function globalTeardown(): Promise<void> {
  const base = process.env.DATABASE_URL;
  const template = process.env[TEMPLATE_ENV];
  if (base && template) await adminQuery(base, `DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
  const embedded = (globalThis as { __ENSEMBLE_EMBEDDED__?: { stop(): Promise<void> } }).__ENSEMBLE_EMBEDDED__;
  await embedded?.stop();
}
