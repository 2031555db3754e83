// The Apollo Client: bearer token from the in-memory session, one transparent refresh on UNAUTHENTICATED.
import {
  ApolloClient,
  ApolloLink,
  HttpLink,
  InMemoryCache,
  type DefaultContext,
} from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { getMainDefinition } from '@apollo/client/utilities';
import { from, mergeMap, throwError } from 'rxjs';
import { renewSession } from '../auth/renew-session';
import { sessionStore } from '../auth/session-store';
import { LoginDocument, LogoutDocument, RefreshTokenDocument } from '../gql/graphql';
import { hasErrorCode } from './api-error';

/**
 * Operations that carry their own credentials (password or refresh token). They never send the access
 * token — the API rejects an expired bearer even on public operations, which would make refreshing
 * impossible — and their UNAUTHENTICATED means "wrong credentials", never "token expired".
 */
const SESSION_OPERATIONS = new Set(
  [LoginDocument, RefreshTokenDocument, LogoutDocument].map(
    (document) => getMainDefinition(document).name?.value,
  ),
);

const isSessionOperation = (operationName: string | undefined) =>
  SESSION_OPERATIONS.has(operationName ?? '');

declare module '@apollo/client' {
  interface DefaultContext {
    /**
     * Send this operation as a visitor, without the access token. For public pages: the API answers
     * FORBIDDEN to PENDING and SUSPENDED accounts on almost everything, public queries included.
     */
    anonymous?: boolean;
  }
}

const sendsNoToken = (operation: { operationName?: string }, context: DefaultContext) =>
  context.anonymous === true || isSessionOperation(operation.operationName);

const authLink = new SetContextLink((previous, operation) => {
  const token = sendsNoToken(operation, previous) ? null : sessionStore.getAccessToken();
  if (!token) return {};
  return { headers: { ...previous.headers, authorization: `Bearer ${token}` } };
});

const renewOnExpiryLink = new ErrorLink(({ error, operation, forward }) => {
  if (!hasErrorCode(error, 'UNAUTHENTICATED')) return;
  // Only an access token can have expired: operations sent without one have nothing to renew.
  if (sendsNoToken(operation, operation.getContext()) || !sessionStore.getRefreshToken()) return;
  // Retry once: the retried operation goes through authLink again and picks up the new token.
  return from(renewSession(operation.client)).pipe(
    mergeMap((renewed) => (renewed ? forward(operation) : throwError(() => error))),
  );
});

/** `transport` is the terminating link: HTTP to the API, or a fake in tests. */
export function createApolloClient(
  transport: ApolloLink = new HttpLink({ uri: '/graphql' }),
): ApolloClient {
  return new ApolloClient({
    link: ApolloLink.from([renewOnExpiryLink, authLink, transport]),
    cache: new InMemoryCache(),
  });
}
