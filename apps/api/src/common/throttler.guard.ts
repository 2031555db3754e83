// Per-address request limit for HTTP and GraphQL over HTTP (websocket operations are not counted).
import { ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ThrottlerGuard } from '@nestjs/throttler';

@Injectable()
export class AppThrottlerGuard extends ThrottlerGuard {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const { req } = this.getRequestResponse(context);
    if (!req || typeof (req as { headers?: unknown }).headers !== 'object' || !('ip' in req))
      return true;
    return super.canActivate(context);
  }

  /**
   * The library's key, without hashing it with SHA-256 on every request: the in-memory storage
   * (throttler-storage.ts) keeps keys in a Map, where the plain text is as good and cheaper.
   */
  protected override generateKey(context: ExecutionContext, suffix: string, name: string): string {
    return `${context.getClass().name}-${context.getHandler().name}-${name}-${suffix}`;
  }

  protected override getRequestResponse(context: ExecutionContext) {
    if (context.getType<string>() === 'graphql') {
      const ctx = GqlExecutionContext.create(context).getContext();
      return { req: ctx.req, res: ctx.res ?? ctx.req?.res };
    }
    return super.getRequestResponse(context);
  }
}
