import { useSyncExternalStore } from 'react';
import { sessionStore } from './session-store';

/** Re-renders when the user signs in or out (token refreshes do not re-render). */
export function useIsSignedIn(): boolean {
  return useSyncExternalStore(
    sessionStore.subscribe,
    sessionStore.isSignedIn,
    sessionStore.isSignedIn,
  );
}
