import '@mantine/core/styles.css';
import './app/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApolloClient } from './apollo/client';
import { App } from './app/App';
import { createI18n, readLanguagePreference } from './i18n/i18n';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');

createRoot(container).render(
  <StrictMode>
    <App client={createApolloClient()} i18n={createI18n(readLanguagePreference())} />
  </StrictMode>,
);
