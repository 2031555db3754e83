// Announcements of a hackathon, newest first, a page at a time; new ones appear live
// (announcementPosted) and are announced politely to screen readers.
import { useQuery } from '@apollo/client/react';
import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../forms/QueryState';
import {
  AnnouncementPostedDocument,
  AnnouncementsDocument,
  type AnnouncementsQuery,
} from '../gql/graphql';
import { formatDateTime } from '../hackathons/format';
import { LiveStatus } from '../live/LiveStatus';
import { useLiveSubscription } from '../live/use-live-subscription';
import { Markdown } from '../markdown/Markdown';

export const ANNOUNCEMENTS_PAGE = 10;

export function AnnouncementList({
  hackathonId,
  anonymous = false,
}: {
  hackathonId: string;
  /** Public pages read as a visitor (see the Apollo client's `anonymous` context). */
  anonymous?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const context = anonymous ? { anonymous } : undefined;
  const query = useQuery(AnnouncementsDocument, {
    variables: { hackathonId, first: ANNOUNCEMENTS_PAGE },
    context,
  });
  const { data, loading, error, refetch, fetchMore } = query;
  const items = data?.announcements ?? [];
  const language = i18n.resolvedLanguage ?? i18n.language;

  useLiveSubscription(query, {
    document: AnnouncementPostedDocument,
    variables: { hackathonId },
    context,
    skip: !data,
    merge: (previous: AnnouncementsQuery, { announcementPosted: posted }) =>
      previous.announcements.some((a) => a.id === posted.id)
        ? previous
        : { announcements: [posted, ...previous.announcements] },
    onEvent: ({ announcementPosted }) =>
      setAnnouncement(t('announcements.live', { title: announcementPosted.title })),
  });

  async function loadMore() {
    const more = await fetchMore({
      variables: { after: items[items.length - 1].id },
      updateQuery: (previous, { fetchMoreResult }) => ({
        announcements: [...previous.announcements, ...fetchMoreResult.announcements],
      }),
    });
    if ((more.data?.announcements.length ?? 0) < ANNOUNCEMENTS_PAGE) setDone(true);
  }

  return (
    <Stack gap="sm">
      <LiveStatus message={announcement} />
      <QueryState loading={loading && !data} error={error} onRetry={() => void refetch()} />
      {data && items.length === 0 && <Text>{t('announcements.none')}</Text>}
      {items.map((a) => (
        <Paper key={a.id} withBorder p="md" component="article" aria-label={a.title}>
          <Text fw={700}>{a.title}</Text>
          <Text size="sm" c="dimmed">
            {a.author.displayName} ·{' '}
            <time dateTime={a.createdAt}>{formatDateTime(a.createdAt, language)}</time>
          </Text>
          <Markdown source={a.body} />
        </Paper>
      ))}
      {!done && items.length >= ANNOUNCEMENTS_PAGE && (
        <Group>
          <Button variant="outline" onClick={() => void loadMore()}>
            {t('announcements.older')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
