// Teams of the teacher's school (organizers: all teams), a page at a time, to mentor and validate.
import { useMutation, useQuery } from '@apollo/client/react';
import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { readApiError } from '../apollo/api-error';
import { paths } from '../app/paths';
import { QueryState } from '../forms/QueryState';
import {
  MentorTeamDocument,
  SchoolTeamsDocument,
  ValidateTeamDocument,
  type SchoolTeamsQuery,
} from '../gql/graphql';
import { teamStatusColors } from '../teams/team-status';

export const TEAMS_PAGE_SIZE = 25;

type Team = SchoolTeamsQuery['teams'][number];

function TeamRow({ team, meId }: { team: Team; meId: string }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  const [mentor, mentoring] = useMutation(MentorTeamDocument);
  const [validate, validating] = useMutation(ValidateTeamDocument);
  const run = async (action: () => Promise<unknown>) => {
    setMessage(null);
    try {
      await action();
    } catch (e) {
      setMessage(t(`errors.code.${readApiError(e).code}`));
    }
  };
  return (
    <Table.Tr>
      <Table.Th scope="row">
        <Anchor component={Link} to={paths.team(team.id)}>
          {team.name}
        </Anchor>
      </Table.Th>
      <Table.Td>
        <Badge variant="light" color={teamStatusColors[team.status]}>
          {t(`teams.status.${team.status}`)}
        </Badge>
      </Table.Td>
      <Table.Td>{team.members.length}</Table.Td>
      <Table.Td>{team.mentor?.displayName ?? t('teams.noMentor')}</Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="wrap">
          {team.mentor?.id !== meId && (
            <Button
              size="compact-sm"
              variant="outline"
              loading={mentoring.loading}
              onClick={() => void run(() => mentor({ variables: { teamId: team.id } }))}
              aria-label={t('teams.staff.mentorNamed', { name: team.name })}
            >
              {t('teams.staff.mentor')}
            </Button>
          )}
          {team.status === 'FORMING' && (
            <Button
              size="compact-sm"
              loading={validating.loading}
              onClick={() => void run(() => validate({ variables: { teamId: team.id } }))}
              aria-label={t('teams.staff.validateNamed', { name: team.name })}
            >
              {t('teams.staff.validate')}
            </Button>
          )}
        </Group>
        {message && (
          <Text size="sm" c="red.9" role="alert">
            {message}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

export function SchoolTeams({ hackathonId, meId }: { hackathonId: string; meId: string }) {
  const { t } = useTranslation();
  const { data, loading, error, refetch, fetchMore } = useQuery(SchoolTeamsDocument, {
    variables: { hackathonId, first: TEAMS_PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const [loadingMore, setLoadingMore] = useState(false);
  const [done, setDone] = useState(false);
  const teams = data?.teams ?? [];
  const hasMore = !done && teams.length > 0 && teams.length % TEAMS_PAGE_SIZE === 0;

  async function loadMore() {
    setLoadingMore(true);
    try {
      const more = await fetchMore({
        variables: { after: teams[teams.length - 1].id },
        updateQuery: (previous, { fetchMoreResult }) => ({
          teams: [...previous.teams, ...fetchMoreResult.teams],
        }),
      });
      if ((more.data?.teams.length ?? 0) < TEAMS_PAGE_SIZE) setDone(true);
    } finally {
      setLoadingMore(false);
    }
  }

  return (
    <Stack component="section" aria-labelledby="school-teams" gap="md">
      <Title order={2} id="school-teams">
        {t('mentoring.teams.title')}
      </Title>
      <QueryState loading={loading && !data} error={error} onRetry={() => void refetch()} />
      {data && teams.length === 0 && <Text>{t('mentoring.teams.none')}</Text>}
      {teams.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('mentoring.teams.name')}</Table.Th>
                <Table.Th scope="col">{t('mentoring.teams.status')}</Table.Th>
                <Table.Th scope="col">{t('mentoring.teams.members')}</Table.Th>
                <Table.Th scope="col">{t('teams.mentor')}</Table.Th>
                <Table.Th scope="col">{t('mentoring.teams.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {teams.map((team) => (
                <TeamRow key={team.id} team={team} meId={meId} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {hasMore && (
        <Group>
          <Button variant="outline" loading={loadingMore} onClick={() => void loadMore()}>
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
