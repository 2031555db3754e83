// Apollo Server setup: code-first schema, limits, errors, contexts for HTTP and graphql-ws.
import { randomUUID } from 'node:crypto';
import { ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../config/app.config';
import { bearerToken } from '../auth/auth.guard';
import { AuthService } from '../auth/auth.service';
import { LiveSessionsService, LiveSocket } from '../auth/live-sessions.service';
import { formatError } from './error-formatter';
import { GqlContext, LoaderRegistry } from './gql-context';
import { armor } from './limits';
import { sendSharedPayloads, sharedSubscribe } from './shared-subscription-execution';
import { logUnexpectedErrors } from './error-logging.plugin';
import { subscriptionsOverWebSocketOnly } from './websocket-subscriptions.plugin';

interface WsContext {
  connectionParams?: Record<string, unknown>;
  extra?: {
    request?: { headers?: Record<string, string | string[] | undefined> };
    /** ws's WebSocket: send(data, options?, cb?). */
    socket?: { send(data: unknown, options?: unknown, cb?: (err?: Error) => void): void };
  };
}

export function graphqlOptions(
  config: AppConfig,
  auth: AuthService,
  liveSessions: LiveSessionsService,
): Omit<ApolloDriverConfig, 'driver'> {
  const limits = armor();
  return {
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    playground: false,
    introspection: !config.isProduction,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    formatError,
    // No cache hints are used: without this, Apollo wraps every field's resolver to collect them.
    plugins: [
      ...limits.plugins,
      ApolloServerPluginCacheControlDisabled(),
      subscriptionsOverWebSocketOnly,
      logUnexpectedErrors,
    ],
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    // Over HTTP, @as-integrations/fastify calls it with (request, reply); graphql-ws with its
    // context (and the subscribe message).
    context: (arg: FastifyRequest | WsContext, reply?: unknown): GqlContext => {
      if ('raw' in arg) {
        return {
          req: arg,
          res: reply as FastifyReply,
          token: bearerToken(arg.headers.authorization),
          loaders: new LoaderRegistry(),
          requestId: arg.id,
        };
      }
      // graphql-ws: one context per operation, token from connectionParams.
      const raw = arg.connectionParams?.authorization ?? arg.connectionParams?.Authorization;
      const socket = arg.extra?.socket;
      return {
        token: typeof raw === 'string' ? (bearerToken(raw) ?? raw) : null,
        loaders: new LoaderRegistry(),
        requestId: randomUUID(),
        sharedPayloads: socket ? sendSharedPayloads(socket) : false,
      };
    },
    subscriptions: {
      'graphql-ws': {
        path: '/graphql',
        // A token, when sent, must be valid: refuse the connection early instead of per operation.
        // A signed-in connection is closed when its user's sessions end (suspension, deletion…).
        onConnect: async (ctx: { connectionParams?: Record<string, unknown>; extra?: unknown }) => {
          const raw = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
          if (raw === undefined || raw === null || raw === '') return true;
          if (typeof raw !== 'string') return false;
          try {
            const viewer = await auth.viewerFromToken(bearerToken(raw) ?? raw);
            const socket = (ctx.extra as { socket?: LiveSocket } | undefined)?.socket;
            if (viewer.user && socket)
              liveSessions.track(viewer.user.id, viewer.user.sessionVersion, socket);
            return true;
          } catch {
            return false;
          }
        },
        // Passed on to graphql-ws's useServer (Nest's type does not list it): one execution per
        // pushed event and viewer, shared by all the sockets it is for.
        ...({ subscribe: sharedSubscribe } as object),
      },
    },
  };
}
