// A team: members, mentor, status, what is missing for validation, invite code, feedback, help.
import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMe } from '../accounts/use-me';
import { paths } from '../app/paths';
import { usePageTitle } from '../app/use-page-title';
import { QueryState } from '../forms/QueryState';
import { TeamDocument } from '../gql/graphql';
import { formatDateTime } from '../hackathons/format';
import { Markdown } from '../markdown/Markdown';
import { FeedbackForm } from '../mentoring/FeedbackForm';
import { TeamStaffActions } from '../mentoring/TeamStaffActions';
import { InviteCode } from './InviteCode';
import { TeamHelp } from './TeamHelp';
import { teamStatusColors } from './team-status';
import { missingForValidation, type MissingItem } from './validation-checklist';

function MissingText({ item }: { item: MissingItem }) {
  const { t } = useTranslation();
  switch (item.kind) {
    case 'mentor':
      return <>{t('teams.missing.mentor')}</>;
    case 'tooFew':
      return <>{t('teams.missing.tooFew', { count: item.min })}</>;
    case 'tooMany':
      return <>{t('teams.missing.tooMany', { count: item.max })}</>;
    case 'inactive':
      return <>{t('teams.missing.inactive', { names: item.names.join(', ') })}</>;
    case 'consent':
      return <>{t('teams.missing.consent', { names: item.names.join(', ') })}</>;
  }
}

export function TeamPage() {
  const { t, i18n } = useTranslation();
  const { teamId = '' } = useParams();
  const { me } = useMe();
  const { data, loading, error, refetch } = useQuery(TeamDocument, { variables: { id: teamId } });
  const team = data?.team;
  usePageTitle(team?.name ?? t('teams.title'));

  if (!team) {
    return (
      <Stack>
        <Title order={1}>{t('teams.title')}</Title>
        <QueryState loading={loading} error={error} onRetry={() => void refetch()} />
      </Stack>
    );
  }

  const isMember = team.members.some((m) => m.user.id === me?.id);
  const isStaff = me?.role === 'TEACHER' || me?.role === 'ORGANIZER';
  const missing = missingForValidation(team);
  const feedback = team.submission?.feedback ?? [];
  const language = i18n.resolvedLanguage ?? i18n.language;

  return (
    <Stack gap="xl">
      <Stack gap="xs">
        <Group gap="sm" align="center">
          <Title order={1}>{team.name}</Title>
          <Badge variant="light" color={teamStatusColors[team.status]} size="lg">
            {t(`teams.status.${team.status}`)}
          </Badge>
        </Group>
        <Text>
          {team.hackathon.title} · {team.track.name} · {t(`schools.level.${team.category}`)} ·{' '}
          {team.school.name}
        </Text>
      </Stack>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Paper withBorder p="lg" component="section" aria-labelledby="members-title">
          <Title order={2} size="h3" id="members-title" mb="sm">
            {t('teams.members', { count: team.members.length })}
          </Title>
          <List spacing="xs">
            {team.members.map((member) => (
              <List.Item key={member.user.id}>
                {member.user.displayName}
                {member.captain && ` · ${t('teams.captain')}`}
                {member.user.status !== 'ACTIVE' && ` · ${t('teams.pendingMember')}`}
              </List.Item>
            ))}
          </List>
          <Text mt="md">
            <strong>{t('teams.mentor')} :</strong> {team.mentor?.displayName ?? t('teams.noMentor')}
          </Text>
          {team.inviteCode && (
            <Stack gap={4} mt="md">
              <InviteCode code={team.inviteCode} label={t('teams.inviteCode')} />
              <Text size="sm" c="dimmed">
                {t('teams.inviteHint')}
              </Text>
            </Stack>
          )}
        </Paper>

        <Paper withBorder p="lg" component="section" aria-labelledby="validation-title">
          <Title order={2} size="h3" id="validation-title" mb="sm">
            {t('teams.validation')}
          </Title>
          {team.status === 'VALIDATED' ? (
            <Text>{t('teams.validated')}</Text>
          ) : missing.length === 0 ? (
            <Text>{t('teams.readyForValidation')}</Text>
          ) : (
            <List spacing="xs">
              {missing.map((item) => (
                <List.Item key={item.kind}>
                  <MissingText item={item} />
                </List.Item>
              ))}
            </List>
          )}
          {isStaff && me && (
            <Stack mt="md">
              <TeamStaffActions team={team} meId={me.id} />
            </Stack>
          )}
        </Paper>
      </SimpleGrid>

      <Paper withBorder p="lg" component="section" aria-labelledby="project-title">
        <Title order={2} size="h3" id="project-title" mb="sm">
          {t('teams.project')}
        </Title>
        {team.submission ? (
          <Stack gap="xs">
            <Group gap="sm">
              <Text fw={700}>{team.submission.title}</Text>
              <Badge
                variant="light"
                color={team.submission.status === 'SUBMITTED' ? 'blue' : 'gray'}
              >
                {t(`submissions.status.${team.submission.status}`)}
              </Badge>
            </Group>
            <Text size="sm">{team.submission.summary}</Text>
            {isStaff && <Markdown source={team.submission.description} />}
          </Stack>
        ) : (
          <Text>{t('teams.noProject')}</Text>
        )}
        <Text size="sm" mt="sm">
          {t('teams.deadline')}{' '}
          <time dateTime={team.hackathon.submissionDeadline}>
            {formatDateTime(team.hackathon.submissionDeadline, language)}
          </time>
        </Text>
        {isMember && (
          <Anchor component={Link} to={paths.project(team.id)} mt="sm" display="inline-block">
            {t('teams.openProject')}
          </Anchor>
        )}
        {me?.role === 'ORGANIZER' && team.submission && (
          <Anchor
            component={Link}
            to={paths.projectHistory(team.id)}
            mt="sm"
            display="inline-block"
          >
            {t('submissions.history.link')}
          </Anchor>
        )}
      </Paper>

      <Paper withBorder p="lg" component="section" aria-labelledby="feedback-title">
        <Title order={2} size="h3" id="feedback-title" mb="sm">
          {t('feedback.title')}
        </Title>
        {feedback.length === 0 ? (
          <Text>{t('feedback.none')}</Text>
        ) : (
          <Stack gap="md">
            {feedback.map((item) => (
              <Stack key={item.id} gap={2} component="article">
                <Text size="sm" fw={700}>
                  {item.author.displayName} ·{' '}
                  <time dateTime={item.createdAt}>{formatDateTime(item.createdAt, language)}</time>
                </Text>
                <Text style={{ whiteSpace: 'pre-line' }}>{item.body}</Text>
              </Stack>
            ))}
          </Stack>
        )}
        {isStaff && team.submission && (
          <Stack mt="md">
            <FeedbackForm submissionId={team.submission.id} />
          </Stack>
        )}
      </Paper>

      {isMember && (
        <Paper withBorder p="lg" component="section" aria-labelledby="help-title">
          <Title order={2} size="h3" id="help-title" mb="sm">
            {t('help.request.title')}
          </Title>
          <TeamHelp teamId={team.id} hackathonId={team.hackathon.id} />
        </Paper>
      )}
    </Stack>
  );
}
