// The live help queue: requests arrive and change status as they happen (helpRequestChanged);
// teachers claim a request, then mark it resolved. Older requests come a page at a time.
import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, Group, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readApiError } from '../apollo/api-error';
import type { ErrorKey } from '../forms/form-errors';
import { QueryState } from '../forms/QueryState';
import {
  ClaimHelpRequestDocument,
  HelpRequestChangedDocument,
  HelpRequestsDocument,
  ResolveHelpRequestDocument,
  type HelpRequestFieldsFragment,
  type HelpRequestsQuery,
} from '../gql/graphql';
import { formatDateTime } from '../hackathons/format';
import { LiveStatus } from '../live/LiveStatus';
import { useLiveSubscription } from '../live/use-live-subscription';
import { helpStatusColors, upsertHelpRequest } from './help-requests';

export const HELP_PAGE = 25;

function HelpRequestItem({ request }: { request: HelpRequestFieldsFragment }) {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<ErrorKey | 'mentoring.help.conflict' | null>(null);
  const [claim, claiming] = useMutation(ClaimHelpRequestDocument);
  const [resolve, resolving] = useMutation(ResolveHelpRequestDocument);
  const language = i18n.resolvedLanguage ?? i18n.language;

  async function run(action: () => Promise<unknown>) {
    setError(null);
    try {
      await action();
    } catch (e) {
      const code = readApiError(e).code;
      setError(code === 'CONFLICT' ? 'mentoring.help.conflict' : `errors.code.${code}`);
    }
  }

  return (
    <Paper withBorder p="md" component="li" aria-label={request.team.name}>
      <Stack gap={4}>
        <Group gap="sm">
          <Text fw={700}>{request.team.name}</Text>
          <Badge variant="light" color={helpStatusColors[request.status]}>
            {t(`help.status.${request.status}`)}
          </Badge>
        </Group>
        <Text>{request.topic}</Text>
        <Text size="sm" c="dimmed">
          <time dateTime={request.createdAt}>{formatDateTime(request.createdAt, language)}</time>
          {request.claimedBy &&
            ` · ${t('mentoring.help.claimedBy', { name: request.claimedBy.displayName })}`}
        </Text>
        {error && (
          <Text size="sm" c="red.9" role="alert">
            {t(error)}
          </Text>
        )}
        {request.status !== 'RESOLVED' && (
          <Group gap="xs">
            {request.status === 'OPEN' && (
              <Button
                size="compact-sm"
                loading={claiming.loading}
                aria-label={t('mentoring.help.claimNamed', { team: request.team.name })}
                onClick={() => void run(() => claim({ variables: { id: request.id } }))}
              >
                {t('mentoring.help.claim')}
              </Button>
            )}
            <Button
              size="compact-sm"
              variant="outline"
              loading={resolving.loading}
              aria-label={t('mentoring.help.resolveNamed', { team: request.team.name })}
              onClick={() => void run(() => resolve({ variables: { id: request.id } }))}
            >
              {t('mentoring.help.resolve')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

export function HelpQueue({ hackathonId }: { hackathonId: string }) {
  const { t } = useTranslation();
  const [showResolved, setShowResolved] = useState(false);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const query = useQuery(HelpRequestsDocument, {
    variables: { hackathonId, first: HELP_PAGE },
  });
  const { data, loading, error, refetch, fetchMore } = query;
  const requests = data?.helpRequests ?? [];
  const shown = showResolved ? requests : requests.filter((r) => r.status !== 'RESOLVED');

  useLiveSubscription(query, {
    document: HelpRequestChangedDocument,
    variables: { hackathonId },
    skip: !data,
    merge: (previous: HelpRequestsQuery, event) => ({
      helpRequests: upsertHelpRequest(previous.helpRequests, event.helpRequestChanged),
    }),
    onEvent: ({ helpRequestChanged: r }) =>
      setAnnouncement(
        t(`mentoring.help.live.${r.status}`, {
          team: r.team.name,
          name: r.claimedBy?.displayName ?? '',
        }),
      ),
  });

  async function loadMore() {
    const more = await fetchMore({
      variables: { after: requests[requests.length - 1].id },
      updateQuery: (previous, { fetchMoreResult }) => ({
        helpRequests: [...previous.helpRequests, ...fetchMoreResult.helpRequests],
      }),
    });
    if ((more.data?.helpRequests.length ?? 0) < HELP_PAGE) setDone(true);
  }

  return (
    <Stack component="section" aria-labelledby="help-queue" gap="md">
      <Title order={2} id="help-queue">
        {t('mentoring.help.title')}
      </Title>
      <Switch
        label={t('mentoring.help.showResolved')}
        checked={showResolved}
        onChange={(e) => setShowResolved(e.currentTarget.checked)}
      />
      <LiveStatus message={announcement} />
      <QueryState loading={loading && !data} error={error} onRetry={() => void refetch()} />
      {data && shown.length === 0 && <Text>{t('mentoring.help.none')}</Text>}
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {shown.map((request) => (
          <HelpRequestItem key={request.id} request={request} />
        ))}
      </Stack>
      {!done && requests.length >= HELP_PAGE && (
        <Group>
          <Button variant="outline" onClick={() => void loadMore()}>
            {t('mentoring.help.older')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
