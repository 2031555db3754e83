// The browser's side of the cookie session: the API keeps the refresh token in an HttpOnly,
// SameSite=Strict cookie scoped to /api/auth, which this code never sees. It only asks the API to
// rotate it (POST /api/auth/refresh → a new access token) or to end it (POST /api/auth/logout).

/**
 * Sent with every request of this client. On GraphQL it asks login/register/acceptInvitation to put
 * the refresh token in the cookie instead of the body; on /api/auth it is required (a cross-site form
 * cannot send it: CSRF).
 */
export const SESSION_HEADER = { 'X-Ensemble-Session': 'cookie' } as const;

export type RefreshResult =
  | { status: 'renewed'; accessToken: string }
  /** The API refused the cookie (missing, expired, revoked, reused): the session is over. */
  | { status: 'refused' }
  /** No answer, or not one about the session (offline, 5xx, 429): try again later. */
  | { status: 'unreachable' };

function post(path: 'refresh' | 'logout'): Promise<Response> {
  return fetch(`/api/auth/${path}`, {
    method: 'POST',
    // Same origin: the browser attaches the cookie and stores the rotated one.
    credentials: 'same-origin',
    cache: 'no-store',
    headers: SESSION_HEADER,
  });
}

/** Trades the refresh cookie for a new access token (the cookie rotates). */
export async function requestRefresh(): Promise<RefreshResult> {
  let response: Response;
  try {
    response = await post('refresh');
  } catch {
    return { status: 'unreachable' };
  }
  if (response.status === 401 || response.status === 403) return { status: 'refused' };
  if (!response.ok) return { status: 'unreachable' };
  try {
    const body = (await response.json()) as { accessToken?: unknown };
    if (typeof body.accessToken === 'string' && body.accessToken) {
      return { status: 'renewed', accessToken: body.accessToken };
    }
  } catch {
    // Not the API's answer (a proxy's page): as if unreachable.
  }
  return { status: 'unreachable' };
}

/** Revokes the session on the API and clears the cookie. Never throws: signing out works offline. */
export async function requestLogout(): Promise<void> {
  await post('logout').catch(() => undefined);
}

/**
 * Runs `task` while no other tab of this site runs one under the same name (Web Locks). Refresh
 * tokens rotate and the cookie is shared by every tab: two tabs refreshing with the same cookie at
 * once would look like a stolen token being reused, and the API would close the session.
 */
export function withTabLock<T>(name: string, task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return task();
  return locks.request(name, task) as Promise<T>;
}
