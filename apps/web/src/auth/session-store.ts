// The signed-in session. The access token lives only in this module's memory — never in
// localStorage/sessionStorage — so injected scripts cannot lift a stored token and closing the tab
// signs out. Apollo's auth link reads it; React reads `isSignedIn` through `useSession`.
import { createMemoryRefreshTokenStore, type RefreshTokenStore } from './refresh-token-store';

export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
}

type Listener = () => void;

export function createSessionStore(
  refreshTokens: RefreshTokenStore = createMemoryRefreshTokenStore(),
) {
  let accessToken: string | null = null;
  const listeners = new Set<Listener>();
  const notify = () => listeners.forEach((listener) => listener());

  return {
    getAccessToken: (): string | null => accessToken,
    getRefreshToken: (): string | null => refreshTokens.load(),
    isSignedIn: (): boolean => accessToken !== null,

    /** After login or refresh: both tokens rotate together. */
    start(tokens: SessionTokens): void {
      const wasSignedIn = accessToken !== null;
      accessToken = tokens.accessToken;
      refreshTokens.save(tokens.refreshToken);
      if (!wasSignedIn) notify();
    },

    end(): void {
      const wasSignedIn = accessToken !== null;
      accessToken = null;
      refreshTokens.clear();
      if (wasSignedIn) notify();
    },

    subscribe(listener: Listener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;

/** The app's one session. */
export const sessionStore = createSessionStore();
