import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../auth/session-store';
import { AnnouncementPostedDocument } from '../gql/graphql';
import { createSubscriptionLink } from './subscription-link';

type Tokens = Parameters<typeof sessionStore.start>[0];
const signIn = (accessToken: string) => sessionStore.start({ accessToken } as Tokens);

interface Message {
  id?: string;
  type: string;
  payload?: Record<string, unknown>;
}

/** A fake graphql-transport-ws server: records what each socket sends, acks or refuses it. */
class FakeSocket {
  static CONNECTING = 0;
  static OPEN = 1;
  static CLOSING = 2;
  static CLOSED = 3;
  static sockets: FakeSocket[] = [];
  /** Decides on each connection_init: true acks it, false closes with 4403 like the API. */
  static accept: (payload: Record<string, unknown> | undefined) => boolean = () => true;

  readyState = FakeSocket.CONNECTING;
  protocol = 'graphql-transport-ws';
  sent: Message[] = [];
  onopen: (() => void) | null = null;
  onclose: ((event: { code: number; reason: string; wasClean: boolean }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;

  constructor(readonly url: string) {
    FakeSocket.sockets.push(this);
    setTimeout(() => {
      this.readyState = FakeSocket.OPEN;
      this.onopen?.();
    });
  }

  get init() {
    return this.sent.find((m) => m.type === 'connection_init')?.payload ?? {};
  }

  get subscriptions() {
    return this.sent.filter((m) => m.type === 'subscribe');
  }

  send(data: string) {
    const message = JSON.parse(data) as Message;
    this.sent.push(message);
    if (message.type === 'connection_init') {
      if (FakeSocket.accept(message.payload)) this.receive({ type: 'connection_ack' });
      else this.closeFromServer(4403, 'Forbidden');
    }
  }

  receive(message: Message) {
    setTimeout(() => this.onmessage?.({ data: JSON.stringify(message) }));
  }

  push(id: string, data: unknown) {
    this.receive({ id, type: 'next', payload: { data } as Record<string, unknown> });
  }

  closeFromServer(code: number, reason: string) {
    setTimeout(() => {
      this.readyState = FakeSocket.CLOSED;
      this.onclose?.({ code, reason, wasClean: true });
    });
  }

  /** Like a browser: CLOSING at once, CLOSED (and onclose) a moment later. */
  close(code = 1000, reason = '') {
    this.readyState = FakeSocket.CLOSING;
    this.closeFromServer(code, reason);
  }
}

function client(renewSession: () => Promise<boolean> = async () => false) {
  return new ApolloClient({
    link: ApolloLink.from([
      createSubscriptionLink({ url: 'ws://test/graphql', webSocketImpl: FakeSocket, renewSession }),
    ]),
    cache: new InMemoryCache(),
  });
}

const announcement = (id: string) => ({
  announcementPosted: {
    __typename: 'Announcement',
    id,
    title: `Annonce ${id}`,
    body: 'Texte',
    createdAt: '2026-03-10T10:00:00Z',
    author: { __typename: 'User', id: 'o1', displayName: 'Claire M.' },
  },
});

function follow(apollo: ApolloClient, anonymous = false, hackathonId = 'h1') {
  const received: string[] = [];
  const subscription = apollo
    .subscribe({
      query: AnnouncementPostedDocument,
      variables: { hackathonId },
      context: anonymous ? { anonymous } : undefined,
    })
    .subscribe({ next: (r) => received.push(r.data?.announcementPosted.id ?? '?') });
  live.push(subscription);
  return { received, stop: () => subscription.unsubscribe() };
}

const live: { unsubscribe(): void }[] = [];

afterEach(() => {
  live.splice(0).forEach((subscription) => subscription.unsubscribe());
  sessionStore.end();
  FakeSocket.sockets = [];
  FakeSocket.accept = () => true;
});

describe('subscriptions over graphql-ws', () => {
  it('sends the in-memory access token when connecting and delivers pushed events', async () => {
    signIn('token-1');
    const { received, stop } = follow(client());

    await waitFor(() => expect(FakeSocket.sockets[0]?.subscriptions).toHaveLength(1));
    const socket = FakeSocket.sockets[0];
    expect(socket.url).toBe('ws://test/graphql');
    expect(socket.init).toEqual({ authorization: 'Bearer token-1' });
    socket.push(socket.subscriptions[0].id!, announcement('a1'));
    await waitFor(() => expect(received).toEqual(['a1']));
    stop();
  });

  it('follows public pages on a visitors’ socket, without the token', async () => {
    signIn('token-1');
    const { stop } = follow(client(), true);
    await waitFor(() => expect(FakeSocket.sockets[0]?.subscriptions).toHaveLength(1));
    expect(FakeSocket.sockets[0].init).toEqual({});
    stop();
  });

  it('reconnects with the renewed token before a new subscription, keeping the live ones', async () => {
    signIn('token-1');
    const apollo = client();
    const first = follow(apollo);
    await waitFor(() => expect(FakeSocket.sockets[0]?.subscriptions).toHaveLength(1));

    signIn('token-2'); // a refresh: same session, new access token
    const second = follow(apollo, false, 'h2');

    await waitFor(() => expect(FakeSocket.sockets[1]?.subscriptions).toHaveLength(2));
    const socket = FakeSocket.sockets[1];
    expect(socket.init).toEqual({ authorization: 'Bearer token-2' });
    for (const s of socket.subscriptions) socket.push(s.id!, announcement(`for-${s.id}`));
    await waitFor(() => expect(first.received).toHaveLength(1));
    await waitFor(() => expect(second.received).toHaveLength(1));
    first.stop();
    second.stop();
  });

  it('renews the session when the API refuses the token, then connects with the new one', async () => {
    signIn('expired');
    FakeSocket.accept = (payload) => payload?.authorization === 'Bearer fresh';
    const renewSession = vi.fn(async () => {
      signIn('fresh');
      return true;
    });
    const { stop } = follow(client(renewSession));

    await waitFor(() => expect(FakeSocket.sockets[1]?.subscriptions).toHaveLength(1), {
      timeout: 5000,
    });
    expect(FakeSocket.sockets[0].init).toEqual({ authorization: 'Bearer expired' });
    expect(FakeSocket.sockets[1].init).toEqual({ authorization: 'Bearer fresh' });
    expect(renewSession).toHaveBeenCalledTimes(1);
    stop();
  }, 10_000);
});
