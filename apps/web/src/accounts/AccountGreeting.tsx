// Greets the signed-in user and says plainly what they can do yet (PENDING / SUSPENDED accounts).
import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { genericErrorMessage } from '../apollo/api-error';
import { sessionStore } from '../auth/session-store';
import { MeDocument, type MeQuery } from '../gql/graphql';

type Me = NonNullable<MeQuery['me']>;

function StatusNotice({
  me,
  onCheckAgain,
  checking,
}: {
  me: Me;
  onCheckAgain: () => void;
  checking: boolean;
}) {
  const { t } = useTranslation();
  if (me.status === 'PENDING') {
    const forTeacher = me.role === 'TEACHER';
    return (
      <Alert
        color="indigo"
        variant="light"
        title={t(forTeacher ? 'home.pending.teacherTitle' : 'home.pending.pupilTitle')}
      >
        <Stack gap="sm" align="flex-start">
          <Text size="sm">
            {t(forTeacher ? 'home.pending.teacherBody' : 'home.pending.pupilBody')}
          </Text>
          {/* Validation applies on the next request, so asking again is enough: no need to sign in again. */}
          <Button size="compact-sm" onClick={onCheckAgain} loading={checking}>
            {t('home.pending.check')}
          </Button>
        </Stack>
      </Alert>
    );
  }
  if (me.status === 'SUSPENDED') {
    return (
      <Alert color="red" variant="light" title={t('home.suspended.title')}>
        <Text size="sm">{t('home.suspended.body')}</Text>
      </Alert>
    );
  }
  return null;
}

export function AccountGreeting() {
  const { t } = useTranslation();
  const { data, loading, error, refetch, networkStatus } = useQuery(MeDocument, {
    notifyOnNetworkStatusChange: true,
  });
  const me = data?.me;

  // A signed-in session whose token the API no longer recognises as anyone: treat as signed out.
  const sessionLost = !loading && !error && data !== undefined && me === null;
  useEffect(() => {
    if (sessionLost) sessionStore.end();
  }, [sessionLost]);

  if (error) {
    return (
      <Alert color="red" variant="light" role="alert">
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{t(genericErrorMessage(error))}</Text>
          <Button size="compact-sm" variant="outline" onClick={() => void refetch()}>
            {t('common.retry')}
          </Button>
        </Stack>
      </Alert>
    );
  }
  if (!me) return loading ? <Text>{t('common.loading')}</Text> : null;

  return (
    <Paper withBorder p="lg">
      <Stack gap="md">
        <Group gap="sm" align="center">
          <Title order={2}>{t('home.greeting', { name: me.displayName })}</Title>
          <Badge variant="light" color="gray">
            {t(`home.role.${me.role}`)}
          </Badge>
        </Group>
        <StatusNotice
          me={me}
          onCheckAgain={() => void refetch()}
          checking={networkStatus === NetworkStatus.refetch}
        />
      </Stack>
    </Paper>
  );
}
