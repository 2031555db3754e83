// The login throttling rule and what a store of failures must do to apply it.
export const MAX_LOGIN_FAILURES = 5;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

/**
 * The credential check of one attempt: returns null for a wrong login or password (a failure),
 * anything else for a success. Runs outside any transaction and without holding a database
 * connection while the password is hashed (tens of milliseconds of CPU): a login storm must not
 * starve the connection pool of every other request.
 */
export type CredentialCheck<T> = () => Promise<T | null>;

export type AttemptOutcome<T> =
  { status: 'locked' } | { status: 'invalid' } | { status: 'ok'; value: T };

/**
 * Where failures are counted. Every store applies the same rule: once MAX_LOGIN_FAILURES failures of a
 * key fall within LOGIN_WINDOW_MS, attempts on it are refused (even with the right password) until
 * the oldest of them leaves the window; a success clears the key. Concurrent attempts on one key
 * never let more than MAX_LOGIN_FAILURES wrong passwords through.
 */
export interface LoginThrottleStore {
  /** Runs `check` unless `key` is locked, then records its failure or clears the key on success. */
  attempt<T>(key: string, check: CredentialCheck<T>): Promise<AttemptOutcome<T>>;
}
