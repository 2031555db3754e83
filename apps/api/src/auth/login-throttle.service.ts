// Brute-force protection per login (not per address): 5 failures in 15 minutes lock the login.
// The failures live in Redis when REDIS_URL is set (one count for every API instance), in PostgreSQL
// otherwise; a Redis outage falls back to PostgreSQL, which every instance shares too.
import { createHmac } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app.config';
import { Clock } from '../common/clock';
import { PostgresLoginThrottleStore } from './login-throttle-postgres.store';
import { RedisLoginThrottleStore, RedisUnavailable } from './login-throttle-redis.store';
import type { AttemptOutcome, CredentialCheck } from './login-throttle.store';

export { LOGIN_WINDOW_MS, MAX_LOGIN_FAILURES } from './login-throttle.store';

@Injectable()
export class LoginThrottleService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(LoginThrottleService.name);
  private readonly postgres: PostgresLoginThrottleStore;
  private readonly redis: RedisLoginThrottleStore | null;
  private lastOutageWarning = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    clock: Clock,
    dataSource: DataSource,
  ) {
    this.postgres = new PostgresLoginThrottleStore(dataSource, clock);
    this.redis = config.redisUrl
      ? new RedisLoginThrottleStore(config.redisUrl, dataSource, clock, this.logger)
      : null;
  }

  /** The store in use while Redis answers. */
  get backend(): 'postgres' | 'redis' {
    return this.redis ? 'redis' : 'postgres';
  }

  /** A keyed hash of the login, so neither the table nor Redis holds an email. */
  keyOf(login: string): string {
    return createHmac('sha256', `${this.config.jwtSecret}:login-throttle`)
      .update(login.trim().toLowerCase())
      .digest('hex');
  }

  /** One login attempt, counted against `login` in whichever store is in use. */
  async attempt<T>(login: string, check: CredentialCheck<T>): Promise<AttemptOutcome<T>> {
    const key = this.keyOf(login);
    if (this.redis) {
      try {
        return await this.redis.attempt(key, check);
      } catch (error) {
        if (!(error instanceof RedisUnavailable)) throw error;
        // Nothing was checked yet: counting in PostgreSQL keeps the limit shared by every instance,
        // and sign-in keeps working during the outage.
        this.warnOutage(error);
      }
    }
    return this.postgres.attempt(key, check);
  }

  private warnOutage(error: RedisUnavailable): void {
    const now = Date.now();
    if (now - this.lastOutageWarning < 60_000) return;
    this.lastOutageWarning = now;
    this.logger.warn(
      `Redis unavailable (${error.message}): login throttling counts in PostgreSQL meanwhile`,
    );
  }

  async onModuleInit(): Promise<void> {
    await this.redis?.connected();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis?.close();
  }
}
