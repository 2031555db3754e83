// Public home of one hackathon: theme, dates with countdown, tracks, criteria and weights, how to take
// part, live announcements, and the board and the projects gallery once results are published.
import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { AnnouncementList } from '../announcements/AnnouncementList';
import { paths } from '../app/paths';
import { phaseColors } from '../app/theme';
import { usePageTitle } from '../app/use-page-title';
import { QueryState } from '../forms/QueryState';
import { HackathonDocument } from '../gql/graphql';
import { formatDateTime } from './format';
import { NextDeadline } from './NextDeadline';
import { weightShare } from './weights';

const PublicLeaderboard = lazy(() =>
  import('../leaderboard/PublicLeaderboard').then((m) => ({ default: m.PublicLeaderboard })),
);

export function HackathonPage() {
  const { t, i18n } = useTranslation();
  const { slug = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(HackathonDocument, {
    variables: { slug },
    context: { anonymous: true },
  });
  const hackathon = data?.hackathon;
  usePageTitle(hackathon?.title ?? t('hackathons.title'));
  if (!hackathon) {
    return (
      <Stack>
        <QueryState loading={loading} error={error} onRetry={() => void refetch()} />
        {data && !hackathon && <Text>{t('notFound.body')}</Text>}
      </Stack>
    );
  }
  const language = i18n.resolvedLanguage ?? i18n.language;
  const published = hackathon.phase === 'RESULTS' || hackathon.phase === 'ARCHIVED';

  return (
    <Stack gap="xl">
      <Stack gap="xs">
        <Group gap="sm">
          <Title order={1}>{hackathon.title}</Title>
          <Badge variant="light" color={phaseColors[hackathon.phase]} size="lg">
            {t(`hackathons.phase.${hackathon.phase}`)}
          </Badge>
        </Group>
        <Text size="lg" style={{ whiteSpace: 'pre-line' }}>
          {hackathon.description}
        </Text>
      </Stack>
      {published && (
        <Suspense fallback={<Text role="status">{t('common.loading')}</Text>}>
          <PublicLeaderboard hackathon={hackathon} />
        </Suspense>
      )}
      {published && (
        <Anchor component={Link} to={paths.gallery(hackathon.slug)} fw={700}>
          {t('gallery.open', { title: hackathon.title })}
        </Anchor>
      )}
      <NextDeadline hackathons={[hackathon]} />
      <Stack component="dl" gap="xs" m={0}>
        <Text component="dt" fw={700}>
          {t('hackathons.registrationClosesAt')}
        </Text>
        <Text component="dd" m={0}>
          <time dateTime={hackathon.registrationClosesAt}>
            {formatDateTime(hackathon.registrationClosesAt, language)}
          </time>
        </Text>
        <Text component="dt" fw={700}>
          {t('hackathons.submissionDeadline')}
        </Text>
        <Text component="dd" m={0}>
          <time dateTime={hackathon.submissionDeadline}>
            {formatDateTime(hackathon.submissionDeadline, language)}
          </time>
        </Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Paper withBorder p="lg" component="section" aria-labelledby="tracks-title">
          <Title order={2} size="h3" id="tracks-title" mb="sm">
            {t('hackathons.tracks')}
          </Title>
          <List spacing="sm">
            {hackathon.tracks.map((track) => (
              <List.Item key={track.id}>
                <strong>{track.name}</strong> — {track.description}
              </List.Item>
            ))}
          </List>
        </Paper>
        <Paper withBorder p="lg" component="section" aria-labelledby="criteria-title">
          <Title order={2} size="h3" id="criteria-title" mb="sm">
            {t('hackathons.criteria')}
          </Title>
          <List spacing="sm">
            {hackathon.criteria.map((c) => (
              <List.Item key={c.id}>
                <strong>{c.name}</strong> (
                {t('hackathons.criterionWeight', {
                  share: weightShare(c.weight, hackathon.criteria),
                  max: c.maxScore,
                })}
                ) — {c.description}
              </List.Item>
            ))}
          </List>
        </Paper>
      </SimpleGrid>
      <Paper withBorder p="lg" component="section" aria-labelledby="news-title">
        <Title order={2} size="h3" id="news-title" mb="sm">
          {t('announcements.title')}
        </Title>
        <AnnouncementList hackathonId={hackathon.id} anonymous />
      </Paper>
      <Paper withBorder p="lg" component="section" aria-labelledby="how-title">
        <Title order={2} size="h3" id="how-title" mb="sm">
          {t('hackathons.how.title')}
        </Title>
        <List type="ordered" spacing="xs">
          <List.Item>{t('hackathons.how.signup')}</List.Item>
          <List.Item>
            {t('hackathons.how.team', { min: hackathon.minTeamSize, max: hackathon.maxTeamSize })}
          </List.Item>
          <List.Item>{t('hackathons.how.build')}</List.Item>
          <List.Item>{t('hackathons.how.jury')}</List.Item>
        </List>
        <Anchor component={Link} to={paths.signup} mt="sm" display="inline-block">
          {t('nav.signup')}
        </Anchor>
      </Paper>
    </Stack>
  );
}
