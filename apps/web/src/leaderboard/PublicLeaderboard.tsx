// The published board: collège / lycée tabs and track tabs; pupils appear only as "Lina B.".
import { useQuery } from '@apollo/client/react';
import { Stack, Tabs, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../forms/QueryState';
import {
  LeaderboardDocument,
  type HackathonDetailsFragment,
  type SchoolLevel,
} from '../gql/graphql';
import { LeaderboardTable } from './LeaderboardTable';

const ALL = 'ALL';

export function PublicLeaderboard({ hackathon }: { hackathon: HackathonDetailsFragment }) {
  const { t } = useTranslation();
  const [category, setCategory] = useState<string>(ALL);
  const [trackId, setTrackId] = useState<string>(ALL);
  const { data, loading, error, refetch } = useQuery(LeaderboardDocument, {
    variables: {
      hackathonId: hackathon.id,
      category: category === ALL ? null : (category as SchoolLevel),
      trackId: trackId === ALL ? null : trackId,
    },
    context: { anonymous: true },
  });
  const board = data?.leaderboard;
  const trackName = hackathon.tracks.find((tr) => tr.id === trackId)?.name;
  const caption = [
    t('leaderboard.title'),
    category === ALL ? t('leaderboard.allLevels') : t(`schools.level.${category as SchoolLevel}`),
    trackName ?? t('leaderboard.allTracks'),
  ].join(' · ');

  return (
    <Stack component="section" aria-labelledby="results-title" gap="md">
      <Title order={2} id="results-title">
        {t('leaderboard.results')}
      </Title>
      <Tabs value={category} onChange={(v) => setCategory(v ?? ALL)}>
        <Tabs.List aria-label={t('leaderboard.levelTabs')}>
          <Tabs.Tab value={ALL}>{t('leaderboard.allLevels')}</Tabs.Tab>
          <Tabs.Tab value="COLLEGE">{t('schools.level.COLLEGE')}</Tabs.Tab>
          <Tabs.Tab value="LYCEE">{t('schools.level.LYCEE')}</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      <Tabs value={trackId} onChange={(v) => setTrackId(v ?? ALL)}>
        <Tabs.List aria-label={t('leaderboard.trackTabs')}>
          <Tabs.Tab value={ALL}>{t('leaderboard.allTracks')}</Tabs.Tab>
          {hackathon.tracks.map((track) => (
            <Tabs.Tab key={track.id} value={track.id}>
              {track.name}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <div role="tabpanel" aria-label={caption}>
        <QueryState loading={loading && !data} error={error} onRetry={() => void refetch()} />
        {board && (
          <LeaderboardTable entries={board.entries} method={board.method} caption={caption} />
        )}
      </div>
    </Stack>
  );
}
