import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Fresh modules per test: the session and the start-up restore are module-level singletons.
async function load() {
  vi.resetModules();
  const { sessionStore } = await import('./session-store');
  const { renewSession, restoreSession, signOut } = await import('./renew-session');
  return { sessionStore, renewSession, restoreSession, signOut };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function fakeApi(respond: (path: string) => Response | Promise<Response>) {
  return vi
    .spyOn(globalThis, 'fetch')
    .mockImplementation((input) => Promise.resolve(respond(String(input))));
}

let setItem: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  setItem = vi.spyOn(Storage.prototype, 'setItem');
});
afterEach(() => {
  // No flow may ever put anything in web storage or in a script-readable cookie.
  expect(setItem).not.toHaveBeenCalled();
  expect(document.cookie).toBe('');
  Reflect.deleteProperty(navigator, 'locks');
});

describe('restoreSession (start-up)', () => {
  it('signs back in silently from the refresh cookie, once however often it is called', async () => {
    const { sessionStore, restoreSession } = await load();
    const fetch = fakeApi(() =>
      json(200, { accessToken: 'a1', expiresAt: '2030-01-01T00:00:00Z' }),
    );

    const [first, second] = await Promise.all([restoreSession(), restoreSession()]);
    await restoreSession();

    expect([first, second]).toEqual([true, true]);
    expect(sessionStore.getAccessToken()).toBe('a1');
    expect(fetch).toHaveBeenCalledOnce();
    expect(fetch).toHaveBeenCalledWith(
      '/api/auth/refresh',
      expect.objectContaining({
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'X-Ensemble-Session': 'cookie' },
      }),
    );
  });

  it('stays signed out without a session cookie', async () => {
    const { sessionStore, restoreSession } = await load();
    fakeApi(() => json(401, { error: { code: 'UNAUTHENTICATED' } }));

    expect(await restoreSession()).toBe(false);
    expect(sessionStore.isSignedIn()).toBe(false);
  });

  it('stays signed out (without throwing) when the API cannot be reached', async () => {
    const { sessionStore, restoreSession } = await load();
    vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('Failed to fetch'));

    expect(await restoreSession()).toBe(false);
    expect(sessionStore.isSignedIn()).toBe(false);
  });
});

describe('renewSession', () => {
  it('ends the session when the cookie is refused, keeps it on a server error or a 429', async () => {
    const { sessionStore, renewSession } = await load();
    sessionStore.start({ accessToken: 'old' });
    fakeApi(() => json(503, {}));
    expect(await renewSession()).toBe(false);
    fakeApi(() => json(429, {}));
    expect(await renewSession()).toBe(false);
    expect(sessionStore.getAccessToken()).toBe('old');

    fakeApi(() => json(401, { error: { code: 'UNAUTHENTICATED' } }));
    expect(await renewSession()).toBe(false);
    expect(sessionStore.isSignedIn()).toBe(false);
  });

  it('takes turns with the other tabs through a Web Lock (the cookie rotates on each refresh)', async () => {
    const { sessionStore, renewSession } = await load();
    const held: string[] = [];
    Object.defineProperty(navigator, 'locks', {
      configurable: true,
      value: {
        request: async (name: string, task: () => Promise<unknown>) => {
          held.push(name);
          return task();
        },
      },
    });
    fakeApi(() => json(200, { accessToken: 'a2' }));

    expect(await renewSession()).toBe(true);

    expect(held).toEqual(['ensemble-session-refresh']);
    expect(sessionStore.getAccessToken()).toBe('a2');
  });

  it('shares one request between concurrent callers of a tab', async () => {
    const { renewSession } = await load();
    let answer!: (r: Response) => void;
    const fetch = vi
      .spyOn(globalThis, 'fetch')
      .mockImplementation(() => new Promise<Response>((resolve) => (answer = resolve)));

    const calls = [renewSession(), renewSession(), renewSession()];
    await vi.waitFor(() => expect(fetch).toHaveBeenCalled());
    answer(json(200, { accessToken: 'a3' }));

    expect(await Promise.all(calls)).toEqual([true, true, true]);
    expect(fetch).toHaveBeenCalledOnce();
  });
});

describe('signOut', () => {
  it('asks the API to revoke the session and clear the cookie, then forgets the token', async () => {
    const { sessionStore, signOut } = await load();
    sessionStore.start({ accessToken: 'a1' });
    const fetch = fakeApi(() => new Response(null, { status: 204 }));

    await signOut();

    expect(fetch).toHaveBeenCalledWith(
      '/api/auth/logout',
      expect.objectContaining({ method: 'POST', headers: { 'X-Ensemble-Session': 'cookie' } }),
    );
    expect(sessionStore.isSignedIn()).toBe(false);
  });

  it('signs out locally even offline', async () => {
    const { sessionStore, signOut } = await load();
    sessionStore.start({ accessToken: 'a1' });
    vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('Failed to fetch'));

    await signOut();

    expect(sessionStore.isSignedIn()).toBe(false);
  });
});
