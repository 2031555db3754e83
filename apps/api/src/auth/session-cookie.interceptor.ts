// GraphQL mutations that open a session (login, register, acceptInvitation) hand the refresh token
// over as the HttpOnly cookie when the web client asks for it; API clients keep the body-based contract.
import {
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  UseInterceptors,
} from '@nestjs/common';
import { map, Observable } from 'rxjs';
import { contextOf } from './auth.decorators';
import type { AuthPayloadModel } from './dto/auth-payload.model';
import { setRefreshCookie, wantsCookieSession } from './session-cookie';

@Injectable()
export class SessionCookieInterceptor implements NestInterceptor {
  intercept(
    ctx: ExecutionContext,
    next: CallHandler<AuthPayloadModel>,
  ): Observable<AuthPayloadModel> {
    const { req, res } = contextOf(ctx);
    if (!res || !wantsCookieSession(req)) return next.handle();
    return next.handle().pipe(
      map((payload) => {
        setRefreshCookie(res, payload.refreshToken);
        // Only in the cookie: a script in the page never sees the refresh token, even at sign-in.
        return { ...payload, refreshToken: '' };
      }),
    );
  }
}

/**
 * On a mutation returning AuthPayload: with `X-Ensemble-Session: cookie`, the refresh token is set as
 * the HttpOnly cookie and the payload's `refreshToken` is empty.
 */
export const OpensCookieSession = () => UseInterceptors(SessionCookieInterceptor);
