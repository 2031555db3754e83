// The signed-in session. The access token lives only in this module's memory — never in
// localStorage/sessionStorage — so injected scripts cannot lift a stored token. The refresh token is
// out of reach of scripts altogether: an HttpOnly cookie the API sets (see cookie-session.ts), which
// is what keeps a reload signed in. Apollo's auth link reads the access token; React reads
// `isSignedIn` through `useSession`.

export interface SessionTokens {
  accessToken: string;
}

type Listener = () => void;

export function createSessionStore() {
  let accessToken: string | null = null;
  const listeners = new Set<Listener>();
  const notify = () => listeners.forEach((listener) => listener());

  return {
    getAccessToken: (): string | null => accessToken,
    isSignedIn: (): boolean => accessToken !== null,

    /** After login, sign-up or refresh. */
    start(tokens: SessionTokens): void {
      const wasSignedIn = accessToken !== null;
      accessToken = tokens.accessToken;
      if (!wasSignedIn) notify();
    },

    /** Forgets the access token (signing out of the API is cookie-session.ts's `signOut`). */
    end(): void {
      const wasSignedIn = accessToken !== null;
      accessToken = null;
      if (wasSignedIn) notify();
    },

    /** Called when the user signs in or out (token refreshes do not call). */
    subscribe(listener: Listener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;

/** The app's one session. */
export const sessionStore = createSessionStore();
