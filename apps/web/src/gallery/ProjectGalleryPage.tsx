// The public projects gallery of a hackathon once its results are published: every judged project
// with its team, a page at a time, filtered by level and track. Pupils appear only as "Lina B.".
import { useQuery } from '@apollo/client/react';
import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { readApiError } from '../apollo/api-error';
import { paths } from '../app/paths';
import { usePageTitle } from '../app/use-page-title';
import { QueryState } from '../forms/QueryState';
import {
  HackathonDocument,
  ProjectGalleryDocument,
  type ProjectGalleryQuery,
  type SchoolLevel,
} from '../gql/graphql';
import { Markdown } from '../markdown/Markdown';

export const GALLERY_PAGE = 12;
const ALL = 'ALL';

type Project = ProjectGalleryQuery['projectGallery'][number];

function ProjectCard({ team }: { team: Project }) {
  const { t } = useTranslation();
  const submission = team.submission;
  const title = submission?.title ?? team.name;
  const links = [
    { url: submission?.repositoryUrl, label: t('gallery.code', { title }) },
    { url: submission?.demoUrl, label: t('gallery.demo', { title }) },
    { url: submission?.videoUrl, label: t('gallery.video', { title }) },
  ].filter((l): l is { url: string; label: string } => !!l.url);
  const headingId = `project-${team.id}`;

  return (
    <Paper withBorder p="lg" component="article" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Title order={2} size="h3" id={headingId}>
          {title}
        </Title>
        <Group gap="xs">
          <Badge variant="light">{team.track.name}</Badge>
          <Badge variant="light" color="grape">
            {t(`schools.level.${team.category}`)}
          </Badge>
        </Group>
        {submission?.summary && <Text>{submission.summary}</Text>}
        <Text size="sm">
          {t('gallery.team', { team: team.name, school: team.school.name, city: team.school.city })}
        </Text>
        {team.members.length > 0 && (
          <Text size="sm" c="dimmed">
            {t('gallery.members', {
              names: team.members.map((m) => m.user.displayName).join(', '),
            })}
          </Text>
        )}
        {links.length > 0 && (
          <Group gap="md">
            {links.map((link) => (
              <Anchor key={link.url} href={link.url} target="_blank" rel="noopener noreferrer">
                {link.label}
              </Anchor>
            ))}
          </Group>
        )}
        {submission?.description && (
          <details>
            <summary>{t('gallery.readMore', { title })}</summary>
            <Markdown source={submission.description} headingOffset={3} />
          </details>
        )}
      </Stack>
    </Paper>
  );
}

export function ProjectGalleryPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const [category, setCategory] = useState<string>(ALL);
  const [trackId, setTrackId] = useState<string>(ALL);
  const [done, setDone] = useState(false);
  const hackathonQuery = useQuery(HackathonDocument, {
    variables: { slug },
    context: { anonymous: true },
  });
  const hackathon = hackathonQuery.data?.hackathon;
  usePageTitle(hackathon ? t('gallery.titleOf', { title: hackathon.title }) : t('gallery.title'));
  const published = hackathon?.phase === 'RESULTS' || hackathon?.phase === 'ARCHIVED';
  const { data, loading, error, refetch, fetchMore } = useQuery(ProjectGalleryDocument, {
    variables: {
      hackathonId: hackathon?.id ?? '',
      first: GALLERY_PAGE,
      category: category === ALL ? null : (category as SchoolLevel),
      trackId: trackId === ALL ? null : trackId,
    },
    context: { anonymous: true },
    skip: !published,
  });
  const projects = data?.projectGallery ?? [];

  async function loadMore() {
    const more = await fetchMore({
      variables: { after: projects[projects.length - 1].id },
      updateQuery: (previous, { fetchMoreResult }) => ({
        projectGallery: [...previous.projectGallery, ...fetchMoreResult.projectGallery],
      }),
    });
    if ((more.data?.projectGallery.length ?? 0) < GALLERY_PAGE) setDone(true);
  }

  if (!hackathon) {
    return (
      <Stack>
        <Title order={1}>{t('gallery.title')}</Title>
        <QueryState
          loading={hackathonQuery.loading}
          error={hackathonQuery.error}
          onRetry={() => void hackathonQuery.refetch()}
        />
        {hackathonQuery.data && <Text>{t('notFound.body')}</Text>}
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={paths.hackathon(hackathon.slug)}>
        {t('gallery.back', { title: hackathon.title })}
      </Anchor>
      <Title order={1}>{t('gallery.titleOf', { title: hackathon.title })}</Title>
      {!published ? (
        <Text>{t('gallery.notYet')}</Text>
      ) : (
        <>
          <Group gap="md" align="flex-end" wrap="wrap">
            <Select
              label={t('leaderboard.levelTabs')}
              data={[
                { value: ALL, label: t('leaderboard.allLevels') },
                { value: 'COLLEGE', label: t('schools.level.COLLEGE') },
                { value: 'LYCEE', label: t('schools.level.LYCEE') },
              ]}
              value={category}
              onChange={(v) => {
                setCategory(v ?? ALL);
                setDone(false);
              }}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
            <Select
              label={t('leaderboard.trackTabs')}
              data={[
                { value: ALL, label: t('leaderboard.allTracks') },
                ...hackathon.tracks.map((track) => ({ value: track.id, label: track.name })),
              ]}
              value={trackId}
              onChange={(v) => {
                setTrackId(v ?? ALL);
                setDone(false);
              }}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
          </Group>
          <QueryState
            loading={loading && !data}
            error={error && readApiError(error).code === 'FORBIDDEN' ? undefined : error}
            onRetry={() => void refetch()}
          />
          {data && projects.length === 0 && <Text>{t('gallery.empty')}</Text>}
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            {projects.map((team) => (
              <ProjectCard key={team.id} team={team} />
            ))}
          </SimpleGrid>
          {!done && projects.length >= GALLERY_PAGE && projects.length % GALLERY_PAGE === 0 && (
            <Group>
              <Button variant="outline" onClick={() => void loadMore()}>
                {t('gallery.more')}
              </Button>
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
