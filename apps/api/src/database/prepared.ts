// Named (server-side prepared) statements and raw-row → entity mapping for the few reads and
// writes every request makes. TypeORM's find() builds its SQL anew on each call (≈ 0.2 ms of
// CPU, twice what the round trip costs) and its query() cannot name a statement, so PostgreSQL
// parses and plans it again each time.
import { DataSource, EntityManager, EntityTarget, ObjectLiteral, Repository } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';

/** A statement PostgreSQL prepares once per connection: the name must be unique per text. */
export interface Statement {
  name: string;
  text: string;
}

interface PgClient {
  query(config: {
    name: string;
    text: string;
    values: unknown[];
  }): Promise<{ rows: unknown[]; rowCount: number | null }>;
}

/**
 * Runs a prepared statement on the pool TypeORM manages (or on the connection of the caller's
 * transaction when given an EntityManager inside one). Logged through TypeORM's logger like any
 * other statement, so the tests' statement counters still see it.
 */
export async function runPrepared<R>(
  db: DataSource | EntityManager,
  statement: Statement,
  values: unknown[],
): Promise<{ rows: R[]; rowCount: number }> {
  const dataSource = db instanceof DataSource ? db : db.connection;
  dataSource.logger.logQuery(statement.text, values);
  const runner =
    db instanceof DataSource ? undefined : (db.queryRunner as PostgresQueryRunner | undefined);
  const client: PgClient =
    runner && !runner.isReleased
      ? ((await runner.connect()) as PgClient)
      : ((dataSource.driver as PostgresDriver).master as PgClient);
  const result = await client.query({ name: statement.name, text: statement.text, values });
  return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
}

export async function queryPrepared<R>(
  db: DataSource | EntityManager,
  statement: Statement,
  values: unknown[],
): Promise<R[]> {
  return (await runPrepared<R>(db, statement, values)).rows;
}

/**
 * Selects an entity's row under an alias as one JSON column, `row_to_json(alias) AS "alias"`, and
 * turns such values back into entities, from TypeORM's own metadata (a column added to the
 * entity is picked up). One JSON column instead of one column per field: pg builds a parser and
 * a property per column of every result (a user has 17), which cost more than JSON.parse of the
 * row (measured: a viewer's read 51–82 → 28 µs of CPU). Only for entities whose columns JSON
 * carries as the entity holds them: no transformers, no JSON/array/numeric/bigint.
 */
export class EntityColumns<T extends ObjectLiteral> {
  /** `row_to_json(alias) AS "alias"` */
  readonly select: string;
  private readonly columns: { name: string; property: string; date: boolean }[];
  private readonly make: () => T;

  constructor(
    dataSource: DataSource,
    target: EntityTarget<T>,
    readonly alias: string,
  ) {
    const meta = dataSource.getMetadata(target);
    const plain = new Set([
      'uuid',
      'varchar',
      'char',
      'text',
      'integer',
      'int',
      'boolean',
      'double precision',
      'timestamptz',
      'timestamp with time zone',
    ]);
    for (const c of meta.columns) {
      const type = typeof c.type === 'string' ? c.type : '';
      if (c.transformer || c.embeddedMetadata || !plain.has(type)) {
        throw new Error(
          `${meta.name}.${c.propertyName} (${type || 'non-string type'}) needs TypeORM's hydration`,
        );
      }
    }
    // JSON gives timestamps as ISO 8601 strings with their offset; the other types as pg would.
    this.columns = meta.columns.map((c) => ({
      name: c.databaseName,
      property: c.propertyName,
      date: c.type === 'timestamptz' || c.type === 'timestamp with time zone',
    }));
    this.select = `row_to_json(${alias}) AS "${alias}"`;
    this.make = () => meta.create() as T;
  }

  /** For a LEFT JOINed entity: null when the row has none. */
  fromRowOrNull(row: Record<string, unknown>): T | null {
    const json = row[this.alias] as Record<string, unknown> | null;
    return json == null ? null : this.fromJson(json);
  }

  fromRow(row: Record<string, unknown>): T {
    return this.fromJson(row[this.alias] as Record<string, unknown>);
  }

  /**
   * An entity from `row_to_json(alias)` (keys are column names), selected by `select` or nested
   * in a larger JSON value. Dates keep millisecond precision, as pg's own timestamp parser does.
   */
  fromJson(json: Record<string, unknown>): T {
    const entity = this.make() as Record<string, unknown>;
    for (const c of this.columns) {
      const value = json[c.name];
      entity[c.property] = c.date && typeof value === 'string' ? new Date(value) : value;
    }
    return entity as T;
  }
}

interface KeyRead<T extends ObjectLiteral> {
  columns: EntityColumns<T>;
  statement: Statement;
}

const keyReads = new WeakMap<DataSource, Map<string, KeyRead<ObjectLiteral>>>();

/**
 * The rows whose uuid column `column` is one of `keys`, as entities, optionally ordered: what a
 * DataLoader batch or a find-by-id needs, as one prepared statement per (entity, column, order).
 */
export async function readByKeys<T extends ObjectLiteral>(
  repository: Repository<T>,
  column: keyof T & string,
  keys: readonly string[],
  order: (keyof T & string)[] = [],
): Promise<T[]> {
  if (!keys.length) return [];
  const manager = repository.manager;
  const dataSource = manager.connection;
  let reads = keyReads.get(dataSource);
  if (!reads) keyReads.set(dataSource, (reads = new Map()));
  const meta = repository.metadata;
  const id = `${meta.tableName}.${column}${order.length ? `.${order.join('.')}` : ''}`;
  let read = reads.get(id) as KeyRead<T> | undefined;
  if (!read) {
    const columns = new EntityColumns<T>(dataSource, meta.target, 'r');
    const db = (property: string) => {
      const c = meta.findColumnWithPropertyName(property);
      if (!c) throw new Error(`${meta.name} has no column ${property}`);
      return `r.${c.databaseName}`;
    };
    const orderBy = order.length ? ` ORDER BY ${order.map(db).join(', ')}` : '';
    read = {
      columns,
      statement: {
        name: `read.${id}`.slice(0, 63),
        text: `SELECT ${columns.select} FROM ${meta.tablePath} r WHERE ${db(column)} = ANY($1::uuid[])${orderBy}`,
      },
    };
    reads.set(id, read as KeyRead<ObjectLiteral>);
  }
  const db = manager.queryRunner ? manager : dataSource;
  const rows = await queryPrepared<Record<string, unknown>>(db, read.statement, [[...keys]]);
  return rows.map((r) => read.columns.fromRow(r));
}
