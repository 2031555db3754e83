// Trades the refresh token for a new pair when the access token (15 min) has expired.
import type { ApolloClient } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { RefreshTokenDocument } from '../gql/graphql';
import { sessionStore } from './session-store';

let inFlight: Promise<boolean> | null = null;

/**
 * Resolves true once a fresh access token is in the store, false otherwise. A refusal by the API
 * (revoked, expired or reused token) ends the session; a network failure does not, so a flaky school
 * Wi-Fi does not sign pupils out. Concurrent callers share one request: refresh tokens rotate, and
 * reusing the old one would revoke the whole family.
 */
export function renewSession(client: ApolloClient): Promise<boolean> {
  inFlight ??= (async () => {
    const refreshToken = sessionStore.getRefreshToken();
    if (!refreshToken) return false;
    try {
      const { data } = await client.mutate({
        mutation: RefreshTokenDocument,
        variables: { refreshToken },
        fetchPolicy: 'no-cache',
      });
      const tokens = data?.refreshToken;
      if (tokens) {
        sessionStore.start(tokens);
        return true;
      }
    } catch (error) {
      if (!CombinedGraphQLErrors.is(error)) return false;
    }
    sessionStore.end();
    return false;
  })().finally(() => {
    inFlight = null;
  });
  return inFlight;
}
