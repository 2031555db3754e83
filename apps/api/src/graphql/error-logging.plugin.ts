// Unexpected errors of an operation are logged with its request's logger (req.requestLog, bound to
// the request id: config/logger.config.ts) — the answer only says INTERNAL_SERVER_ERROR (error-formatter.ts).
import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger as PinoLogger } from 'pino';
import type { GqlContext } from './gql-context';
import { isUnexpected, logUnexpected } from './error-formatter';

export const logUnexpectedErrors: ApolloServerPlugin<GqlContext> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors, contextValue }) {
        const log: PinoLogger | undefined = contextValue?.req?.requestLog;
        for (const error of errors) if (isUnexpected(error)) logUnexpected(error, log);
      },
    };
  },
};
