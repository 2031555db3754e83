// Subscriptions are served over graphql-ws only: over HTTP their resolvers would run without an
// event (an INTERNAL_SERVER_ERROR), so Apollo refuses them before execution as a client error.
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';

export const subscriptionsOverWebSocketOnly: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation }) {
        if (operation?.operation === 'subscription') {
          throw new GraphQLError(
            'Subscriptions are served over WebSocket (graphql-ws) on /graphql, not over HTTP',
            {
              extensions: { code: 'BAD_USER_INPUT', fields: {}, http: { status: 400 } },
            },
          );
        }
      },
    };
  },
};
