// The organizers' live board (refreshed every 10 s) with the MEAN / Z_SCORE toggle, publish and CSV.
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Group, Modal, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readApiError } from '../apollo/api-error';
import type { ErrorKey } from '../forms/form-errors';
import { QueryState } from '../forms/QueryState';
import {
  HackathonDocument,
  LeaderboardDocument,
  PublishResultsDocument,
  type RankingMethod,
} from '../gql/graphql';
import { LeaderboardTable } from './LeaderboardTable';
import { downloadWithToken } from './results-csv';

export function OrganizerLeaderboard({ hackathonId, slug }: { hackathonId: string; slug: string }) {
  const { t } = useTranslation();
  const [method, setMethod] = useState<RankingMethod>('MEAN');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<ErrorKey | null>(null);
  const [exporting, setExporting] = useState(false);
  const {
    data,
    loading,
    error: loadError,
    refetch,
  } = useQuery(LeaderboardDocument, {
    variables: { hackathonId, method },
    pollInterval: 10_000,
  });
  const [publish, publishing] = useMutation(PublishResultsDocument, {
    refetchQueries: [LeaderboardDocument, HackathonDocument],
  });
  const board = data?.leaderboard;

  async function handlePublish() {
    setError(null);
    try {
      await publish({ variables: { hackathonId } });
    } catch (e) {
      setError(`errors.code.${readApiError(e).code}`);
    }
    setConfirming(false);
  }

  async function handleExport() {
    setExporting(true);
    setError(null);
    const ok = await downloadWithToken(
      `/api/hackathons/${hackathonId}/results.csv`,
      `${slug}-resultats.csv`,
    ).catch(() => false);
    if (!ok) setError('errors.code.NETWORK_ERROR');
    setExporting(false);
  }

  return (
    <Stack gap="md" component="section" aria-labelledby="board-title">
      <Title order={2} size="h3" id="board-title">
        {t('leaderboard.title')}
      </Title>
      <Group gap="md" wrap="wrap">
        <SegmentedControl
          aria-label={t('leaderboard.method')}
          value={method}
          onChange={(value) => setMethod(value as RankingMethod)}
          data={[
            { value: 'MEAN', label: t('leaderboard.mean') },
            { value: 'Z_SCORE', label: t('leaderboard.zScore') },
          ]}
        />
        <Button onClick={() => setConfirming(true)} disabled={board?.published}>
          {board?.published ? t('leaderboard.published') : t('leaderboard.publish')}
        </Button>
        <Button variant="outline" loading={exporting} onClick={() => void handleExport()}>
          {t('leaderboard.exportCsv')}
        </Button>
      </Group>
      <Text size="sm">
        {t(method === 'MEAN' ? 'leaderboard.meanHint' : 'leaderboard.zScoreHint')}
      </Text>
      {error && (
        <Alert color="red" variant="light" role="alert">
          {t(error)}
        </Alert>
      )}
      <QueryState loading={loading && !data} error={loadError} onRetry={() => void refetch()} />
      {board && (
        <LeaderboardTable
          entries={board.entries}
          method={board.method}
          caption={t('leaderboard.liveCaption')}
        />
      )}
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('leaderboard.publishTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack>
          <Text>{t('organizer.phase.closes.RESULTS')}</Text>
          <Group justify="flex-end">
            <Button variant="outline" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button loading={publishing.loading} onClick={() => void handlePublish()}>
              {t('leaderboard.publish')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
