// Shown when a teammate saved the project first: both versions side by side, the pupil chooses.
import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  SUBMISSION_FIELDS,
  type SubmissionField,
  type SubmissionValues,
} from './submission-values';

interface ConflictScreenProps {
  mine: SubmissionValues;
  theirs: SubmissionValues;
  theirVersion: number;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  busy?: boolean;
}

function Version({
  id,
  title,
  values,
  differs,
}: {
  id: string;
  title: string;
  values: SubmissionValues;
  differs: (field: SubmissionField) => boolean;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      <Stack component="dl" gap="xs" m={0}>
        {SUBMISSION_FIELDS.map((field) => (
          <div key={field} className={differs(field) ? 'conflict-diff' : undefined}>
            <Text component="dt" size="sm" fw={700}>
              {t(`submissions.fields.${field}`)}
              {differs(field) && ` · ${t('submissions.conflict.differs')}`}
            </Text>
            <Text component="dd" m={0} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {values[field] || '—'}
            </Text>
          </div>
        ))}
      </Stack>
    </Paper>
  );
}

export function ConflictScreen({
  mine,
  theirs,
  theirVersion,
  onKeepMine,
  onTakeTheirs,
  busy,
}: ConflictScreenProps) {
  const { t } = useTranslation();
  const differs = (field: SubmissionField) => mine[field] !== theirs[field];
  return (
    <Stack gap="md" component="section" aria-labelledby="conflict-title">
      <Alert color="orange" variant="light" role="alert">
        <Title order={2} size="h3" id="conflict-title">
          {t('submissions.conflict.title')}
        </Title>
        <Text mt="xs">{t('submissions.conflict.body', { version: theirVersion })}</Text>
      </Alert>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Version
          id="conflict-mine"
          title={t('submissions.conflict.mine')}
          values={mine}
          differs={differs}
        />
        <Version
          id="conflict-theirs"
          title={t('submissions.conflict.theirs')}
          values={theirs}
          differs={differs}
        />
      </SimpleGrid>
      <Group>
        <Button onClick={onKeepMine} loading={busy}>
          {t('submissions.conflict.keepMine')}
        </Button>
        <Button variant="outline" onClick={onTakeTheirs} disabled={busy}>
          {t('submissions.conflict.takeTheirs')}
        </Button>
      </Group>
    </Stack>
  );
}
