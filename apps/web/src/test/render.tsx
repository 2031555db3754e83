// Renders a component or route the way the app does, with mocked GraphQL and an in-memory router.
import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import { AppProviders } from '../app/AppProviders';
import { createI18n, type Language } from '../i18n/i18n';

interface Options {
  mocks?: MockLink.MockedResponse[];
  route?: string;
  language?: Language;
}

export function renderWithProviders(
  ui: ReactElement,
  { mocks = [], route = '/', language = 'fr' }: Options = {},
) {
  const i18n = createI18n(language);
  const user = userEvent.setup();
  const result = render(
    <AppProviders i18n={i18n} env="test">
      <MockedProvider mocks={mocks}>
        <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>
      </MockedProvider>
    </AppProviders>,
  );
  return { ...result, user, i18n };
}
