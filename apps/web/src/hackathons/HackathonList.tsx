// Public list of hackathons (no sign-in needed), with the countdown to the next deadline.
import { useQuery } from '@apollo/client/react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { Link } from 'react-router';
import { paths } from '../app/paths';
import { useTranslation } from 'react-i18next';
import { genericErrorMessage } from '../apollo/api-error';
import { phaseColors } from '../app/theme';
import { HackathonsDocument, type HackathonsQuery } from '../gql/graphql';
import { formatDateTime } from './format';
import { NextDeadline } from './NextDeadline';

type Hackathon = HackathonsQuery['hackathons'][number];

function DateLine({ label, iso }: { label: string; iso: string }) {
  const { i18n } = useTranslation();
  return (
    <div>
      <Text component="dt" size="sm" fw={700}>
        {label}
      </Text>
      <Text component="dd" size="sm" m={0}>
        <time dateTime={iso}>{formatDateTime(iso, i18n.resolvedLanguage ?? i18n.language)}</time>
      </Text>
    </div>
  );
}

function HackathonCard({ hackathon }: { hackathon: Hackathon }) {
  const { t } = useTranslation();
  return (
    <Card component="article" withBorder padding="lg" aria-labelledby={`hackathon-${hackathon.id}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={3} size="h4" id={`hackathon-${hackathon.id}`}>
            {hackathon.title}
          </Title>
          <Badge variant="light" color={phaseColors[hackathon.phase]}>
            {t(`hackathons.phase.${hackathon.phase}`)}
          </Badge>
        </Group>
        <Text style={{ whiteSpace: 'pre-line' }}>{hackathon.description}</Text>
        <Stack component="dl" gap="xs" m={0}>
          <DateLine
            label={t('hackathons.registrationClosesAt')}
            iso={hackathon.registrationClosesAt}
          />
          <DateLine label={t('hackathons.submissionDeadline')} iso={hackathon.submissionDeadline} />
        </Stack>
        <Anchor component={Link} to={paths.hackathon(hackathon.slug)}>
          {t('hackathons.details', { title: hackathon.title })}
        </Anchor>
      </Stack>
    </Card>
  );
}

export function HackathonList() {
  const { t } = useTranslation();
  // The public list, as every visitor sees it (PENDING pupils included, who would get FORBIDDEN).
  const { data, loading, error, refetch } = useQuery(HackathonsDocument, {
    context: { anonymous: true },
  });
  const hackathons = data?.hackathons ?? [];

  return (
    <Stack component="section" aria-labelledby="hackathons-title" gap="md">
      <Title order={2} id="hackathons-title">
        {t('hackathons.title')}
      </Title>
      {error && !data ? (
        <Alert color="red" variant="light" role="alert" title={t('hackathons.loadError')}>
          <Stack gap="sm" align="flex-start">
            <Text size="sm">{t(genericErrorMessage(error))}</Text>
            <Button size="compact-sm" variant="outline" onClick={() => void refetch()}>
              {t('common.retry')}
            </Button>
          </Stack>
        </Alert>
      ) : loading && !data ? (
        <Text role="status">{t('common.loading')}</Text>
      ) : hackathons.length === 0 ? (
        <Text>{t('hackathons.empty')}</Text>
      ) : (
        <>
          <NextDeadline hackathons={hackathons} />
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            {hackathons.map((hackathon) => (
              <HackathonCard key={hackathon.id} hackathon={hackathon} />
            ))}
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
