// "Mon espace": the signed-in user's main page, by role. Each role's page loads on demand.
import { Stack, Title } from '@mantine/core';
import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { AccountGreeting } from '../accounts/AccountGreeting';
import { useMe } from '../accounts/use-me';
import { QueryState } from '../forms/QueryState';
import { paths } from './paths';
import { usePageTitle } from './use-page-title';

const PupilHome = lazy(() => import('../teams/PupilHome').then((m) => ({ default: m.PupilHome })));
const TeacherHome = lazy(() =>
  import('../mentoring/TeacherHome').then((m) => ({ default: m.TeacherHome })),
);
const JurorHome = lazy(() => import('../jury/JurorHome').then((m) => ({ default: m.JurorHome })));
const OrganizerHome = lazy(() =>
  import('../organizer/OrganizerHome').then((m) => ({ default: m.OrganizerHome })),
);

const HOMES = {
  PUPIL: PupilHome,
  TEACHER: TeacherHome,
  JUROR: JurorHome,
  ORGANIZER: OrganizerHome,
} as const;

export function SpacePage() {
  const { t } = useTranslation();
  const { me, signedIn, loading, error, refetch } = useMe();
  usePageTitle(t('space.title'));
  if (!signedIn) return <Navigate to={paths.login} replace state={{ from: paths.space }} />;
  const Home = me && me.status === 'ACTIVE' ? HOMES[me.role] : null;
  return (
    <Stack gap="xl">
      <Title order={1}>{t('space.title')}</Title>
      <AccountGreeting />
      {!me && <QueryState loading={loading} error={error} onRetry={() => void refetch()} />}
      {Home && <Home />}
    </Stack>
  );
}
