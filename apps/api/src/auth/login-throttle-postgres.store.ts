// Login failures as rows of login_failures; attempts on one login reserve their place under an advisory lock.
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { queryPrepared, Statement } from '../database/prepared';
import {
  AttemptOutcome,
  CredentialCheck,
  LOGIN_WINDOW_MS,
  LoginThrottleStore,
  MAX_LOGIN_FAILURES,
} from './login-throttle.store';

/**
 * Under an advisory lock on the key held until the statement ends: null when the key is locked,
 * else a new failure row's id (old rows are purged on the way). See the LoginFailureReserveFunction
 * migration.
 */
const RESERVE: Statement = {
  name: 'loginThrottle.reserve',
  text: 'SELECT login_failure_reserve($1, $2, $3, $4, $5) AS id',
};

const CLEAR: Statement = {
  name: 'loginThrottle.clear',
  text: 'DELETE FROM login_failures WHERE login_key = $1',
};

export class PostgresLoginThrottleStore implements LoginThrottleStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * Reserves the attempt as a failure first (under an advisory lock on the key, so concurrent
   * attempts each see the others' reservations and at most MAX_LOGIN_FAILURES get through), then
   * checks the password outside any transaction, then clears the key on success. The reservation
   * is the failure when the password is wrong; it is given back if the check itself fails.
   */
  async attempt<T>(key: string, check: CredentialCheck<T>): Promise<AttemptOutcome<T>> {
    const now = this.clock.now().getTime();
    const [{ id: reserved }] = await queryPrepared<{ id: string | null }>(
      this.dataSource,
      RESERVE,
      [
        key,
        new Date(now),
        new Date(now - LOGIN_WINDOW_MS),
        // Old rows are useless: keep the table small.
        new Date(now - 2 * LOGIN_WINDOW_MS),
        MAX_LOGIN_FAILURES,
      ],
    );
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
    await queryPrepared(this.dataSource, CLEAR, [key]);
    return { status: 'ok', value };
  }
}
