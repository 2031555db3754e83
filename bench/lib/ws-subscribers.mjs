// Many websocket subscribers in this process: graphql-ws clients to the API, or bare ws clients
// to the baseline. Each records (arrival time, stamp) per message; everything bounded in time.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Opens `n` graphql-ws subscriptions spread over `ports`; resolves when each got its first board. */
export async function openGraphqlSubscribers({ ports, n, query, variables, token, stampOf, timeoutMs = 60_000 }) {
  const subs = [];
  const errors = [];
  for (let i = 0; i < n; i++) {
    const port = ports[i % ports.length];
    const sub = { events: [], client: null, dispose: null };
    sub.client = createClient({
      url: `ws://127.0.0.1:${port}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
      lazy: false,
      onNonLazyError: (e) => errors.push(String(e?.message ?? e?.reason ?? e)),
    });
    sub.dispose = sub.client.subscribe(
      { query, variables },
      {
        next: (v) => {
          if (v.errors) errors.push(`GraphQL errors: ${JSON.stringify(v.errors).slice(0, 300)}`);
          else sub.events.push({ at: performance.now(), stamp: stampOf(v.data) });
        },
        error: (e) => errors.push(String(e?.message ?? JSON.stringify(e)).slice(0, 300)),
        complete: () => undefined,
      },
    );
    subs.push(sub);
    if (i % 50 === 49) await sleep(20); // do not open a thousand sockets in one burst
  }
  const deadline = performance.now() + timeoutMs;
  while (subs.some((s) => s.events.length === 0) && performance.now() < deadline && errors.length === 0) await sleep(50);
  const ready = subs.filter((s) => s.events.length > 0).length;
  return {
    subs,
    errors,
    ready,
    close: async () => {
      for (const s of subs) s.dispose?.();
      await Promise.all(subs.map((s) => s.client.dispose()));
    },
  };
}

/** Bare ws clients to the baseline's /ws; `stampOf(raw string)` extracts the event stamp. */
export async function openBareSubscribers({ port, n, stampOf, timeoutMs = 30_000 }) {
  const subs = [];
  const opened = [];
  for (let i = 0; i < n; i++) {
    const sub = { events: [], ws: new WebSocket(`ws://127.0.0.1:${port}/ws`) };
    sub.ws.on('message', (data) => sub.events.push({ at: performance.now(), stamp: stampOf(data.toString()) }));
    opened.push(
      Promise.race([
        new Promise((r, j) => sub.ws.once('open', r).once('error', j)),
        sleep(timeoutMs).then(() => {
          throw new Error('ws open timeout');
        }),
      ]),
    );
    subs.push(sub);
    if (i % 50 === 49) await sleep(10);
  }
  await Promise.all(opened);
  return {
    subs,
    errors: [],
    ready: subs.length,
    close: async () => {
      for (const s of subs) s.ws.terminate();
    },
  };
}

/**
 * Matches every published stamp with what each subscriber received.
 * lost = (subscriber, event) pairs never received; latency = arrival − `from` time of that event.
 */
export function deliveryStats(subs, published, from = 'respAt') {
  const lat = [];
  let lost = 0;
  for (const s of subs) {
    const seen = new Map();
    for (const e of s.events) if (!seen.has(e.stamp)) seen.set(e.stamp, e.at);
    for (const p of published) {
      const at = seen.get(p.stamp);
      if (at === undefined) lost++;
      else lat.push(at - p[from]);
    }
  }
  lat.sort((a, b) => a - b);
  const pct = (q) => (lat.length ? lat[Math.min(lat.length - 1, Math.ceil((q / 100) * lat.length) - 1)] : NaN);
  return { expected: subs.length * published.length, delivered: lat.length, lost, p50: pct(50), p99: pct(99), max: lat.at(-1) ?? NaN };
}
