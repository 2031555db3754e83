// A digest of every application table, to assert that a refused call wrote nothing anywhere.
import type { DataSource } from 'typeorm';
import type { TestApp } from './test-app';

const statements = new WeakMap<DataSource, Promise<string>>();

/** One SELECT returning, per table of the public schema, an md5 of all its rows. */
async function fingerprintStatement(db: DataSource): Promise<string> {
  const tables: { name: string }[] = await db.query(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  if (!tables.length) throw new Error('No table to fingerprint: is the database migrated?');
  const column = (name: string) => {
    const quoted = `"${name.replace(/"/g, '""')}"`;
    return `(SELECT md5(coalesce(string_agg(r::text, ',' ORDER BY r::text), '')) FROM ${quoted} r) AS ${quoted}`;
  };
  return `SELECT ${tables.map((t) => column(t.name)).join(',\n       ')}`;
}

/**
 * Table name → md5 of its rows (every column, every row). Two equal fingerprints taken around a
 * call prove it changed nothing in the database; a difference names the tables it touched.
 */
export async function databaseFingerprint(t: Pick<TestApp, 'db'>): Promise<Record<string, string>> {
  let sql = statements.get(t.db);
  if (!sql) {
    sql = fingerprintStatement(t.db);
    statements.set(t.db, sql);
  }
  const [row] = await t.db.query(await sql);
  return row as Record<string, string>;
}

/** The tables whose rows differ between two fingerprints (empty: nothing was written). */
export function changedTables(
  before: Record<string, string>,
  after: Record<string, string>,
): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((table) => before[table] !== after[table])
    .sort();
}
