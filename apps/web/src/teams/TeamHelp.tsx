// A team's requests for help and their status (open, taken by whom, resolved), kept live through
// helpRequestChanged(teamId), with the form that sends a new one.
import { useQuery } from '@apollo/client/react';
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../forms/QueryState';
import {
  HelpRequestChangedDocument,
  TeamHelpRequestsDocument,
  type HelpRequestFieldsFragment,
  type TeamHelpRequestsQuery,
} from '../gql/graphql';
import { formatDateTime } from '../hackathons/format';
import { LiveStatus } from '../live/LiveStatus';
import { useLiveSubscription } from '../live/use-live-subscription';
import { helpStatusColors, upsertHelpRequest } from '../mentoring/help-requests';
import { HelpRequestForm } from './HelpRequestForm';

export const TEAM_HELP_PAGE = 10;

export function TeamHelp({ teamId, hackathonId }: { teamId: string; hackathonId: string }) {
  const { t, i18n } = useTranslation();
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const query = useQuery(TeamHelpRequestsDocument, {
    variables: { teamId, first: TEAM_HELP_PAGE },
  });
  const { data, loading, error, refetch, fetchMore, updateQuery } = query;
  const requests = data?.teamHelpRequests ?? [];
  const language = i18n.resolvedLanguage ?? i18n.language;

  const merge = (previous: TeamHelpRequestsQuery, request: HelpRequestFieldsFragment) => ({
    teamHelpRequests: upsertHelpRequest(previous.teamHelpRequests, request),
  });

  useLiveSubscription(query, {
    document: HelpRequestChangedDocument,
    variables: { hackathonId, teamId },
    skip: !data,
    merge: (previous: TeamHelpRequestsQuery, event) => merge(previous, event.helpRequestChanged),
    onEvent: ({ helpRequestChanged: r }) =>
      setAnnouncement(
        t(`help.mine.live.${r.status}`, { topic: r.topic, name: r.claimedBy?.displayName ?? '' }),
      ),
  });

  async function loadMore() {
    const more = await fetchMore({
      variables: { after: requests[requests.length - 1].id },
      updateQuery: (previous, { fetchMoreResult }) => ({
        teamHelpRequests: [...previous.teamHelpRequests, ...fetchMoreResult.teamHelpRequests],
      }),
    });
    if ((more.data?.teamHelpRequests.length ?? 0) < TEAM_HELP_PAGE) setDone(true);
  }

  return (
    <Stack gap="md">
      <HelpRequestForm
        teamId={teamId}
        onSent={(request) => {
          updateQuery((_unsafe, { complete, previousData }) =>
            complete ? merge(previousData, request) : undefined,
          );
          setAnnouncement(t('help.mine.live.OPEN', { topic: request.topic, name: '' }));
        }}
      />
      <Title order={3} size="h4" id="my-help-title">
        {t('help.mine.title')}
      </Title>
      <LiveStatus message={announcement} />
      <QueryState loading={loading && !data} error={error} onRetry={() => void refetch()} />
      {data && requests.length === 0 && <Text>{t('help.mine.none')}</Text>}
      <Stack
        component="ul"
        gap="xs"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
        aria-labelledby="my-help-title"
      >
        {requests.map((request) => (
          <Paper key={request.id} withBorder p="sm" component="li">
            <Group gap="sm" justify="space-between" wrap="wrap">
              <Text>{request.topic}</Text>
              <Badge variant="light" color={helpStatusColors[request.status]}>
                {t(`help.status.${request.status}`)}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              <time dateTime={request.createdAt}>
                {formatDateTime(request.createdAt, language)}
              </time>
              {request.claimedBy &&
                ` · ${t('help.mine.claimedBy', { name: request.claimedBy.displayName })}`}
            </Text>
          </Paper>
        ))}
      </Stack>
      {!done && requests.length >= TEAM_HELP_PAGE && (
        <Group>
          <Button variant="outline" onClick={() => void loadMore()}>
            {t('help.mine.older')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
