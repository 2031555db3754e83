// Running one hackathon: settings, phase, teams, jury, live board, announcements, audit log.
import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Group, Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMe } from '../accounts/use-me';
import { paths } from '../app/paths';
import { phaseColors } from '../app/theme';
import { usePageTitle } from '../app/use-page-title';
import { QueryState } from '../forms/QueryState';
import { HackathonDocument } from '../gql/graphql';
import { OrganizerLeaderboard } from '../leaderboard/OrganizerLeaderboard';
import { SchoolTeams } from '../mentoring/SchoolTeams';
import { AnnouncementsPanel } from './AnnouncementsPanel';
import { AssignJurorsPanel } from './AssignJurorsPanel';
import { AuditLogPanel } from './AuditLogPanel';
import { HackathonForm } from './HackathonForm';
import { PhasePanel } from './PhasePanel';
import { TracksAndCriteria } from './TracksAndCriteria';

export function OrganizerHackathonPage() {
  const { t } = useTranslation();
  const { hackathonId = '' } = useParams();
  const { me } = useMe();
  const { data, loading, error, refetch } = useQuery(HackathonDocument, {
    variables: { id: hackathonId },
  });
  const hackathon = data?.hackathon;
  usePageTitle(hackathon?.title ?? t('organizer.title'));

  if (!hackathon)
    return <QueryState loading={loading} error={error} onRetry={() => void refetch()} />;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={paths.space}>
        {t('space.back')}
      </Anchor>
      <Group gap="sm">
        <Title order={1}>{hackathon.title}</Title>
        <Badge variant="light" color={phaseColors[hackathon.phase]} size="lg">
          {t(`hackathons.phase.${hackathon.phase}`)}
        </Badge>
      </Group>
      <Tabs defaultValue="settings" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="settings">{t('organizer.tabs.settings')}</Tabs.Tab>
          <Tabs.Tab value="phase">{t('organizer.tabs.phase')}</Tabs.Tab>
          <Tabs.Tab value="teams">{t('organizer.tabs.teams')}</Tabs.Tab>
          <Tabs.Tab value="jury">{t('organizer.tabs.jury')}</Tabs.Tab>
          <Tabs.Tab value="board">{t('organizer.tabs.board')}</Tabs.Tab>
          <Tabs.Tab value="announcements">{t('organizer.tabs.announcements')}</Tabs.Tab>
          <Tabs.Tab value="audit">{t('organizer.tabs.audit')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="settings" pt="lg">
          <Stack gap="xl">
            <HackathonForm hackathon={hackathon} onSaved={() => undefined} />
            <TracksAndCriteria hackathon={hackathon} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="phase" pt="lg">
          <PhasePanel hackathonId={hackathon.id} phase={hackathon.phase} />
        </Tabs.Panel>
        <Tabs.Panel value="teams" pt="lg">
          {me && <SchoolTeams hackathonId={hackathon.id} meId={me.id} />}
        </Tabs.Panel>
        <Tabs.Panel value="jury" pt="lg">
          <AssignJurorsPanel hackathonId={hackathon.id} />
        </Tabs.Panel>
        <Tabs.Panel value="board" pt="lg">
          <OrganizerLeaderboard hackathonId={hackathon.id} slug={hackathon.slug} />
        </Tabs.Panel>
        <Tabs.Panel value="announcements" pt="lg">
          <AnnouncementsPanel hackathonId={hackathon.id} />
        </Tabs.Panel>
        <Tabs.Panel value="audit" pt="lg">
          <AuditLogPanel hackathonId={hackathon.id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
