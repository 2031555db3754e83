// Getting a fresh access token from the refresh cookie: when the access token (15 min) has expired,
// and once at start-up so that reloading the page keeps the user signed in.
import { requestLogout, requestRefresh, withTabLock } from './cookie-session';
import { sessionStore } from './session-store';

const REFRESH_LOCK = 'ensemble-session-refresh';

let inFlight: Promise<boolean> | null = null;

/**
 * Resolves true once a fresh access token is in the store, false otherwise. A refusal by the API
 * (no cookie, revoked, expired or reused token) ends the session; a network failure does not, so a
 * flaky school Wi-Fi does not sign pupils out. Concurrent callers of this tab share one request, and
 * tabs take turns (the cookie rotates: the next tab sends the new one).
 */
export function renewSession(): Promise<boolean> {
  inFlight ??= withTabLock(REFRESH_LOCK, async () => {
    const result = await requestRefresh();
    if (result.status === 'renewed') {
      sessionStore.start({ accessToken: result.accessToken });
      return true;
    }
    if (result.status === 'refused') sessionStore.end();
    return false;
  }).finally(() => {
    inFlight = null;
  });
  return inFlight;
}

let restoring: Promise<boolean> | null = null;

/** At start-up: signs back in silently when the browser still holds a session cookie. Runs once. */
export function restoreSession(): Promise<boolean> {
  restoring ??= sessionStore.isSignedIn() ? Promise.resolve(true) : renewSession();
  return restoring;
}

/** Signing out: the API revokes the session and clears the cookie; this tab forgets the token. */
export async function signOut(): Promise<void> {
  await requestLogout();
  sessionStore.end();
}
