import { useQuery } from '@apollo/client/react';
import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { paths } from '../app/paths';
import { usePageTitle } from '../app/use-page-title';
import { QueryState } from '../forms/QueryState';
import { TeamDocument } from '../gql/graphql';
import { ProjectEditor } from './ProjectEditor';

export function ProjectPage() {
  const { t } = useTranslation();
  const { teamId = '' } = useParams();
  // network-only: the editor starts from the latest saved version, not a cached one.
  const { data, loading, error, refetch } = useQuery(TeamDocument, {
    variables: { id: teamId },
    fetchPolicy: 'network-only',
  });
  usePageTitle(t('submissions.title'));
  const team = data?.team;
  return (
    <Stack gap="lg">
      <Title order={1}>{t('submissions.title')}</Title>
      {team ? (
        <>
          <Text>
            <Anchor component={Link} to={paths.team(team.id)}>
              {t('submissions.backToTeam', { name: team.name })}
            </Anchor>
          </Text>
          <ProjectEditor teamId={team.id} submission={team.submission ?? null} />
        </>
      ) : (
        <QueryState loading={loading} error={error} onRetry={() => void refetch()} />
      )}
    </Stack>
  );
}
