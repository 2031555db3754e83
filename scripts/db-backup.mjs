#!/usr/bin/env node
// `npm run db:backup [-- <file>]`: a pg_dump custom-format archive of DATABASE_URL (default file
// backups/ensemble-<timestamp>.dump). When DATABASE_URL is unset, the embedded database of
// `npm start` is backed up: the app must be running. pg_dump must be at least the server's major
// version (set PG_DUMP to its path otherwise).
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { targetDatabase, timestamp } from './pg-connection.mjs';

const root = join(import.meta.dirname, '..');
const file = resolve(process.argv[2] ?? join(root, 'backups', `ensemble-${timestamp()}.dump`));
const db = targetDatabase();
mkdirSync(dirname(file), { recursive: true });

const res = spawnSync(
  process.env.PG_DUMP || 'pg_dump',
  ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, `--dbname=${db.url}`],
  { stdio: 'inherit', env: db.env },
);
if (res.error || res.status !== 0) {
  console.error(
    `Backup of ${db.label} failed${res.error ? `: ${res.error.message}` : ` (pg_dump exit code ${res.status})`}`,
  );
  if (db.embedded)
    console.error('DATABASE_URL is unset: is the app (and its embedded PostgreSQL) running?');
  process.exit(1);
}
console.log(`Backed up ${db.label} to ${file} (${statSync(file).size} bytes)`);
