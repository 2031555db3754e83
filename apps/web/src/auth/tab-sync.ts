// Every tab shares the one refresh cookie but keeps its own access token in memory: tell the other
// tabs when this one signs in (they pick the session up) or out (they drop theirs at once).
import type { SessionStore } from './session-store';

export const SESSION_CHANNEL = 'ensemble-session';

type Message = 'signed-in' | 'signed-out';

/**
 * Starts the synchronisation and returns a function that stops it. `renew` is called in a
 * signed-out tab when another one signs in.
 */
export function syncSessionAcrossTabs(
  store: SessionStore,
  renew: () => Promise<unknown>,
  channelName = SESSION_CHANNEL,
): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(channelName);
  let applyingRemote = false;
  let signedIn = store.isSignedIn();

  const unsubscribe = store.subscribe(() => {
    const now = store.isSignedIn();
    if (now === signedIn) return;
    signedIn = now;
    // Changes caused by another tab are not echoed back.
    if (!applyingRemote) channel.postMessage((now ? 'signed-in' : 'signed-out') satisfies Message);
  });

  channel.onmessage = (event: MessageEvent<Message>) => {
    if (event.data === 'signed-out' && store.isSignedIn()) {
      applyingRemote = true;
      try {
        store.end();
      } finally {
        applyingRemote = false;
      }
    } else if (event.data === 'signed-in' && !store.isSignedIn()) {
      applyingRemote = true;
      void renew().finally(() => {
        applyingRemote = false;
      });
    }
  };

  return () => {
    unsubscribe();
    channel.close();
  };
}
