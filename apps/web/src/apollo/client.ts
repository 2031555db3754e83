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
import { SESSION_HEADER } from '../auth/cookie-session';
import { renewSession } from '../auth/renew-session';
import { sessionStore } from '../auth/session-store';
import { LoginDocument } from '../gql/graphql';
import { hasErrorCode } from './api-error';
import { createSubscriptionLink, isSubscription } from './subscription-link';

/**
 * Operations that carry their own credentials (a password). They never send the access token — the
 * API rejects an expired bearer even on public operations — and their UNAUTHENTICATED means "wrong
 * credentials", never "token expired". (Refreshing and signing out use the cookie: cookie-session.ts.)
 */
const SESSION_OPERATIONS = new Set(
  [LoginDocument].map((document) => getMainDefinition(document).name?.value),
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
  // The session header on every request: signing in then sets the HttpOnly refresh cookie.
  const headers = { ...previous.headers, ...SESSION_HEADER };
  return { headers: token ? { ...headers, authorization: `Bearer ${token}` } : headers };
});

const renewOnExpiryLink = new ErrorLink(({ error, operation, forward }) => {
  if (!hasErrorCode(error, 'UNAUTHENTICATED')) return;
  // Only an access token can have expired: operations sent without one have nothing to renew.
  if (sendsNoToken(operation, operation.getContext()) || !sessionStore.isSignedIn()) return;
  // Retry once: the retried operation goes through authLink again and picks up the new token.
  return from(renewSession()).pipe(
    mergeMap((renewed) => (renewed ? forward(operation) : throwError(() => error))),
  );
});

/**
 * `transport` is the terminating link: HTTP to the API, or a fake in tests. Subscriptions go over
 * graphql-ws instead (`subscriptions`); the renewal on UNAUTHENTICATED covers both.
 */
export function createApolloClient(
  transport: ApolloLink = new HttpLink({ uri: '/graphql' }),
  subscriptions: (renew: () => Promise<boolean>) => ApolloLink = (renew) =>
    createSubscriptionLink({ renewSession: renew }),
): ApolloClient {
  const client: ApolloClient = new ApolloClient({
    link: ApolloLink.from([
      renewOnExpiryLink,
      ApolloLink.split(
        isSubscription,
        subscriptions(renewSession),
        ApolloLink.from([authLink, transport]),
      ),
    ]),
    cache: new InMemoryCache(),
  });
  return client;
}
