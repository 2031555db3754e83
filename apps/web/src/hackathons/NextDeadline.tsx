import { Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { nextDeadline, remainingTime, type DatedHackathon } from './deadlines';
import { formatDateTime, formatRemaining } from './format';
import { useNow } from './use-now';

export function NextDeadline({ hackathons }: { hackathons: readonly DatedHackathon[] }) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const deadline = nextDeadline(hackathons, now);
  if (!deadline) return null;

  const iso = deadline.at.toISOString();
  const title = deadline.hackathon.title;
  return (
    // Not a live region: a countdown announced every tick would drown out everything else.
    <Paper
      component="section"
      aria-labelledby="next-deadline-title"
      p="lg"
      radius="md"
      bg="indigo.0"
      withBorder
    >
      <Title order={2} id="next-deadline-title" size="h4">
        {t('countdown.title')}
      </Title>
      <Text mt="xs">
        {deadline.kind === 'registration'
          ? t('countdown.registration', { title })
          : t('countdown.submission', { title })}
      </Text>
      <Text fz="xl" fw={800} c="indigo.9">
        {t('countdown.remaining', {
          duration: formatRemaining(t, remainingTime(deadline.at, now)),
        })}
      </Text>
      <Text size="sm">
        <time dateTime={iso}>{formatDateTime(iso, i18n.resolvedLanguage ?? i18n.language)}</time>
      </Text>
    </Paper>
  );
}
