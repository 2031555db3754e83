// The web client's session endpoints: refresh and logout with the HttpOnly refresh cookie.
// (Signing in goes through the GraphQL `login` with the session header: see session-cookie.interceptor.ts.)
import { Controller, Header, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ErrorCode, unauthenticated } from '../common/errors';
import { Clock } from '../common/clock';
import { AllowInactive, Public } from './auth.decorators';
import { AuthService } from './auth.service';
import {
  assertCookieSessionRequest,
  clearRefreshCookie,
  readRefreshCookie,
  setRefreshCookie,
} from './session-cookie';
import { ACCESS_TOKEN_TTL_S } from './tokens.service';

export interface RefreshedSession {
  accessToken: string;
  /** When the access token expires (ISO 8601). */
  expiresAt: string;
}

@Controller('api/auth')
export class SessionCookieController {
  constructor(
    private readonly auth: AuthService,
    private readonly clock: Clock,
  ) {}

  /**
   * POST /api/auth/refresh: rotates the cookie's refresh token (same rotation and reuse detection as
   * the `refreshToken` mutation), sets the new one and returns a fresh access token. 401 without a
   * valid cookie, which is then cleared.
   */
  @Public()
  @AllowInactive()
  @Post('refresh')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  async refresh(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<RefreshedSession> {
    assertCookieSessionRequest(req);
    const token = readRefreshCookie(req);
    if (!token) throw unauthenticated('No session');
    try {
      const { pair } = await this.auth.refresh(token);
      setRefreshCookie(res, pair.refreshToken);
      return {
        accessToken: pair.accessToken,
        expiresAt: new Date(this.clock.now().getTime() + ACCESS_TOKEN_TTL_S * 1000).toISOString(),
      };
    } catch (error) {
      // A refused token is dead for good; anything else (the database is down) may pass: keep it.
      if (error instanceof AppError && error.code === ErrorCode.UNAUTHENTICATED)
        clearRefreshCookie(res);
      throw error;
    }
  }

  /** POST /api/auth/logout: revokes the cookie's session (its whole family) and clears the cookie. */
  @Public()
  @AllowInactive()
  @Post('logout')
  @HttpCode(204)
  @Header('Cache-Control', 'no-store')
  async logout(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<void> {
    assertCookieSessionRequest(req);
    const token = readRefreshCookie(req);
    if (token) await this.auth.logout(token);
    clearRefreshCookie(res);
  }
}
