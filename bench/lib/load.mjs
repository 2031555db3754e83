// Closed-loop HTTP load generator: N keep-alive connections, each sending its next request as
// soon as the previous answer is read, for a fixed duration (or a bounded request count).
import { readFileSync } from 'node:fs';
import http from 'node:http';

/** CPU time (ms, user + system) a process has used so far; NaN when it cannot be read. */
export function cpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in 1/100 s
  } catch {
    return NaN;
  }
}

export function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function summarise(latencies, seconds) {
  const sorted = Float64Array.from(latencies).sort();
  return {
    requests: sorted.length,
    rps: sorted.length / seconds,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
  };
}

/**
 * @param {object} o
 * @param {number} o.port  always 127.0.0.1
 * @param {number} o.connections
 * @param {number} o.durationMs
 * @param {number} [o.maxRequests] hard bound on requests (safety)
 * @param {number} [o.rate] open-loop target rate (requests/s) instead of closed-loop
 * @param {(i:number)=>{method?:string,path:string,headers?:object,body?:string}} o.request
 * @param {(status:number, body:string, req:object)=>string|null} [o.check] returns an error text or null
 * @param {number} [o.pid] server process: its CPU time per answered request is reported (cpuMsPerRequest)
 */
export async function runLoad(o) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.connections });
  const latencies = [];
  const errors = [];
  // Open loop: how late each request left this process (its own stalls, not the server's).
  const lateness = [];
  let issued = 0;
  const maxRequests = o.maxRequests ?? 5_000_000;
  const start = performance.now();
  const deadline = start + o.durationMs;
  const cpuBefore = o.pid ? cpuMs(o.pid) : NaN;

  const one = (req) =>
    new Promise((resolve, reject) => {
      const body = req.body ?? '';
      const r = http.request(
        {
          host: '127.0.0.1',
          port: o.port,
          method: req.method ?? (body ? 'POST' : 'GET'),
          path: req.path,
          agent,
          headers: {
            ...(body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {}),
            ...(req.headers ?? {}),
          },
        },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      r.setTimeout(30_000, () => r.destroy(new Error('timeout')));
      r.on('error', reject);
      r.end(body);
    });

  async function worker() {
    while (performance.now() < deadline && issued < maxRequests) {
      const i = issued++;
      const req = o.request(i);
      let t0 = performance.now();
      if (o.rate) {
        // Open loop: request i is due at start + i/rate; latency counts from when it was due
        // (no coordinated omission), so a stalled server shows up in p99.
        const due = start + (i * 1000) / o.rate;
        if (due >= deadline) break;
        if (due > t0) await new Promise((r) => setTimeout(r, due - t0));
        lateness.push(performance.now() - due);
        t0 = due;
      }
      try {
        const res = await one(req);
        const ms = performance.now() - t0;
        const err = o.check ? o.check(res.status, res.body, req) : res.status === 200 ? null : `HTTP ${res.status}`;
        if (err) {
          if (errors.length < 5) errors.push(err);
          else errors.push(null);
        } else latencies.push(ms);
      } catch (e) {
        errors.push(errors.length < 5 ? String(e.message) : null);
      }
    }
  }
  await Promise.all(Array.from({ length: o.connections }, worker));
  const seconds = (performance.now() - start) / 1000;
  const cpu = o.pid ? cpuMs(o.pid) - cpuBefore : NaN;
  agent.destroy();
  const late = o.rate ? summarise(lateness, 1) : null;
  return {
    ...summarise(latencies, seconds),
    seconds,
    cpuMsPerRequest: latencies.length ? cpu / latencies.length : NaN,
    ...(late ? { sendLateP99: late.p99, sendLateMax: late.max } : {}),
    errorCount: errors.length,
    errorSamples: errors.filter(Boolean),
  };
}

/** Fails loudly on GraphQL errors (or anything but a 200 with data). */
export function graphqlCheck(status, body) {
  if (status !== 200) return `HTTP ${status}: ${body.slice(0, 300)}`;
  if (body.includes('"errors"')) return `GraphQL errors: ${body.slice(0, 400)}`;
  return null;
}

/** One request (for setup and checks), JSON in and out, on a fresh connection (no stale keep-alive socket). */
export function postJson(port, path, payload, headers = {}) {
  const body = JSON.stringify(payload);
  return new Promise((resolve, reject) => {
    const r = http.request(
      { host: '127.0.0.1', port, path, method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            resolve({ status: res.statusCode, json: JSON.parse(text) });
          } catch {
            resolve({ status: res.statusCode, json: null, text });
          }
        });
      },
    );
    r.setTimeout(30_000, () => r.destroy(new Error('timeout')));
    r.on('error', reject);
    r.end(body);
  });
}
