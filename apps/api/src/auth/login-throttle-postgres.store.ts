// Login failures as rows of login_failures; attempts on one login are serialised by an advisory lock.
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import {
  AttemptOutcome,
  CredentialCheck,
  LOGIN_WINDOW_MS,
  LoginThrottleStore,
  MAX_LOGIN_FAILURES,
} from './login-throttle.store';

export class PostgresLoginThrottleStore implements LoginThrottleStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  attempt<T>(key: string, check: CredentialCheck<T>): Promise<AttemptOutcome<T>> {
    return this.dataSource.transaction(async (m): Promise<AttemptOutcome<T>> => {
      // Held until commit: the next attempt on this login sees this one's outcome.
      await m.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 7))', [key]);
      if (await this.isLocked(m, key)) return { status: 'locked' };
      const value = await check(m);
      if (value === null) {
        await this.recordFailure(m, key);
        return { status: 'invalid' };
      }
      await m.query('DELETE FROM login_failures WHERE login_key = $1', [key]);
      return { status: 'ok', value };
    });
  }

  private async isLocked(m: EntityManager, key: string): Promise<boolean> {
    const since = new Date(this.clock.now().getTime() - LOGIN_WINDOW_MS);
    const rows: { n: string }[] = await m.query(
      'SELECT count(*) AS n FROM login_failures WHERE login_key = $1 AND failed_at > $2',
      [key, since],
    );
    return Number(rows[0].n) >= MAX_LOGIN_FAILURES;
  }

  private async recordFailure(m: EntityManager, key: string): Promise<void> {
    const now = this.clock.now();
    await m.query('INSERT INTO login_failures (login_key, failed_at) VALUES ($1, $2)', [key, now]);
    // Old rows are useless: keep the table small.
    await m.query('DELETE FROM login_failures WHERE failed_at < $1', [
      new Date(now.getTime() - 2 * LOGIN_WINDOW_MS),
    ]);
  }
}
