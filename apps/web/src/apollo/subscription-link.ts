// Subscriptions over graphql-ws on /graphql. Two lazy sockets: one signed in (the in-memory access
// token in connectionParams, read afresh on every connection) and one for visitors' public pages.
import { ApolloLink } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { createClient, type Client } from 'graphql-ws';
import { sessionStore } from '../auth/session-store';

/** graphql-ws close codes: the API refuses a connection whose token is invalid (4403). */
const FORBIDDEN = 4403;
/** Our own code for "reconnect now" (a token changed); graphql-ws treats it as retryable. */
const CLIENT_RESTART = 4205;
const RETRY_ATTEMPTS = 8;
const KEEP_ALIVE_MS = 20_000;
/** WebSocket.OPEN, without relying on a global WebSocket class. */
const OPEN = 1;

export const isSubscription = ({ query }: ApolloLink.Operation): boolean => {
  const definition = getMainDefinition(query);
  return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
};

/** ws(s)://<this host>/graphql: the API serves graphql-ws on the same path as HTTP. */
export function defaultSubscriptionUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/graphql`;
}

/** Exponential backoff with jitter, capped at 30 s; no wait when we closed the socket on purpose. */
function backoff(retries: number): number {
  return Math.min(1000 * 2 ** retries, 30_000) + Math.floor(Math.random() * 1000);
}

interface SocketOptions {
  url: string;
  /** The WebSocket class (tests pass a fake). */
  webSocketImpl?: unknown;
  /** Reads the token to send, or null to connect as a visitor. */
  token?: () => Promise<string | null>;
}

/** A graphql-ws client that reconnects on its own and can be asked to reconnect at once. */
function createSocket({ url, token, webSocketImpl }: SocketOptions) {
  let socket: { readyState: number; close(code: number, reason: string): void } | null = null;
  let restarting = false;
  let sentToken: string | null = null;
  let refusedToken = false;

  const client: Client = createClient({
    url,
    webSocketImpl,
    lazy: true,
    keepAlive: KEEP_ALIVE_MS,
    retryAttempts: RETRY_ATTEMPTS,
    retryWait: async (retries) => {
      const wait = restarting ? 0 : backoff(retries);
      restarting = false;
      await new Promise((resolve) => setTimeout(resolve, wait));
    },
    connectionParams: async () => {
      if (!token) return {};
      sentToken = await token();
      return sentToken ? { authorization: `Bearer ${sentToken}` } : {};
    },
    on: {
      opened: (opened) => {
        socket = opened as typeof socket;
      },
      connected: () => {
        refusedToken = false;
      },
      closed: (event) => {
        socket = null;
        // The API refuses a connection with an expired token: renew it before the next attempt.
        if ((event as CloseEvent | undefined)?.code === FORBIDDEN) refusedToken = true;
      },
    },
  });

  return {
    client,
    /** The token the open connection was made with. */
    sentToken: () => sentToken,
    /** Whether the last connection was refused (the token must be renewed first). */
    refusedToken: () => refusedToken,
    /** Reconnects now; graphql-ws subscribes every live subscription again on the new socket. */
    restart(): void {
      if (socket?.readyState === OPEN) {
        restarting = true;
        socket.close(CLIENT_RESTART, 'Client Restart');
      }
    },
  };
}

export interface SubscriptionLinkOptions {
  url?: string;
  /** The WebSocket class (tests pass a fake). */
  webSocketImpl?: unknown;
  /** Renews the session (the refresh token flow); resolves true once a fresh token is in the store. */
  renewSession: () => Promise<boolean>;
}

/**
 * The terminating link for subscriptions. Signed-in operations go over a socket authenticated with
 * the current access token; operations sent with `context.anonymous` over a visitors' socket.
 * The signed-in socket reconnects when the user signs in or out and, before a new subscription,
 * when the token it was opened with has since been renewed (a connection keeps its first token).
 */
export function createSubscriptionLink({
  url = defaultSubscriptionUrl(),
  webSocketImpl,
  renewSession,
}: SubscriptionLinkOptions): ApolloLink {
  const signedIn = createSocket({
    url,
    webSocketImpl,
    token: async () => {
      if (signedIn.refusedToken() && sessionStore.isSignedIn()) await renewSession();
      return sessionStore.getAccessToken();
    },
  });
  const visitor = createSocket({ url, webSocketImpl });
  sessionStore.subscribe(() => signedIn.restart());

  const signedInLink = ApolloLink.from([
    new ApolloLink((operation, forward) => {
      const current = sessionStore.getAccessToken();
      if (signedIn.sentToken() !== current) signedIn.restart();
      return forward(operation);
    }),
    new GraphQLWsLink(signedIn.client),
  ]);
  return ApolloLink.split(
    (operation) => operation.getContext().anonymous === true,
    new GraphQLWsLink(visitor.client),
    signedInLink,
  );
}
