import { Anchor, Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { paths } from '../app/paths';
import { usePageTitle } from '../app/use-page-title';
import { HackathonForm } from './HackathonForm';

export function NewHackathonPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  usePageTitle(t('organizer.new'));
  return (
    <Stack gap="lg" maw={720}>
      <Anchor component={Link} to={paths.space}>
        {t('space.back')}
      </Anchor>
      <Title order={1}>{t('organizer.new')}</Title>
      <Paper withBorder p="lg">
        <HackathonForm onSaved={(id) => void navigate(paths.organizerHackathon(id))} />
      </Paper>
    </Stack>
  );
}
