// Guards a page by role: visitors go to sign-in (and come back), other roles read a short notice.
import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { useMe } from '../accounts/use-me';
import { QueryState } from '../forms/QueryState';
import type { Role } from '../gql/graphql';
import { paths } from './paths';

export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const { me, signedIn, loading, error, refetch } = useMe();
  if (!signedIn) return <Navigate to={paths.login} replace state={{ from: location.pathname }} />;
  if (!me) return <QueryState loading={loading} error={error} onRetry={() => void refetch()} />;
  if (!roles.includes(me.role) || me.status !== 'ACTIVE') {
    return (
      <Alert color="orange" variant="light" role="alert">
        {t('errors.notForYou')}
      </Alert>
    );
  }
  return <>{children}</>;
}
