// Many websocket subscribers in this process: graphql-ws clients to the API, or bare ws clients
// to the baseline. Each records (arrival time, stamp) per message; everything bounded in time.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** `open(i)` for i < n, 50 at a time with a pause between (not a thousand sockets in one burst). */
async function openPaced(n, open) {
  const subs = [];
  for (let i = 0; i < n; i++) {
    subs.push(open(i));
    if (i % 50 === 49) await sleep(20);
  }
  return subs;
}

/**
 * The opened set once every subscriber got its first event (or timeoutMs passed, or an error came):
 * `ready` says how many did.
 */
async function subscriberSet(subs, errors, timeoutMs, close) {
  const deadline = performance.now() + timeoutMs;
  while (subs.some((s) => s.events.length === 0) && performance.now() < deadline && errors.length === 0) await sleep(50);
  return { subs, errors, ready: subs.filter((s) => s.events.length > 0).length, close };
}

/** Opens `n` graphql-ws subscriptions spread over `ports`; resolves when each got its first board. */
export async function openGraphqlSubscribers({ ports, n, query, variables, token, stampOf, timeoutMs = 60_000 }) {
  const errors = [];
  const subs = await openPaced(n, (i) => {
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
    return sub;
  });
  return subscriberSet(subs, errors, timeoutMs, async () => {
    for (const s of subs) s.dispose?.();
    await Promise.all(subs.map((s) => s.client.dispose()));
  });
}

/**
 * The same subscriptions over the graphql-transport-ws protocol spoken directly on `ws`, for the
 * delivery figures. A thousand graphql-ws clients in one process each JSON.parse every ~10 KB
 * board before the next one is read: the harness's one thread then adds up to a thousand parses
 * to the last subscriber's latency, which a real subscriber (its own browser) never waits for.
 * So only every `parseEvery`-th subscriber parses its messages whole (and checks the stamp read
 * from the text is the one in the data); the others check the frame is this subscription's
 * `next` without `errors` and read the stamp from the text, as the bare baseline clients do.
 */
export async function openLeanGraphqlSubscribers({ ports, n, query, variables, token, stampOf, stampField, parseEvery = 50, timeoutMs = 60_000 }) {
  const errors = [];
  const needle = `"${stampField}":"`;
  const textStamp = (raw) => {
    const at = raw.indexOf(needle);
    return at < 0 ? undefined : raw.slice(at + needle.length, raw.indexOf('"', at + needle.length));
  };
  const subs = await openPaced(n, (i) => {
    const port = ports[i % ports.length];
    const whole = i % parseEvery === 0;
    const sub = { events: [], ws: new WebSocket(`ws://127.0.0.1:${port}/graphql`, 'graphql-transport-ws') };
    sub.ws.on('open', () => sub.ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
    sub.ws.on('message', (data) => {
      const raw = data.toString();
      if (raw.startsWith('{"id":"1","type":"next","payload":{"data":') && !raw.includes('"errors":')) {
        const stamp = textStamp(raw);
        if (whole) {
          const parsed = JSON.parse(raw);
          if (stampOf(parsed.payload.data) !== stamp) errors.push(`stamp read from the text (${stamp}) is not the data's`);
        }
        sub.events.push({ at: performance.now(), stamp });
        return;
      }
      const msg = JSON.parse(raw);
      if (msg.type === 'connection_ack') sub.ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables } }));
      else if (msg.type === 'ping') sub.ws.send(JSON.stringify({ type: 'pong' }));
      else if (msg.type !== 'pong') errors.push(`unexpected message: ${raw.slice(0, 300)}`);
    });
    sub.ws.on('error', (e) => errors.push(String(e.message)));
    sub.ws.on('close', (code, reason) => {
      if (!sub.closing) errors.push(`closed ${code} ${reason}`);
    });
    return sub;
  });
  return subscriberSet(subs, errors, timeoutMs, () =>
    Promise.all(
      subs.map((s) => {
        s.closing = true;
        if (s.ws.readyState === WebSocket.CLOSED) return undefined;
        const closed = new Promise((r) => s.ws.once('close', r));
        s.ws.close(1000);
        return Promise.race([closed, sleep(2000).then(() => s.ws.terminate())]);
      }),
    ),
  );
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
