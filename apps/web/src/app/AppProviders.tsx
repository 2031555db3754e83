// Providers shared by the app and the tests (which add their own Apollo mocks and router).
import { MantineProvider } from '@mantine/core';
import type { i18n } from 'i18next';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { cssVariablesResolver, theme } from './theme';

interface AppProvidersProps {
  i18n: i18n;
  /** 'test' turns off Mantine transitions and portals. */
  env?: 'default' | 'test';
  children: ReactNode;
}

export function AppProviders({ i18n, env = 'default', children }: AppProvidersProps) {
  return (
    <I18nextProvider i18n={i18n}>
      {/* Light scheme only for now: its contrast is the one we check (theme.test.ts). */}
      <MantineProvider
        theme={theme}
        cssVariablesResolver={cssVariablesResolver}
        forceColorScheme="light"
        env={env}
      >
        {children}
      </MantineProvider>
    </I18nextProvider>
  );
}
