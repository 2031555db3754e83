// What the platform does with personal data, and the export / delete buttons of the signed-in user.
import { useApolloClient, useMutation } from '@apollo/client/react';
import { Alert, Button, Group, List, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { readApiError } from '../apollo/api-error';
import { paths } from '../app/paths';
import { usePageTitle } from '../app/use-page-title';
import { sessionStore } from '../auth/session-store';
import { useIsSignedIn } from '../auth/use-session';
import type { ErrorKey } from '../forms/form-errors';
import { DeleteMyAccountDocument, LogoutEverywhereDocument } from '../gql/graphql';
import { downloadWithToken } from '../leaderboard/results-csv';
import { AccessiblePasswordInput } from '../forms/AccessiblePasswordInput';

function DeleteAccount() {
  const { t } = useTranslation();
  const client = useApolloClient();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ErrorKey | null>(null);
  const [remove, { loading }] = useMutation(DeleteMyAccountDocument);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!password) return setError('errors.required');
    setError(null);
    try {
      await remove({ variables: { password } });
      sessionStore.end();
      await client.clearStore();
      await navigate(paths.home);
    } catch (e) {
      const code = readApiError(e).code;
      setError(
        code === 'UNAUTHENTICATED' || code === 'BAD_USER_INPUT'
          ? 'errors.fields.password'
          : `errors.code.${code}`,
      );
    }
  }

  return (
    <>
      <Button color="red.9" variant="outline" onClick={() => setOpen(true)}>
        {t('privacy.delete')}
      </Button>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={t('privacy.deleteTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <form onSubmit={(e) => void handleSubmit(e)} noValidate>
          <Stack>
            <Text>{t('privacy.deleteBody')}</Text>
            <AccessiblePasswordInput
              label={t('auth.login.passwordLabel')}
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={error && t(error)}
            />
            <Group justify="flex-end">
              <Button variant="outline" onClick={() => setOpen(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color="red.9" loading={loading}>
                {t('privacy.deleteConfirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

function MyDataActions() {
  const { t } = useTranslation();
  const client = useApolloClient();
  const navigate = useNavigate();
  const [message, setMessage] = useState<ErrorKey | null>(null);
  const [exporting, setExporting] = useState(false);
  const [logoutAll, loggingOut] = useMutation(LogoutEverywhereDocument);

  async function handleExport() {
    setExporting(true);
    const ok = await downloadWithToken('/api/me/export', 'mes-donnees-ensemble.json').catch(
      () => false,
    );
    setMessage(ok ? null : 'errors.code.NETWORK_ERROR');
    setExporting(false);
  }

  async function handleLogoutEverywhere() {
    await logoutAll().catch(() => undefined);
    sessionStore.end();
    await client.clearStore();
    await navigate(paths.home);
  }

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="my-data">
      <Title order={2} size="h3" id="my-data" mb="sm">
        {t('privacy.myData')}
      </Title>
      {message && (
        <Alert color="red" variant="light" role="alert" mb="sm">
          {t(message)}
        </Alert>
      )}
      <Group gap="sm">
        <Button loading={exporting} onClick={() => void handleExport()}>
          {t('privacy.export')}
        </Button>
        <Button
          variant="outline"
          loading={loggingOut.loading}
          onClick={() => void handleLogoutEverywhere()}
        >
          {t('privacy.logoutEverywhere')}
        </Button>
        <DeleteAccount />
      </Group>
    </Paper>
  );
}

const SECTIONS = ['what', 'why', 'who', 'howLong', 'rights'] as const;

export function PrivacyPage() {
  const { t } = useTranslation();
  const signedIn = useIsSignedIn();
  usePageTitle(t('privacy.title'));
  return (
    <Stack gap="lg" maw={800}>
      <Title order={1}>{t('privacy.title')}</Title>
      <Text>{t('privacy.intro')}</Text>
      {SECTIONS.map((section) => (
        <Stack key={section} gap="xs" component="section" aria-labelledby={`privacy-${section}`}>
          <Title order={2} size="h3" id={`privacy-${section}`}>
            {t(`privacy.sections.${section}.title`)}
          </Title>
          <List spacing="xs">
            {t(`privacy.sections.${section}.items`, { returnObjects: true }).map((item) => (
              <List.Item key={item}>{item}</List.Item>
            ))}
          </List>
        </Stack>
      ))}
      {signedIn ? <MyDataActions /> : <Text>{t('privacy.signInForActions')}</Text>}
    </Stack>
  );
}
