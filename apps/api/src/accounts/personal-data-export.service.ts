// GDPR art. 15/20: every row of every table that references the user, found from the
// database's own foreign keys so a new table can never be forgotten.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';

/** Credentials and secrets are not personal data to hand out, even to their owner. */
const SECRET_COLUMNS = new Set(['password_hash', 'token_hash', 'code_hash', 'login_key']);

interface ForeignKey {
  table: string;
  column: string;
}

@Injectable()
export class PersonalDataExportService {
  private foreignKeys?: Promise<ForeignKey[]>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Every (table, column) with a foreign key to users(id). */
  userForeignKeys(): Promise<ForeignKey[]> {
    this.foreignKeys ??= this.dataSource.query(`
      SELECT cl.relname AS "table", att.attname AS "column"
      FROM pg_constraint con
      JOIN pg_class cl ON cl.oid = con.conrelid
      JOIN pg_namespace ns ON ns.oid = cl.relnamespace AND ns.nspname = current_schema()
      JOIN LATERAL unnest(con.conkey) AS k(attnum) ON true
      JOIN pg_attribute att ON att.attrelid = con.conrelid AND att.attnum = k.attnum
      WHERE con.contype = 'f' AND con.confrelid = 'users'::regclass
      ORDER BY 1, 2`);
    return this.foreignKeys;
  }

  private strip(row: Record<string, unknown>): Record<string, unknown> {
    return Object.fromEntries(Object.entries(row).filter(([k]) => !SECRET_COLUMNS.has(k)));
  }

  async export(userId: string): Promise<Record<string, unknown>> {
    const [user] = await this.dataSource.query('SELECT * FROM users WHERE id = $1', [userId]);
    const school = user?.school_id
      ? (await this.dataSource.query('SELECT * FROM schools WHERE id = $1', [user.school_id]))[0]
      : null;
    const related: Record<string, Record<string, unknown>[]> = {};
    for (const fk of await this.userForeignKeys()) {
      const rows: Record<string, unknown>[] = await this.dataSource.query(
        `SELECT * FROM "${fk.table}" WHERE "${fk.column}" = $1`,
        [userId],
      );
      if (rows.length === 0) continue;
      const key = `${fk.table}.${fk.column}`;
      related[key] = rows.map((r) => this.strip(r));
    }
    return {
      exportedAt: this.clock.now().toISOString(),
      about: 'Données personnelles détenues par Ensemble sur ce compte (RGPD, articles 15 et 20).',
      user: user ? this.strip(user) : null,
      school,
      related,
    };
  }
}
