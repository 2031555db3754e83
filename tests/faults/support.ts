// Fault-test kit: the built API as a real child process, a throw-away database, a cuttable TCP
// proxy in front of PostgreSQL, and a minimal GraphQL client that records what it saw.
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, Server, Socket, connect } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import * as argon2 from 'argon2';

export const ROOT = join(__dirname, '..', '..');
export const MAIN_JS = join(ROOT, 'dist/apps/api/apps/api/src/main.js');
export const JWT_SECRET = 'fault-test-secret-that-is-long-enough-for-hs256-0123456789';
export const ADMIN_EMAIL = 'fault-admin@test.ensemble.fr';
export const PASSWORD = 'Correct-Horse-Battery-42';

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function requireBuild(): void {
  if (!existsSync(MAIN_JS)) {
    throw new Error(
      `Fault tests run the built API, and ${MAIN_JS} is missing: run \`npm run build\` first.`,
    );
  }
}

export function baseDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      'Fault tests need DATABASE_URL (a PostgreSQL server, e.g. postgres://postgres@127.0.0.1:5432/test)',
    );
  }
  return url;
}

export function withDatabase(url: string, database: string, port?: number): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  if (port) {
    // The proxy listens on IPv4 loopback.
    u.hostname = '127.0.0.1';
    u.port = String(port);
  }
  return u.toString();
}

export async function sql<T = any>(
  url: string,
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/**
 * An empty database on the server (the API migrates it at boot). Named like the integration
 * databases (`ensemble_t_<pid>_…`) so the Jest global setup drops it if this run crashes.
 */
export async function freshDatabase(): Promise<{
  name: string;
  url: string;
  drop(): Promise<void>;
}> {
  const base = baseDatabaseUrl();
  const name = `ensemble_t_${process.pid}_fault_${randomBytes(4).toString('hex')}`;
  await sql(base, `CREATE DATABASE "${name}"`);
  return {
    name,
    url: withDatabase(base, name),
    drop: async () => {
      await sql(base, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/** A TCP forwarder to PostgreSQL that a test can cut (every socket destroyed, new ones refused) and restore. */
export class TcpProxy {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  async start(port = 0): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect(this.targetPort, this.targetHost);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream);
      upstream.pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as { port: number }).port;
  }

  /** The database becomes unreachable: live connections drop, new ones are refused. */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    if (server) await new Promise<void>((r) => server.close(() => r()));
  }

  /** Listens again on the same port. */
  async restore(): Promise<void> {
    await this.start(this.port);
  }

  async close(): Promise<void> {
    await this.cut();
  }
}

export interface ApiProcess {
  proc: ChildProcess;
  baseUrl: string;
  /** stdout + stderr, for failure messages. */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  alive(): boolean;
  stop(): Promise<void>;
}

/** Starts `node dist/…/main.js` and waits until /health/ready answers 200. */
export async function startApi(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<ApiProcess> {
  requireBuild();
  const port = await freePort();
  let out = '';
  const proc = spawn(process.execPath, [MAIN_JS], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      JWT_SECRET,
      SEED_DEMO: 'false',
      ENSEMBLE_ADMIN_EMAIL: ADMIN_EMAIL,
      ENSEMBLE_ADMIN_PASSWORD: PASSWORD,
      RATE_LIMIT_PER_MINUTE: '1000000',
      LOG_LEVEL: 'warn',
      SHUTDOWN_GRACE_MS: '300',
      RETENTION_CHECK_INTERVAL_MS: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout!.on('data', (d) => (out = (out + d).slice(-20_000)));
  proc.stderr!.on('data', (d) => (out = (out + d).slice(-20_000)));
  let done = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>(
    (resolve) =>
      proc.on('exit', (code, signal) => {
        done = true;
        resolve({ code, signal, at: Date.now() });
      }),
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  const api: ApiProcess = {
    proc,
    baseUrl,
    output: () => out,
    exited,
    alive: () => !done,
    stop: async () => {
      if (done) return;
      proc.kill('SIGKILL');
      await exited;
    },
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (done) throw new Error(`The API exited during start-up:\n${out}`);
    if ((await httpStatus(`${baseUrl}/health/ready`, 1000)) === 200) return api;
    await sleep(100);
  }
  await api.stop();
  throw new Error(`The API did not become ready within 60 s:\n${out}`);
}

/** HTTP status of a GET, or 0 when no answer came (refused, reset, timeout). */
export async function httpStatus(url: string, timeoutMs = 3000): Promise<number> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

export interface GqlResult<T = any> {
  /** HTTP status, 0 when no answer came. */
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
  networkError?: string;
}

export async function gql<T = any>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
  timeoutMs = 20_000,
): Promise<GqlResult<T>> {
  try {
    const res = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    try {
      const body = JSON.parse(text);
      return { status: res.status, data: body.data, errors: body.errors };
    } catch {
      return { status: res.status, networkError: `non-JSON answer: ${text.slice(0, 200)}` };
    }
  } catch (err) {
    return { status: 0, networkError: String((err as Error).cause ?? err) };
  }
}

export const succeeded = (r: GqlResult) => r.status === 200 && !r.errors?.length && !!r.data;

export async function login(
  baseUrl: string,
  loginName: string,
  password = PASSWORD,
): Promise<string> {
  const r = await gql(
    baseUrl,
    `mutation($l: String!, $p: String!) { login(login: $l, password: $p) { accessToken } }`,
    {
      l: loginName,
      p: password,
    },
  );
  if (!succeeded(r)) throw new Error(`login ${loginName} failed: ${JSON.stringify(r)}`);
  return r.data.login.accessToken;
}

let passwordHash: Promise<string> | undefined;
export const hashedPassword = () =>
  (passwordHash ??= argon2.hash(PASSWORD, {
    type: argon2.argon2id,
    memoryCost: 19456,
    timeCost: 2,
    parallelism: 1,
  }));

let uaiSequence = 0;
/** A valid UAI (7 digits + a letter), unique within this process (each test has its own database). */
export function uniqueUai(): string {
  const n = uaiSequence++;
  return `${String(n).padStart(7, '0')}${'ABCDEFGHJKLMNPRSTUVWXYZ'[n % 23]}`;
}

export const CREATE_SCHOOL = `mutation($input: SchoolInput!) { createSchool(input: $input) { id uai } }`;
export const schoolInput = (uai: string) => ({
  uai,
  name: `Collège ${uai}`,
  city: 'Nice',
  department: '06',
  level: 'COLLEGE',
});
