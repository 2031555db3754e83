// Login failures as rows of login_failures; attempts on one login reserve their place under an advisory lock.
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

  /**
   * Reserves the attempt as a failure first (under an advisory lock on the key, so concurrent
   * attempts each see the others' reservations and at most MAX_LOGIN_FAILURES get through), then
   * checks the password outside the transaction, then clears the key on success. The reservation
   * is the failure when the password is wrong; it is given back if the check itself fails.
   */
  async attempt<T>(key: string, check: CredentialCheck<T>): Promise<AttemptOutcome<T>> {
    const reserved = await this.dataSource.transaction(async (m): Promise<string | null> => {
      // Held until commit: the next attempt on this login sees this one's reservation.
      await m.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 7))', [key]);
      if (await this.isLocked(m, key)) return null;
      return this.recordFailure(m, key);
    });
    if (reserved === null) return { status: 'locked' };
    let value: T | null;
    try {
      value = await check();
    } catch (error) {
      // Not an attempt on the password (e.g. the database failed): give the place back.
      await this.dataSource
        .query('DELETE FROM login_failures WHERE id = $1', [reserved])
        .catch(() => undefined);
      throw error;
    }
    if (value === null) return { status: 'invalid' };
    await this.dataSource.query('DELETE FROM login_failures WHERE login_key = $1', [key]);
    return { status: 'ok', value };
  }

  private async isLocked(m: EntityManager, key: string): Promise<boolean> {
    const since = new Date(this.clock.now().getTime() - LOGIN_WINDOW_MS);
    const rows: { n: string }[] = await m.query(
      'SELECT count(*) AS n FROM login_failures WHERE login_key = $1 AND failed_at > $2',
      [key, since],
    );
    return Number(rows[0].n) >= MAX_LOGIN_FAILURES;
  }

  /** Returns the id of the failure row. */
  private async recordFailure(m: EntityManager, key: string): Promise<string> {
    const now = this.clock.now();
    const [row]: { id: string }[] = await m.query(
      'INSERT INTO login_failures (login_key, failed_at) VALUES ($1, $2) RETURNING id',
      [key, now],
    );
    // Old rows are useless: keep the table small.
    await m.query('DELETE FROM login_failures WHERE failed_at < $1', [
      new Date(now.getTime() - 2 * LOGIN_WINDOW_MS),
    ]);
    return row.id;
  }
}
