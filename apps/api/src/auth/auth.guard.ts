// The one place that decides whether an operation may run: default-deny, declarative rules.
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { forbidden, unauthenticated } from '../common/errors';
import { Role } from '../graphql/enums';
import { GqlContext, LoaderRegistry } from '../graphql/gql-context';
import { ALLOW_INACTIVE, IS_PUBLIC, ROLES, contextOf } from './auth.decorators';
import { AuthService } from './auth.service';
import { Viewer } from './viewer';
import { AccountStatus } from '../graphql/enums';

export function bearerToken(header: string | undefined | null): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match ? match[1] : null;
}

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  private context(ctx: ExecutionContext): GqlContext {
    if (ctx.getType<string>() === 'graphql') return contextOf(ctx);
    // REST controllers get the same context shape, hung on the request.
    const req = ctx.switchToHttp().getRequest();
    req.ensembleContext ??= {
      req,
      token: bearerToken(req.headers?.authorization),
      loaders: new LoaderRegistry(),
      requestId: String(req.id ?? randomUUID()),
    } satisfies GqlContext;
    return req.ensembleContext;
  }

  /** Resolved once per request (or websocket operation), whatever the number of fields. */
  private async viewer(gctx: GqlContext): Promise<Viewer> {
    if (gctx.viewer) return gctx.viewer;
    gctx.viewerPromise ??= this.auth.viewerFromToken(gctx.token);
    gctx.viewer = await gctx.viewerPromise;
    return gctx.viewer;
  }

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ?? false;
    const allowInactive = this.reflector.getAllAndOverride<boolean>(ALLOW_INACTIVE, targets) ?? false;
    const roles = this.reflector.getAllAndOverride<Role[]>(ROLES, targets);

    const viewer = await this.viewer(this.context(ctx));
    const user = viewer.user;
    if (!user) {
      if (isPublic) return true;
      throw unauthenticated();
    }
    if (user.status !== AccountStatus.ACTIVE && !allowInactive) {
      throw forbidden(
        user.status === AccountStatus.PENDING
          ? 'Your account is waiting for validation'
          : 'Your account is suspended',
      );
    }
    if (roles?.length && !roles.includes(user.role)) throw forbidden();
    return true;
  }
}
