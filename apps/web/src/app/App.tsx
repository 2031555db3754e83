import type { ApolloClient } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import type { i18n } from 'i18next';
import { BrowserRouter } from 'react-router';
import { SessionGate } from '../auth/SessionGate';
import { AppProviders } from './AppProviders';
import { AppRoutes } from './AppRoutes';

interface AppProps {
  client: ApolloClient;
  i18n: i18n;
}

export function App({ client, i18n }: AppProps) {
  return (
    <AppProviders i18n={i18n}>
      <ApolloProvider client={client}>
        <BrowserRouter>
          {/* A reload signs back in from the refresh cookie before any page decides who is there. */}
          <SessionGate>
            <AppRoutes />
          </SessionGate>
        </BrowserRouter>
      </ApolloProvider>
    </AppProviders>
  );
}
