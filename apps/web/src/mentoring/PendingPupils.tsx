// Pupils of the teacher's school waiting for validation, with the parental-consent tick for under-15s.
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readApiError } from '../apollo/api-error';
import type { ErrorKey } from '../forms/form-errors';
import { QueryState } from '../forms/QueryState';
import {
  PendingPupilsDocument,
  ValidatePupilDocument,
  type PendingPupilsQuery,
} from '../gql/graphql';
import { needsParentalConsent } from '../teams/validation-checklist';

type Pupil = PendingPupilsQuery['pendingPupils'][number];

function PendingPupilRow({ pupil }: { pupil: Pupil }) {
  const { t } = useTranslation();
  const [consent, setConsent] = useState(false);
  const [error, setError] = useState<ErrorKey | null>(null);
  const [validate, { loading }] = useMutation(ValidatePupilDocument, {
    refetchQueries: [PendingPupilsDocument],
  });
  const underConsentAge = pupil.birthYear != null && needsParentalConsent(pupil.birthYear);
  const name = [pupil.firstName, pupil.lastName].filter(Boolean).join(' ') || pupil.displayName;

  async function handleValidate() {
    if (underConsentAge && !consent) return setError('errors.consentRequired');
    setError(null);
    try {
      await validate({ variables: { userId: pupil.id, parentalConsentConfirmed: consent } });
    } catch (e) {
      const api = readApiError(e);
      setError(
        api.code === 'BAD_USER_INPUT' ? 'errors.consentRequired' : `errors.code.${api.code}`,
      );
    }
  }

  return (
    <Paper withBorder p="md" component="li" aria-label={name}>
      <Stack gap="xs">
        <Text fw={700}>{name}</Text>
        <Text size="sm">
          {pupil.email} · {t('mentoring.pending.born', { year: pupil.birthYear ?? '—' })}
        </Text>
        {underConsentAge && (
          <Checkbox
            label={t('mentoring.pending.consent')}
            description={t('mentoring.pending.consentHint')}
            checked={consent}
            onChange={(e) => setConsent(e.currentTarget.checked)}
            error={error === 'errors.consentRequired' ? t('errors.consentRequired') : undefined}
          />
        )}
        {error && error !== 'errors.consentRequired' && (
          <Text c="red.9" size="sm" role="alert">
            {t(error)}
          </Text>
        )}
        <Group>
          <Button size="compact-md" loading={loading} onClick={() => void handleValidate()}>
            {t('mentoring.pending.validate', { name })}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

export function PendingPupils() {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(PendingPupilsDocument, {
    fetchPolicy: 'cache-and-network',
  });
  const pupils = data?.pendingPupils ?? [];
  return (
    <Stack component="section" aria-labelledby="pending-title" gap="md">
      <Title order={2} id="pending-title">
        {t('mentoring.pending.title')}
      </Title>
      <QueryState loading={loading && !data} error={error} onRetry={() => void refetch()} />
      {data && pupils.length === 0 && (
        <Alert variant="light" color="gray">
          {t('mentoring.pending.none')}
        </Alert>
      )}
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {pupils.map((pupil) => (
          <PendingPupilRow key={pupil.id} pupil={pupil} />
        ))}
      </Stack>
    </Stack>
  );
}
