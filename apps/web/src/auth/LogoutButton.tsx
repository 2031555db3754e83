import { useApolloClient } from '@apollo/client/react';
import { Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { paths } from '../app/paths';
import { signOut } from './renew-session';

export function LogoutButton() {
  const { t } = useTranslation();
  const client = useApolloClient();
  const navigate = useNavigate();
  const [loading, setLoading] = useState(false);

  async function handleLogout() {
    setLoading(true);
    // Revokes the session and clears the cookie; signs out locally even offline.
    await signOut();
    // Drop everything fetched as this user and refetch what is on screen as a visitor.
    await client.resetStore().catch(() => undefined);
    setLoading(false);
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
