// Declarative access rules read by the global AuthGuard: default-deny unless marked.
import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Role } from '../graphql/enums';
import type { GqlContext } from '../graphql/gql-context';
import { Viewer } from './viewer';

export const IS_PUBLIC = 'ensemble:isPublic';
export const ALLOW_INACTIVE = 'ensemble:allowInactive';
export const ROLES = 'ensemble:roles';

/** Callable without signing in (a token, when sent, is still read). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Callable by PENDING and SUSPENDED users too (me, refresh, logout, export, deletion). */
export const AllowInactive = () => SetMetadata(ALLOW_INACTIVE, true);

/** Only ACTIVE users with one of these roles. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

export function contextOf(ctx: ExecutionContext): GqlContext {
  if (ctx.getType<string>() === 'graphql')
    return GqlExecutionContext.create(ctx).getContext<GqlContext>();
  return ctx.switchToHttp().getRequest().ensembleContext as GqlContext;
}

/** The viewer a request's context holds (anonymous when nobody signed in). */
export const viewerOf = (ctx: GqlContext): Viewer => ctx.viewer ?? Viewer.anonymous();

/** The current viewer (anonymous when nobody signed in). */
export const CurrentViewer = createParamDecorator((_data: unknown, ctx: ExecutionContext): Viewer =>
  viewerOf(contextOf(ctx)),
);
