// Brute-force protection per login (not per address): 5 failures in 15 minutes lock the login.
import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app.config';
import { Clock } from '../common/clock';

export const MAX_LOGIN_FAILURES = 5;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

@Injectable()
export class LoginThrottleService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** A keyed hash of the login, so the table holds no email. */
  keyOf(login: string): string {
    return createHmac('sha256', `${this.config.jwtSecret}:login-throttle`)
      .update(login.trim().toLowerCase())
      .digest('hex');
  }

  /** Serialises attempts on one login inside the caller's transaction. */
  async lock(manager: EntityManager, key: string): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 7))', [key]);
  }

  async isLocked(manager: EntityManager, key: string): Promise<boolean> {
    const since = new Date(this.clock.now().getTime() - LOGIN_WINDOW_MS);
    const rows: { n: string }[] = await manager.query(
      'SELECT count(*) AS n FROM login_failures WHERE login_key = $1 AND failed_at > $2',
      [key, since],
    );
    return Number(rows[0].n) >= MAX_LOGIN_FAILURES;
  }

  async recordFailure(manager: EntityManager, key: string): Promise<void> {
    await manager.query('INSERT INTO login_failures (login_key, failed_at) VALUES ($1, $2)', [
      key,
      this.clock.now(),
    ]);
    // Old rows are useless: keep the table small.
    await manager.query('DELETE FROM login_failures WHERE failed_at < $1', [
      new Date(this.clock.now().getTime() - 2 * LOGIN_WINDOW_MS),
    ]);
  }

  async clear(manager: EntityManager, key: string): Promise<void> {
    await manager.query('DELETE FROM login_failures WHERE login_key = $1', [key]);
  }
}
