import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AccountGreeting } from '../accounts/AccountGreeting';
import { usePageTitle } from '../app/use-page-title';
import { useIsSignedIn } from '../auth/use-session';
import { HackathonList } from '../hackathons/HackathonList';

export function HomePage() {
  const { t } = useTranslation();
  const signedIn = useIsSignedIn();
  usePageTitle(t('app.name'));

  return (
    <Stack gap="xl">
      <div>
        <Title order={1}>{t('app.name')}</Title>
        <Text size="lg">{t('app.tagline')}</Text>
      </div>
      {signedIn && <AccountGreeting />}
      <HackathonList />
    </Stack>
  );
}
