// Where the refresh token waits between two refreshes.
// Today: this module's memory (lost on reload, like the access token). When the API moves the refresh
// token to an httpOnly cookie, replace `memoryRefreshTokenStore` with a store that keeps nothing and
// let the refresh/logout calls stop sending it: nothing else in the client reads it.

export interface RefreshTokenStore {
  save(refreshToken: string): void;
  /** The token to send to `refreshToken` / `logout`, or null when the session cannot be renewed. */
  load(): string | null;
  clear(): void;
}

export function createMemoryRefreshTokenStore(): RefreshTokenStore {
  let token: string | null = null;
  return {
    save: (refreshToken) => {
      token = refreshToken;
    },
    load: () => token,
    clear: () => {
      token = null;
    },
  };
}
