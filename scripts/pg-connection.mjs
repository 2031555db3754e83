// Shared by db-backup.mjs and db-restore.mjs: which database, and how to hand it to pg_dump/pg_restore
// without putting the password on the command line (where `ps` would show it).

/** The embedded PostgreSQL that `npm start` runs when DATABASE_URL is unset (it must be running). */
export const EMBEDDED_URL = 'postgres://postgres:ensemble-local@127.0.0.1:54329/ensemble';

export function targetDatabase(env = process.env) {
  const url = env.DATABASE_URL || EMBEDDED_URL;
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  const childEnv = { ...env };
  if (password) childEnv.PGPASSWORD = password;
  return {
    url: u.toString(),
    env: childEnv,
    embedded: !env.DATABASE_URL,
    label: `${u.hostname}:${u.port || 5432}${u.pathname}`,
  };
}

export function timestamp(date = new Date()) {
  return date.toISOString().replace(/[:]/g, '-').replace(/\..*$/, '');
}
