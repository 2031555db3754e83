import { ApolloLink } from '@apollo/client';
import { of } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { sessionStore } from '../auth/session-store';
import { MeDocument } from '../gql/graphql';
import { createApolloClient } from './client';

const me = {
  __typename: 'User',
  id: 'u1',
  displayName: 'Lina B.',
  role: 'PUPIL',
  status: 'ACTIVE',
};
const unauthenticated = {
  errors: [{ message: 'expired', extensions: { code: 'UNAUTHENTICATED' } }],
};

/**
 * A fake API: `me` works only with the token "fresh"; refreshing works only with "refresh-1" and, like
 * the real API, fails when an expired bearer token comes along.
 */
function fakeApi(calls: string[]) {
  return new ApolloLink((operation) => {
    const authorization: string | undefined = operation.getContext().headers?.authorization;
    calls.push(`${operation.operationName} ${authorization ?? '-'}`);
    if (operation.operationName === 'RefreshToken') {
      return of(
        operation.variables.refreshToken === 'refresh-1' && !authorization
          ? {
              data: {
                refreshToken: {
                  __typename: 'AuthPayload',
                  accessToken: 'fresh',
                  refreshToken: 'refresh-2',
                },
              },
            }
          : { errors: [{ message: 'revoked', extensions: { code: 'UNAUTHENTICATED' } }] },
      );
    }
    return of(authorization === 'Bearer fresh' ? { data: { me } } : unauthenticated);
  });
}

afterEach(() => sessionStore.end());

describe('Apollo client auth', () => {
  it('sends the in-memory access token as a bearer token', async () => {
    const calls: string[] = [];
    sessionStore.start({ accessToken: 'fresh', refreshToken: 'refresh-1' });

    await createApolloClient(fakeApi(calls)).query({ query: MeDocument });

    expect(calls).toEqual(['Me Bearer fresh']);
  });

  it('sends public-page queries as a visitor when asked to', async () => {
    const calls: string[] = [];
    sessionStore.start({ accessToken: 'fresh', refreshToken: 'refresh-1' });

    await createApolloClient(fakeApi(calls))
      .query({ query: MeDocument, context: { anonymous: true } })
      .catch(() => undefined);

    expect(calls).toEqual(['Me -']);
  });

  it('renews an expired access token once, then retries the operation with the new one', async () => {
    const calls: string[] = [];
    sessionStore.start({ accessToken: 'stale', refreshToken: 'refresh-1' });

    const { data } = await createApolloClient(fakeApi(calls)).query({ query: MeDocument });

    expect(data?.me?.displayName).toBe('Lina B.');
    expect(calls).toEqual(['Me Bearer stale', 'RefreshToken -', 'Me Bearer fresh']);
    expect(sessionStore.getAccessToken()).toBe('fresh');
    expect(sessionStore.getRefreshToken()).toBe('refresh-2');
  });

  it('ends the session when the refresh token is refused', async () => {
    const calls: string[] = [];
    sessionStore.start({ accessToken: 'stale', refreshToken: 'revoked' });

    await expect(createApolloClient(fakeApi(calls)).query({ query: MeDocument })).rejects.toThrow();

    expect(sessionStore.isSignedIn()).toBe(false);
    expect(sessionStore.getRefreshToken()).toBeNull();
  });
});
