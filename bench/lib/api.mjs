// Starting and stopping API instances (and the baseline), tokens, RSS sampling.
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
export const API_MAIN = path.join(ROOT, 'dist/apps/api/apps/api/src/main.js');
export const MIGRATE = path.join(ROOT, 'dist/apps/api/apps/api/src/database/migrate.js');
export const JWT_SECRET = 'bench-secret-bench-secret-bench-secret-0123456789';

const children = new Set();
export function killAll() {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
}
process.on('exit', killAll);

/** Starts a node process and resolves once GET <readyPath> answers 200 (bounded wait). */
export async function startProcess(name, args, env, port, readyPath = '/health/ready', timeoutMs = 60_000) {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let log = '';
  const keep = (d) => {
    log = (log + d.toString()).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  // BENCH_API_LOG_DIR=dir keeps each process's whole output (e.g. with BENCH_API_NODE_ARGS=--trace-gc).
  if (process.env.BENCH_API_LOG_DIR) {
    mkdirSync(process.env.BENCH_API_LOG_DIR, { recursive: true });
    const file = createWriteStream(path.join(process.env.BENCH_API_LOG_DIR, `${name.replace(/\W+/g, '-')}-${child.pid}.log`));
    child.stdout.pipe(file);
    child.stderr.pipe(file);
  }
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}):\n${log.slice(-3000)}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}${readyPath}`);
      if (res.ok) break;
    } catch {
      /* not yet listening */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  if (Date.now() >= deadline) {
    child.kill('SIGKILL');
    throw new Error(`${name} not ready after ${timeoutMs} ms:\n${log.slice(-3000)}`);
  }
  return {
    name,
    port,
    pid: child.pid,
    child,
    log: () => log,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(t);
      children.delete(child);
    },
  };
}

/** Extra Node flags for the API processes, e.g. BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=prof". */
const API_NODE_ARGS = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);

export function startApi(databaseUrl, port, extraEnv = {}) {
  return startProcess(
    `api:${port}`,
    [...API_NODE_ARGS, API_MAIN],
    {
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      SEED_DEMO: 'false',
      JWT_SECRET,
      RATE_LIMIT_PER_MINUTE: '100000000',
      LOG_LEVEL: 'warn',
      SHUTDOWN_GRACE_MS: '0',
      REDIS_URL: '',
      ...extraEnv,
    },
    port,
  );
}

/** An access token as TokensService signs it (HS256, iss/aud, sv = session_version = 0). */
export function token(userId, sessionVersion = 0) {
  const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const iat = Math.floor(Date.now() / 1000);
  const head = b64({ alg: 'HS256', typ: 'JWT' });
  const body = b64({ sub: userId, sv: sessionVersion, iat, exp: iat + 3600, iss: 'ensemble', aud: 'ensemble-api' });
  const sig = createHmac('sha256', JWT_SECRET).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${sig}`;
}

/** Samples VmRSS every 100 ms; stop() returns the maximum seen (MiB) and the process's VmHWM. */
export function rssSampler(pid) {
  let max = 0;
  const read = (field) => {
    try {
      const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`${field}:\\s+(\\d+) kB`));
      return m ? Number(m[1]) / 1024 : 0;
    } catch {
      return 0;
    }
  };
  const timer = setInterval(() => (max = Math.max(max, read('VmRSS'))), 100);
  max = read('VmRSS');
  return {
    stop() {
      clearInterval(timer);
      return { peakRssMiB: Math.round(Math.max(max, read('VmRSS'))), hwmMiB: Math.round(read('VmHWM')) };
    },
  };
}
