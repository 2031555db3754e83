// The organizers' live board (leaderboardUpdated pushes each new board) with the MEAN / Z_SCORE
// toggle, publication, CSV export and how each juror scores.
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Group, Modal, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readApiError } from '../apollo/api-error';
import type { ErrorKey } from '../forms/form-errors';
import { QueryState } from '../forms/QueryState';
import {
  HackathonDocument,
  LeaderboardDocument,
  LeaderboardUpdatedDocument,
  PublishResultsDocument,
  type RankingMethod,
} from '../gql/graphql';
import { formatTime } from '../hackathons/format';
import { LiveStatus } from '../live/LiveStatus';
import { useLiveSubscription } from '../live/use-live-subscription';
import { JurorDistribution } from './JurorDistribution';
import { LeaderboardTable } from './LeaderboardTable';

/** A busy jury pushes a board every second: say so at most this often. */
const ANNOUNCE_EVERY_MS = 30_000;
import { downloadWithToken } from './results-csv';

export function OrganizerLeaderboard({ hackathonId, slug }: { hackathonId: string; slug: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const [method, setMethod] = useState<RankingMethod>('MEAN');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<ErrorKey | null>(null);
  const [exporting, setExporting] = useState(false);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const lastAnnounced = useRef(0);
  const query = useQuery(LeaderboardDocument, { variables: { hackathonId, method } });
  const { data, loading, error: loadError, refetch } = query;
  useLiveSubscription(query, {
    document: LeaderboardUpdatedDocument,
    variables: { hackathonId, method },
    skip: !data,
    merge: (_previous, event) => ({ leaderboard: event.leaderboardUpdated }),
    onEvent: (event) => {
      if (Date.now() - lastAnnounced.current < ANNOUNCE_EVERY_MS) return;
      lastAnnounced.current = Date.now();
      setAnnouncement(
        t('leaderboard.liveUpdated', {
          time: formatTime(event.leaderboardUpdated.updatedAt, language),
        }),
      );
    },
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
      <LiveStatus message={announcement} />
      <QueryState loading={loading && !data} error={loadError} onRetry={() => void refetch()} />
      {board && (
        <LeaderboardTable
          entries={board.entries}
          method={board.method}
          caption={t('leaderboard.liveCaption')}
        />
      )}
      <JurorDistribution hackathonId={hackathonId} version={board?.updatedAt} />
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
