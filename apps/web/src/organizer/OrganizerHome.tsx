// The organizers' page: every hackathon (drafts included) and the tools around them.
import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../app/paths';
import { phaseColors } from '../app/theme';
import { QueryState } from '../forms/QueryState';
import { useHackathons } from '../hackathons/HackathonSelect';

export function OrganizerHome() {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useHackathons();
  return (
    <Stack gap="xl">
      <nav aria-label={t('organizer.tools')}>
        <Group gap="lg" wrap="wrap">
          <Anchor component={Link} to={paths.organizerNew}>
            {t('organizer.new')}
          </Anchor>
          <Anchor component={Link} to={paths.organizerSchools}>
            {t('organizer.schools.title')}
          </Anchor>
          <Anchor component={Link} to={paths.organizerInvitations}>
            {t('organizer.invitations.title')}
          </Anchor>
          <Anchor component={Link} to={paths.organizerTeachers}>
            {t('organizer.teachers.title')}
          </Anchor>
          <Anchor component={Link} to={paths.organizerAccounts}>
            {t('organizer.accounts.title')}
          </Anchor>
        </Group>
      </nav>
      <Stack component="section" aria-labelledby="org-hackathons" gap="md">
        <Title order={2} id="org-hackathons">
          {t('hackathons.title')}
        </Title>
        <QueryState loading={loading && !data} error={error} onRetry={() => void refetch()} />
        {data?.hackathons.length === 0 && <Text>{t('hackathons.empty')}</Text>}
        {data?.hackathons.map((h) => (
          <Paper key={h.id} withBorder p="md">
            <Group justify="space-between" wrap="wrap">
              <Anchor component={Link} to={paths.organizerHackathon(h.id)} fw={700}>
                {t('organizer.manage', { title: h.title })}
              </Anchor>
              <Badge variant="light" color={phaseColors[h.phase]}>
                {t(`hackathons.phase.${h.phase}`)}
              </Badge>
            </Group>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}
