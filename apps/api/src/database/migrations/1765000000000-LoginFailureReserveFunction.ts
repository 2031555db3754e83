import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A login attempt's reservation in one round trip instead of six (BEGIN, lock, count, insert,
 * purge, COMMIT): the same steps in a function. Each statement of a volatile PL/pgSQL function
 * takes a fresh snapshot, so the count made after the advisory lock sees every reservation
 * committed before it; the lock is held until the caller's transaction (the one statement) ends.
 * Returns the reserved failure's id, or null when the key already has `max_failures` since `since`.
 */
export class LoginFailureReserveFunction1765000000000 implements MigrationInterface {
  name = 'LoginFailureReserveFunction1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION login_failure_reserve(key char(64), at timestamptz, since timestamptz,
                                            purge_before timestamptz, max_failures int)
      RETURNS bigint LANGUAGE plpgsql VOLATILE AS $$
      DECLARE
        reserved bigint;
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtextextended(key, 7));
        IF (SELECT count(*) FROM login_failures f
             WHERE f.login_key = key AND f.failed_at > since) >= max_failures THEN
          RETURN NULL;
        END IF;
        INSERT INTO login_failures (login_key, failed_at) VALUES (key, at) RETURNING id INTO reserved;
        DELETE FROM login_failures f WHERE f.failed_at < purge_before;
        RETURN reserved;
      END
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP FUNCTION login_failure_reserve(char(64), timestamptz, timestamptz, timestamptz, int)`,
    );
  }
}
