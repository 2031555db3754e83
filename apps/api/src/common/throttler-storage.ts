// Per-address request counting for the ThrottlerGuard with the library's sliding-window rules
// (a hit counts for `ttl`; past `limit`, blocked for `blockDuration`), in O(1) per request: the
// library's in-memory storage filters every hit of the window and spreads them into Math.min on
// each request, which costs more the busier an address is (a school behind one NAT, a load test).
import { ThrottlerStorage } from '@nestjs/throttler';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

interface Window {
  /** Expiry times of the hits, oldest first; those before `head` have expired. */
  expiries: number[];
  head: number;
  /** End of the current reporting period (the X-RateLimit-Reset header). */
  resetAt: number;
  blockedUntil: number;
}

const SWEEP_MS = 60_000;

export class SlidingWindowThrottlerStorage implements ThrottlerStorage {
  private readonly windows = new Map<string, Window>();
  private readonly sweeper: NodeJS.Timeout;

  constructor() {
    this.sweeper = setInterval(() => this.sweep(Date.now()), SWEEP_MS);
    this.sweeper.unref();
  }

  increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const now = Date.now();
    const id = `${throttlerName}:${key}`;
    let w = this.windows.get(id);
    if (!w) {
      w = { expiries: [], head: 0, resetAt: now + ttl, blockedUntil: 0 };
      this.windows.set(id, w);
    }
    // Each hit is pushed once and passed over once.
    while (w.head < w.expiries.length && w.expiries[w.head] <= now) w.head++;
    if (w.head > 1024 && w.head * 2 > w.expiries.length) {
      w.expiries = w.expiries.slice(w.head);
      w.head = 0;
    }
    if (w.resetAt <= now) w.resetAt = now + ttl;
    const timeToExpire = Math.ceil((w.resetAt - now) / 1000);
    const record = (isBlocked: boolean, timeToBlockExpire: number): ThrottlerStorageRecord => ({
      totalHits: w.expiries.length - w.head,
      timeToExpire,
      isBlocked,
      timeToBlockExpire,
    });

    if (blockDuration <= 0) {
      if (w.expiries.length - w.head >= limit) {
        return Promise.resolve(record(true, Math.ceil((w.expiries[w.head] - now) / 1000)));
      }
      w.expiries.push(now + ttl);
      return Promise.resolve(record(false, 0));
    }
    if (w.blockedUntil > now) {
      return Promise.resolve(record(true, Math.ceil((w.blockedUntil - now) / 1000)));
    }
    if (w.blockedUntil !== 0) {
      // The block is over: the address starts afresh.
      w.expiries = [];
      w.head = 0;
      w.blockedUntil = 0;
    }
    w.expiries.push(now + ttl);
    if (w.expiries.length - w.head > limit) {
      w.blockedUntil = now + blockDuration;
      return Promise.resolve(record(true, Math.ceil(blockDuration / 1000)));
    }
    return Promise.resolve(record(false, 0));
  }

  /** Forgets addresses with no live hit and no block. */
  private sweep(now: number): void {
    for (const [id, w] of this.windows) {
      const live = w.expiries.length > w.head && w.expiries[w.expiries.length - 1] > now;
      if (!live && w.blockedUntil <= now) this.windows.delete(id);
    }
  }
}
