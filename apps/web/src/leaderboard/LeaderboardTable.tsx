// The ranking table shared by the public results page and the organizer's live board.
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LeaderboardQuery, RankingMethod } from '../gql/graphql';

type Entry = LeaderboardQuery['leaderboard']['entries'][number];

export function LeaderboardTable({
  entries,
  method,
  caption,
}: {
  entries: readonly Entry[];
  method: RankingMethod;
  caption: string;
}) {
  const { t, i18n } = useTranslation();
  if (entries.length === 0) return <Text>{t('leaderboard.empty')}</Text>;
  const format = new Intl.NumberFormat(i18n.resolvedLanguage ?? i18n.language, {
    maximumFractionDigits: method === 'MEAN' ? 2 : 3,
  });
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table striped withTableBorder>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('leaderboard.rank')}</Table.Th>
            <Table.Th scope="col">{t('leaderboard.team')}</Table.Th>
            <Table.Th scope="col">{t('leaderboard.school')}</Table.Th>
            <Table.Th scope="col">{t('leaderboard.track')}</Table.Th>
            <Table.Th scope="col">{t('leaderboard.score')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.team.id}>
              <Table.Td>{entry.rank}</Table.Td>
              <Table.Th scope="row">
                {entry.team.name}
                <Text size="xs" c="dimmed">
                  {entry.team.members.map((m) => m.user.displayName).join(', ')}
                </Text>
              </Table.Th>
              <Table.Td>
                {entry.team.school.name} ({entry.team.school.city})
              </Table.Td>
              <Table.Td>{entry.team.track.name}</Table.Td>
              <Table.Td>
                {format.format(entry.score)}
                <Text size="xs" c="dimmed">
                  {t('leaderboard.evaluations', { count: entry.evaluations })}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
