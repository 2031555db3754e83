// Holds the pages back until the start-up silent refresh has answered, so a reload lands on the page
// the user was on instead of bouncing through the sign-in page.
import { Center, Loader } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { renewSession, restoreSession } from './renew-session';
import { sessionStore } from './session-store';
import { syncSessionAcrossTabs } from './tab-sync';

export function SessionGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let live = true;
    void restoreSession().finally(() => {
      if (live) setReady(true);
    });
    const stopSync = syncSessionAcrossTabs(sessionStore, renewSession);
    return () => {
      live = false;
      stopSync();
    };
  }, []);

  if (!ready) {
    return (
      <Center h="100vh" role="status">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  return <>{children}</>;
}
