import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { paths } from '../app/paths';
import { usePageTitle } from '../app/use-page-title';
import { LoginForm } from './LoginForm';
import { useIsSignedIn } from './use-session';

/** Where to go after signing in: the page that sent the user here, if it was one of ours. */
function useReturnPath(): string {
  const state: unknown = useLocation().state;
  if (
    typeof state === 'object' &&
    state !== null &&
    'from' in state &&
    typeof state.from === 'string'
  ) {
    if (state.from.startsWith('/') && !state.from.startsWith('//')) return state.from;
  }
  return paths.space;
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const returnPath = useReturnPath();
  const signedIn = useIsSignedIn();
  usePageTitle(t('auth.login.title'));

  return (
    <Stack maw={440} mx="auto" gap="lg">
      <Title order={1}>{t('auth.login.title')}</Title>
      {signedIn ? (
        <Text>
          {t('auth.login.alreadySignedIn')}{' '}
          <Anchor component={Link} to={paths.home}>
            {t('auth.login.goHome')}
          </Anchor>
        </Text>
      ) : (
        <Paper withBorder p="lg">
          <Stack gap="md">
            <Text>{t('auth.login.intro')}</Text>
            <LoginForm onSignedIn={() => void navigate(returnPath, { replace: true })} />
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
