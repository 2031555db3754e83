// The pupil's page: their teams, or how to create or join one.
import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Card, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { paths } from '../app/paths';
import { QueryState } from '../forms/QueryState';
import { MyTeamsDocument } from '../gql/graphql';
import { CreateTeamForm } from './CreateTeamForm';
import { JoinTeamForm } from './JoinTeamForm';
import { teamStatusColors } from './team-status';

export function PupilHome() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data, loading, error, refetch } = useQuery(MyTeamsDocument);
  const teams = (data?.myTeams ?? []).filter((team) => team.status !== 'WITHDRAWN');
  const goToTeam = (id: string) => void navigate(paths.team(id));

  return (
    <Stack gap="xl">
      <Stack component="section" aria-labelledby="my-teams" gap="md">
        <Title order={2} id="my-teams">
          {t('teams.mine')}
        </Title>
        <QueryState loading={loading && !data} error={error} onRetry={() => void refetch()} />
        {data && teams.length === 0 && <Text>{t('teams.none')}</Text>}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {teams.map((team) => (
            <Card key={team.id} withBorder component="article" aria-labelledby={`team-${team.id}`}>
              <Stack gap="xs">
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Title order={3} size="h4" id={`team-${team.id}`}>
                    {team.name}
                  </Title>
                  <Badge variant="light" color={teamStatusColors[team.status]}>
                    {t(`teams.status.${team.status}`)}
                  </Badge>
                </Group>
                <Text size="sm">
                  {team.hackathon.title} · {team.track.name}
                </Text>
                <Group gap="md">
                  <Anchor component={Link} to={paths.team(team.id)}>
                    {t('teams.open', { name: team.name })}
                  </Anchor>
                  <Anchor component={Link} to={paths.project(team.id)}>
                    {t('teams.openProject')}
                  </Anchor>
                </Group>
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      </Stack>
      {data && teams.length === 0 && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Paper withBorder p="lg" component="section" aria-labelledby="create-team">
            <Title order={2} size="h3" id="create-team" mb="md">
              {t('teams.create.title')}
            </Title>
            <CreateTeamForm onCreated={goToTeam} />
          </Paper>
          <Paper withBorder p="lg" component="section" aria-labelledby="join-team">
            <Title order={2} size="h3" id="join-team" mb="md">
              {t('teams.join.title')}
            </Title>
            <JoinTeamForm onJoined={goToTeam} />
          </Paper>
        </SimpleGrid>
      )}
    </Stack>
  );
}
