// The live help queue (refreshed every 15 s): teachers claim a request, then mark it resolved.
import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../forms/QueryState';
import {
  ClaimHelpRequestDocument,
  HelpRequestsDocument,
  ResolveHelpRequestDocument,
} from '../gql/graphql';
import { formatDateTime } from '../hackathons/format';

export function HelpQueue({ hackathonId }: { hackathonId: string }) {
  const { t, i18n } = useTranslation();
  const { data, loading, error, refetch } = useQuery(HelpRequestsDocument, {
    variables: { hackathonId },
    pollInterval: 15_000,
  });
  const [claim] = useMutation(ClaimHelpRequestDocument);
  const [resolve] = useMutation(ResolveHelpRequestDocument);
  const open = (data?.helpRequests ?? []).filter((r) => r.status !== 'RESOLVED');
  const language = i18n.resolvedLanguage ?? i18n.language;

  return (
    <Stack component="section" aria-labelledby="help-queue" gap="md">
      <Title order={2} id="help-queue">
        {t('mentoring.help.title')}
      </Title>
      <QueryState loading={loading && !data} error={error} onRetry={() => void refetch()} />
      {data && open.length === 0 && <Text>{t('mentoring.help.none')}</Text>}
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-live="polite">
        {open.map((request) => (
          <Paper key={request.id} withBorder p="md" component="li">
            <Stack gap={4}>
              <Group gap="sm">
                <Text fw={700}>{request.team.name}</Text>
                <Badge variant="light" color={request.status === 'OPEN' ? 'grape' : 'indigo'}>
                  {t(`help.status.${request.status}`)}
                </Badge>
              </Group>
              <Text>{request.topic}</Text>
              <Text size="sm" c="dimmed">
                <time dateTime={request.createdAt}>
                  {formatDateTime(request.createdAt, language)}
                </time>
                {request.claimedBy &&
                  ` · ${t('mentoring.help.claimedBy', { name: request.claimedBy.displayName })}`}
              </Text>
              <Group gap="xs">
                {request.status === 'OPEN' && (
                  <Button
                    size="compact-sm"
                    onClick={() => void claim({ variables: { id: request.id } })}
                  >
                    {t('mentoring.help.claim')}
                  </Button>
                )}
                <Button
                  size="compact-sm"
                  variant="outline"
                  onClick={() =>
                    void resolve({ variables: { id: request.id } }).then(() => refetch())
                  }
                >
                  {t('mentoring.help.resolve')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}
