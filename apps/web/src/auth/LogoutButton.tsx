import { useApolloClient, useMutation } from '@apollo/client/react';
import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { paths } from '../app/paths';
import { LogoutDocument } from '../gql/graphql';
import { sessionStore } from './session-store';

export function LogoutButton() {
  const { t } = useTranslation();
  const client = useApolloClient();
  const navigate = useNavigate();
  const [logout, { loading }] = useMutation(LogoutDocument);

  async function handleLogout() {
    const refreshToken = sessionStore.getRefreshToken();
    try {
      if (refreshToken) await logout({ variables: { refreshToken } });
    } catch {
      // Signing out locally must always work, even offline; the token then simply expires.
    }
    sessionStore.end();
    // Drop everything fetched as this user and refetch what is on screen as a visitor.
    await client.resetStore().catch(() => undefined);
    await navigate(paths.home);
  }

  return (
    <Button
      variant="outline"
      size="compact-sm"
      loading={loading}
      onClick={() => void handleLogout()}
    >
      {t('auth.logout')}
    </Button>
  );
}
