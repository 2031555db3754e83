#!/usr/bin/env node
// `npm run db:restore -- <file>`: restores a db:backup archive into DATABASE_URL (the embedded
// database of `npm start` when unset). Existing tables are dropped and recreated (--clean
// --if-exists), all in one transaction: a failed restore leaves the database as it was.
// Stop the API first (or expect its requests to fail meanwhile); run migrations after restoring an
// older backup (`npm run migration:run`, or simply start the app).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { targetDatabase } from './pg-connection.mjs';

const arg = process.argv[2];
if (!arg) {
  console.error('Usage: npm run db:restore -- <backup file> (made by npm run db:backup)');
  process.exit(2);
}
const file = resolve(arg);
if (!existsSync(file)) {
  console.error(`No such backup file: ${file}`);
  process.exit(2);
}
const db = targetDatabase();
const res = spawnSync(
  process.env.PG_RESTORE || 'pg_restore',
  [
    '--clean',
    '--if-exists',
    '--no-owner',
    '--no-privileges',
    '--single-transaction',
    '--exit-on-error',
    `--dbname=${db.url}`,
    file,
  ],
  { stdio: 'inherit', env: db.env },
);
if (res.error || res.status !== 0) {
  console.error(
    `Restore into ${db.label} failed${res.error ? `: ${res.error.message}` : ` (pg_restore exit code ${res.status})`}`,
  );
  if (db.embedded)
    console.error('DATABASE_URL is unset: is the app (and its embedded PostgreSQL) running?');
  process.exit(1);
}
console.log(`Restored ${file} into ${db.label}`);
