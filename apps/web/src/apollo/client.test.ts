import { ApolloLink } from '@apollo/client';
import { of } from 'rxjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../auth/session-store';
import { LoginDocument, MeDocument } from '../gql/graphql';
import { createApolloClient } from './client';

const me = {
  __typename: 'User',
  id: 'u1',
  displayName: 'Lina B.',
  role: 'PUPIL',
  status: 'ACTIVE',
  school: null,
};
const unauthenticated = {
  errors: [{ message: 'expired', extensions: { code: 'UNAUTHENTICATED' } }],
};

/** A fake API: `me` works only with the token "fresh"; records what each operation was sent with. */
function fakeApi(calls: string[]) {
  return new ApolloLink((operation) => {
    const headers: Record<string, string> = operation.getContext().headers ?? {};
    calls.push(
      `${operation.operationName} ${headers.authorization ?? '-'} ${headers['X-Ensemble-Session'] ?? '-'}`,
    );
    if (operation.operationName === 'Login') {
      return of({
        data: {
          login: { __typename: 'AuthPayload', accessToken: 'fresh', user: { ...me } },
        },
      });
    }
    return of(headers.authorization === 'Bearer fresh' ? { data: { me } } : unauthenticated);
  });
}

/** The cookie endpoint: answers `respond()` to each POST /api/auth/refresh; returns the calls. */
function fakeRefreshEndpoint(respond: () => Promise<Response>) {
  return vi.spyOn(globalThis, 'fetch').mockImplementation(() => respond());
}
const renewed = () =>
  Promise.resolve(
    new Response(JSON.stringify({ accessToken: 'fresh', expiresAt: '2030-01-01T00:00:00Z' }), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    }),
  );
const refused = () =>
  Promise.resolve(
    new Response(JSON.stringify({ error: { code: 'UNAUTHENTICATED' } }), { status: 401 }),
  );

afterEach(() => sessionStore.end());

describe('Apollo client auth', () => {
  it('sends the in-memory access token as a bearer token, and the session header', async () => {
    const calls: string[] = [];
    sessionStore.start({ accessToken: 'fresh' });

    await createApolloClient(fakeApi(calls)).query({ query: MeDocument });

    expect(calls).toEqual(['Me Bearer fresh cookie']);
  });

  it('sends public-page queries as a visitor when asked to', async () => {
    const calls: string[] = [];
    sessionStore.start({ accessToken: 'fresh' });

    await createApolloClient(fakeApi(calls))
      .query({ query: MeDocument, context: { anonymous: true } })
      .catch(() => undefined);

    expect(calls).toEqual(['Me - cookie']);
  });

  it('signs in without the access token, asking for the refresh cookie', async () => {
    const calls: string[] = [];
    sessionStore.start({ accessToken: 'stale' });

    await createApolloClient(fakeApi(calls)).mutate({
      mutation: LoginDocument,
      variables: { login: 'lina', password: 'secret-password' },
    });

    expect(calls).toEqual(['Login - cookie']);
  });

  it('renews an expired access token once through the refresh cookie, then retries the operation', async () => {
    const calls: string[] = [];
    const fetch = fakeRefreshEndpoint(renewed);
    sessionStore.start({ accessToken: 'stale' });

    const { data } = await createApolloClient(fakeApi(calls)).query({ query: MeDocument });

    expect(data?.me?.displayName).toBe('Lina B.');
    expect(calls).toEqual(['Me Bearer stale cookie', 'Me Bearer fresh cookie']);
    expect(fetch).toHaveBeenCalledOnce();
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe('/api/auth/refresh');
    expect(init).toMatchObject({
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'X-Ensemble-Session': 'cookie' },
    });
    // No bearer on the refresh: the cookie is the credential.
    expect(JSON.stringify(init?.headers)).not.toMatch(/authorization/i);
    expect(sessionStore.getAccessToken()).toBe('fresh');
  });

  it('shares one refresh between operations that fail at the same time', async () => {
    const calls: string[] = [];
    let answer!: () => void;
    const fetch = fakeRefreshEndpoint(
      () => new Promise<Response>((resolve) => (answer = () => void renewed().then(resolve))),
    );
    sessionStore.start({ accessToken: 'stale' });
    const client = createApolloClient(fakeApi(calls));

    const both = Promise.all([
      client.query({ query: MeDocument, fetchPolicy: 'network-only' }),
      client.query({ query: MeDocument, fetchPolicy: 'no-cache' }),
    ]);
    await vi.waitFor(() => expect(fetch).toHaveBeenCalled());
    answer();
    const results = await both;

    expect(results.map((r) => r.data?.me?.id)).toEqual(['u1', 'u1']);
    expect(fetch).toHaveBeenCalledOnce();
  });

  it('ends the session when the API refuses the refresh cookie', async () => {
    const calls: string[] = [];
    fakeRefreshEndpoint(refused);
    sessionStore.start({ accessToken: 'stale' });

    await expect(createApolloClient(fakeApi(calls)).query({ query: MeDocument })).rejects.toThrow();

    expect(sessionStore.isSignedIn()).toBe(false);
  });

  it('keeps the session when the API cannot be reached (flaky Wi-Fi)', async () => {
    const calls: string[] = [];
    fakeRefreshEndpoint(() => Promise.reject(new TypeError('Failed to fetch')));
    sessionStore.start({ accessToken: 'stale' });

    await expect(createApolloClient(fakeApi(calls)).query({ query: MeDocument })).rejects.toThrow();

    expect(sessionStore.getAccessToken()).toBe('stale');
  });

  it('does not try to refresh for a visitor', async () => {
    const calls: string[] = [];
    const fetch = fakeRefreshEndpoint(renewed);

    await expect(createApolloClient(fakeApi(calls)).query({ query: MeDocument })).rejects.toThrow();

    expect(fetch).not.toHaveBeenCalled();
    expect(calls).toEqual(['Me - cookie']);
  });
});
