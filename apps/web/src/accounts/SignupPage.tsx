import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { paths } from '../app/paths';
import { usePageTitle } from '../app/use-page-title';
import { SignupForm } from './SignupForm';

export function SignupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  usePageTitle(t('signup.title'));
  return (
    <Stack maw={520} mx="auto" gap="lg">
      <Title order={1}>{t('signup.title')}</Title>
      <Text>{t('signup.intro')}</Text>
      <Paper withBorder p="lg">
        <SignupForm onSignedUp={() => void navigate(paths.space, { replace: true })} />
      </Paper>
      <Text size="sm">
        {t('signup.privacy')}{' '}
        <Anchor component={Link} to={paths.privacy}>
          {t('nav.privacy')}
        </Anchor>
      </Text>
    </Stack>
  );
}
