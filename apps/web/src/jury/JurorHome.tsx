// The juror's assignments with their progress ("4 sur 9 notés").
import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../app/paths';
import { QueryState } from '../forms/QueryState';
import { MyAssignmentsDocument, type AssignmentStatus } from '../gql/graphql';
import { HackathonSelect } from '../hackathons/HackathonSelect';

const statusColors: Record<AssignmentStatus, string> = {
  PENDING: 'grape',
  DONE: 'blue',
  RECUSED: 'gray',
};

function Assignments({ hackathonId }: { hackathonId: string }) {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(MyAssignmentsDocument, {
    variables: { hackathonId },
    fetchPolicy: 'cache-and-network',
  });
  const assignments = data?.myAssignments ?? [];
  const active = assignments.filter((a) => a.status !== 'RECUSED');
  const done = active.filter((a) => a.status === 'DONE').length;

  return (
    <Stack component="section" aria-labelledby="assignments-title" gap="md">
      <Title order={2} id="assignments-title">
        {t('jury.assignments')}
      </Title>
      <QueryState loading={loading && !data} error={error} onRetry={() => void refetch()} />
      {data && assignments.length === 0 && <Text>{t('jury.none')}</Text>}
      {active.length > 0 && (
        <Stack gap={4}>
          <Text fw={700}>{t('jury.progress', { done, count: active.length })}</Text>
          {/* The label goes on the section: it is the element with role="progressbar". */}
          <Progress.Root size="lg">
            <Progress.Section
              value={(100 * done) / active.length}
              aria-label={t('jury.progress', { done, count: active.length })}
            />
          </Progress.Root>
        </Stack>
      )}
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {assignments.map((a) => (
          <Paper key={a.id} withBorder p="md" component="li">
            <Group justify="space-between" wrap="wrap">
              <Stack gap={2}>
                <Text fw={700}>{a.submission.title}</Text>
                <Text size="sm">
                  {a.submission.team.name} · {a.submission.team.track.name} ·{' '}
                  {t(`schools.level.${a.submission.team.category}`)}
                </Text>
              </Stack>
              <Group gap="sm">
                <Badge variant="light" color={statusColors[a.status]}>
                  {t(`jury.status.${a.status}`)}
                </Badge>
                {a.status !== 'RECUSED' && (
                  <Anchor component={Link} to={paths.jurorScore(hackathonId, a.id)}>
                    {a.status === 'DONE'
                      ? t('jury.edit', { title: a.submission.title })
                      : t('jury.score', { title: a.submission.title })}
                  </Anchor>
                )}
              </Group>
            </Group>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}

export function JurorHome() {
  const [hackathonId, setHackathonId] = useState<string | null>(null);
  return (
    <Stack gap="lg">
      <HackathonSelect
        value={hackathonId}
        onChange={setHackathonId}
        phases={['JUDGING', 'RESULTS', 'ARCHIVED']}
        preferred={['JUDGING']}
      />
      {hackathonId && <Assignments hackathonId={hackathonId} />}
    </Stack>
  );
}
