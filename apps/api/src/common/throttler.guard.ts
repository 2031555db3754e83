// Per-address request limit for HTTP and GraphQL over HTTP (websocket operations are not counted).
import { ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ThrottlerGuard } from '@nestjs/throttler';

@Injectable()
export class AppThrottlerGuard extends ThrottlerGuard {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const { req } = this.getRequestResponse(context);
    if (!req || typeof (req as { headers?: unknown }).headers !== 'object' || !('ip' in req)) return true;
    return super.canActivate(context);
  }

  protected override getRequestResponse(context: ExecutionContext) {
    if (context.getType<string>() === 'graphql') {
      const ctx = GqlExecutionContext.create(context).getContext();
      return { req: ctx.req, res: ctx.res ?? ctx.req?.res };
    }
    return super.getRequestResponse(context);
  }
}
