// The browser session: the refresh token in an HttpOnly cookie that scripts cannot read, sent only to
// /api/auth. Requests that use it must carry `X-Ensemble-Session: cookie`: a custom header that a
// cross-site form or link cannot send (CSRF), on top of SameSite=Strict.
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { forbidden } from '../common/errors';
import { REFRESH_TOKEN_TTL_MS } from './tokens.service';

export const REFRESH_COOKIE = 'ensemble_refresh';
export const REFRESH_COOKIE_PATH = '/api/auth';
export const SESSION_HEADER = 'x-ensemble-session';
export const SESSION_HEADER_VALUE = 'cookie';

// Secure always: browsers accept Secure cookies from http://localhost too.
const OPTIONS: CookieSerializeOptions = {
  httpOnly: true,
  secure: true,
  sameSite: 'strict',
  path: REFRESH_COOKIE_PATH,
};

/** The client asked for the cookie session (the web client sends the header on every request). */
export function wantsCookieSession(req: FastifyRequest | undefined): boolean {
  return req?.headers[SESSION_HEADER] === SESSION_HEADER_VALUE;
}

/** Refuses cookie-authenticated requests without the session header (FORBIDDEN). */
export function assertCookieSessionRequest(req: FastifyRequest): void {
  if (!wantsCookieSession(req))
    throw forbidden(`The ${SESSION_HEADER}: ${SESSION_HEADER_VALUE} header is required`);
}

/** Cookies are parsed here only (@fastify/cookie is registered without its per-request hook). */
export function readRefreshCookie(req: FastifyRequest): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  const value: unknown = req.server.parseCookie(header)[REFRESH_COOKIE];
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** The cookie lives as long as the refresh token (30 days from its issue): Max-Age and Expires. */
export function setRefreshCookie(res: FastifyReply, refreshToken: string): void {
  void res.setCookie(REFRESH_COOKIE, refreshToken, {
    ...OPTIONS,
    maxAge: REFRESH_TOKEN_TTL_MS / 1000,
    expires: new Date(Date.now() + REFRESH_TOKEN_TTL_MS),
  });
}

/** An empty value that expired in 1970. */
export function clearRefreshCookie(res: FastifyReply): void {
  void res.clearCookie(REFRESH_COOKIE, OPTIONS);
}
