// Login failures in Redis, shared by every API instance: one sorted set per login key, scored by time.
// An attempt first reserves a place atomically (a Lua script), so concurrent attempts on one login —
// on any instance — never let more than MAX_LOGIN_FAILURES wrong passwords be checked per window.
import { randomUUID } from 'node:crypto';
import type { LoggerService } from '@nestjs/common';
import Redis, { type Result } from 'ioredis';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import {
  AttemptOutcome,
  CredentialCheck,
  LOGIN_WINDOW_MS,
  LoginThrottleStore,
  MAX_LOGIN_FAILURES,
} from './login-throttle.store';

/** Redis could not be asked before the credentials were checked: the caller may count elsewhere. */
export class RedisUnavailable extends Error {}

export const LOGIN_THROTTLE_KEY_PREFIX = 'ensemble:login-throttle:';

// Members are "p:<attempt>" while the attempt runs (it counts, as if it had failed) and
// "f:<attempt>" once it failed. The set expires one window after its last failure.

/** KEYS[1]: the login's set. ARGV: now (ms), window (ms), max failures, attempt id. 1 = go, 0 = locked. */
const BEGIN = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', tonumber(ARGV[1]) - tonumber(ARGV[2]))
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[1], 'p:' .. ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
`;

/** KEYS[1]: the login's set. ARGV: now (ms), window (ms), attempt id. */
const FAIL = `
redis.call('ZREM', KEYS[1], 'p:' .. ARGV[3])
redis.call('ZADD', KEYS[1], ARGV[1], 'f:' .. ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
`;

declare module 'ioredis' {
  interface RedisCommander<Context> {
    loginThrottleBegin(
      key: string,
      now: number,
      windowMs: number,
      max: number,
      id: string,
    ): Result<number, Context>;
    loginThrottleFail(
      key: string,
      now: number,
      windowMs: number,
      id: string,
    ): Result<number, Context>;
  }
}

export class RedisLoginThrottleStore implements LoginThrottleStore {
  private readonly redis: Redis;

  constructor(
    url: string,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly logger: LoggerService,
  ) {
    this.redis = new Redis(url, {
      // Fail fast while disconnected instead of queueing: the caller falls back to PostgreSQL.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: 1000,
      connectTimeout: 2000,
      retryStrategy: (times) => Math.min(times * 200, 5000),
    });
    this.redis.on('error', () => undefined); // Reported once a minute by the service, when it matters.
    this.redis.defineCommand('loginThrottleBegin', { numberOfKeys: 1, lua: BEGIN });
    this.redis.defineCommand('loginThrottleFail', { numberOfKeys: 1, lua: FAIL });
  }

  /** Resolves once connected, or after the first failure to connect (start-up does not wait for Redis). */
  connected(timeoutMs = 3000): Promise<void> {
    if (this.redis.status === 'ready') return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.redis.off('ready', done);
        this.redis.off('error', done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.redis.once('ready', done);
      this.redis.once('error', done);
    });
  }

  async attempt<T>(key: string, check: CredentialCheck<T>): Promise<AttemptOutcome<T>> {
    const redisKey = LOGIN_THROTTLE_KEY_PREFIX + key;
    const id = randomUUID();
    let allowed: number;
    try {
      allowed = await this.redis.loginThrottleBegin(
        redisKey,
        this.clock.now().getTime(),
        LOGIN_WINDOW_MS,
        MAX_LOGIN_FAILURES,
        id,
      );
    } catch (error) {
      throw new RedisUnavailable(error instanceof Error ? error.message : String(error));
    }
    if (!allowed) return { status: 'locked' };

    let value: T | null;
    try {
      value = await check();
    } catch (error) {
      // Not an attempt on the password (e.g. the database failed): give the place back.
      await this.redis.zrem(redisKey, `p:${id}`).catch(() => undefined);
      throw error;
    }
    try {
      if (value === null) {
        await this.redis.loginThrottleFail(
          redisKey,
          this.clock.now().getTime(),
          LOGIN_WINDOW_MS,
          id,
        );
        return { status: 'invalid' };
      }
      await this.redis.del(redisKey);
    } catch (error) {
      // The reservation stays and counts as a failure until it leaves the window: exact for a
      // failure; after a success, the earlier failures are not cleared and simply age out.
      this.logger.warn(
        `Redis: login attempt outcome not recorded (${error instanceof Error ? error.message : error})`,
      );
    }
    return value === null ? { status: 'invalid' } : { status: 'ok', value };
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
