import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSessionStore } from './session-store';
import { syncSessionAcrossTabs } from './tab-sync';

// Two "tabs": two stores synchronised over one BroadcastChannel name (delivered asynchronously).
const stops: (() => void)[] = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));

function tab(channel: string, renew: () => Promise<unknown> = () => Promise.resolve(false)) {
  const store = createSessionStore();
  stops.push(syncSessionAcrossTabs(store, renew, channel));
  return store;
}

describe('session across tabs', () => {
  it('signs every tab out at once when one signs out', async () => {
    const channel = `test-${Math.random()}`;
    const a = tab(channel);
    const b = tab(channel);
    a.start({ accessToken: 'a' });
    b.start({ accessToken: 'b' });

    a.end();

    await vi.waitFor(() => expect(b.isSignedIn()).toBe(false));
  });

  it('lets a signed-out tab pick up the session another tab opened', async () => {
    const channel = `test-${Math.random()}`;
    const b = createSessionStore();
    const renew = vi.fn(() => {
      b.start({ accessToken: 'from-cookie' });
      return Promise.resolve(true);
    });
    stops.push(syncSessionAcrossTabs(b, renew, channel));
    const a = tab(channel);

    a.start({ accessToken: 'a' });

    await vi.waitFor(() => expect(b.getAccessToken()).toBe('from-cookie'));
    expect(renew).toHaveBeenCalledOnce();
  });

  it('does not echo: a tab signed out by another does not bounce the message back', async () => {
    const channel = `test-${Math.random()}`;
    const a = tab(channel);
    const renewB = vi.fn(() => Promise.resolve(false));
    const b = tab(channel, renewB);
    a.start({ accessToken: 'a' });
    b.start({ accessToken: 'b' });

    // a signs out and straight back in: b hears "signed out", then "signed in".
    a.end();
    a.start({ accessToken: 'a-again' });
    await vi.waitFor(() => expect(renewB).toHaveBeenCalledOnce());
    await new Promise((resolve) => setTimeout(resolve, 50));

    // Had b announced its own sign-out, a would have been signed out again.
    expect(b.isSignedIn()).toBe(false);
    expect(a.getAccessToken()).toBe('a-again');
  });
});
