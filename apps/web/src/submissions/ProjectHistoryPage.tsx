// Organizers read every saved version of a team's project (who saved it, when) and open any one of
// them. The API sends the whole history at once; the list shows it a page at a time.
import { useQuery } from '@apollo/client/react';
import { Anchor, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { paths } from '../app/paths';
import { usePageTitle } from '../app/use-page-title';
import { QueryState } from '../forms/QueryState';
import {
  SubmissionHistoryDocument,
  TeamDocument,
  type SubmissionHistoryQuery,
} from '../gql/graphql';
import { formatDateTime } from '../hackathons/format';
import { Markdown } from '../markdown/Markdown';

export const VERSIONS_PAGE = 10;

type Version = SubmissionHistoryQuery['submissionHistory'][number];

function VersionView({ version }: { version: Version }) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Opening a version moves focus to it, as following a link would.
  useEffect(() => headingRef.current?.focus(), [version.version]);
  const links = [
    { label: t('submissions.fields.repositoryUrl'), url: version.repositoryUrl },
    { label: t('submissions.fields.demoUrl'), url: version.demoUrl },
    { label: t('submissions.fields.videoUrl'), url: version.videoUrl },
  ];
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="version-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="version-title" ref={headingRef} tabIndex={-1}>
          {t('submissions.history.versionTitle', {
            version: version.version,
            title: version.title,
          })}
        </Title>
        <Text fw={700}>{t('submissions.fields.summary')}</Text>
        <Text>{version.summary || '—'}</Text>
        <Text fw={700}>{t('submissions.fields.description')}</Text>
        <Markdown source={version.description} headingOffset={3} />
        <List spacing="xs">
          {links.map((link) => (
            <List.Item key={link.label}>
              {link.label} : {link.url ?? '—'}
            </List.Item>
          ))}
        </List>
      </Stack>
    </Paper>
  );
}

export function ProjectHistoryPage() {
  const { t, i18n } = useTranslation();
  const { teamId = '' } = useParams();
  const [shown, setShown] = useState(VERSIONS_PAGE);
  const [selected, setSelected] = useState<number | null>(null);
  const team = useQuery(TeamDocument, { variables: { id: teamId } });
  const { data, loading, error, refetch } = useQuery(SubmissionHistoryDocument, {
    variables: { teamId },
  });
  const teamName = team.data?.team?.name;
  usePageTitle(
    teamName
      ? t('submissions.history.titleOf', { team: teamName })
      : t('submissions.history.title'),
  );
  const language = i18n.resolvedLanguage ?? i18n.language;
  // Newest first: the latest saves are what an organizer usually checks.
  const versions = [...(data?.submissionHistory ?? [])].reverse();
  const open = versions.find((v) => v.version === selected) ?? null;

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={paths.team(teamId)}>
        {teamName ? t('submissions.backToTeam', { name: teamName }) : t('teams.title')}
      </Anchor>
      <Title order={1}>
        {teamName
          ? t('submissions.history.titleOf', { team: teamName })
          : t('submissions.history.title')}
      </Title>
      <QueryState loading={loading && !data} error={error} onRetry={() => void refetch()} />
      {data && versions.length === 0 && <Text>{t('submissions.history.none')}</Text>}
      {versions.length > 0 && (
        <Stack component="section" aria-labelledby="versions-title" gap="sm">
          <Title order={2} size="h3" id="versions-title">
            {t('submissions.history.versions', { count: versions.length })}
          </Title>
          <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {versions.slice(0, shown).map((version) => (
              <Paper key={version.version} withBorder p="sm" component="li">
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Stack gap={0}>
                    <Text fw={700}>
                      {t('submissions.history.version', { version: version.version })} ·{' '}
                      {version.title}
                    </Text>
                    <Text size="sm" c="dimmed">
                      <time dateTime={version.savedAt}>
                        {formatDateTime(version.savedAt, language)}
                      </time>{' '}
                      · {version.savedBy?.displayName ?? t('submissions.history.unknownAuthor')}
                    </Text>
                  </Stack>
                  <Button
                    size="compact-sm"
                    variant={selected === version.version ? 'filled' : 'outline'}
                    aria-pressed={selected === version.version}
                    onClick={() => setSelected(version.version)}
                  >
                    {t('submissions.history.show', { version: version.version })}
                  </Button>
                </Group>
              </Paper>
            ))}
          </Stack>
          {shown < versions.length && (
            <Group>
              <Button variant="outline" onClick={() => setShown(shown + VERSIONS_PAGE)}>
                {t('submissions.history.older')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
      {open && <VersionView version={open} />}
    </Stack>
  );
}
