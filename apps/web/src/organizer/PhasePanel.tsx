// Moves a hackathon to its next phase after a confirmation that says what the change closes.
import { useMutation } from '@apollo/client/react';
import { Alert, Badge, Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readApiError } from '../apollo/api-error';
import { phaseColors } from '../app/theme';
import type { ErrorKey } from '../forms/form-errors';
import { HackathonDocument, SetPhaseDocument, type HackathonPhase } from '../gql/graphql';
import { nextPhases } from './phases';

export function PhasePanel({ hackathonId, phase }: { hackathonId: string; phase: HackathonPhase }) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<HackathonPhase | null>(null);
  const [error, setError] = useState<ErrorKey | null>(null);
  const [setPhase, { loading }] = useMutation(SetPhaseDocument, {
    refetchQueries: [HackathonDocument],
  });
  const backwards = phase === 'RESULTS' && target === 'JUDGING';

  async function confirm() {
    if (!target) return;
    setError(null);
    try {
      await setPhase({ variables: { hackathonId, phase: target } });
      setTarget(null);
    } catch (e) {
      setError(`errors.code.${readApiError(e).code}`);
      setTarget(null);
    }
  }

  return (
    <Stack gap="md" component="section" aria-labelledby="phase-title">
      <Title order={2} size="h3" id="phase-title">
        {t('organizer.phase.title')}
      </Title>
      <Group gap="sm">
        <Text>{t('organizer.phase.current')}</Text>
        <Badge variant="light" color={phaseColors[phase]} size="lg">
          {t(`hackathons.phase.${phase}`)}
        </Badge>
      </Group>
      {error && (
        <Alert color="red" variant="light" role="alert">
          {t(error)}
        </Alert>
      )}
      <Group gap="sm">
        {nextPhases(phase).map((next) => (
          <Button
            key={next}
            variant={phase === 'RESULTS' && next === 'JUDGING' ? 'outline' : 'filled'}
            onClick={() => setTarget(next)}
          >
            {phase === 'RESULTS' && next === 'JUDGING'
              ? t('organizer.phase.reopen')
              : t('organizer.phase.moveTo', { phase: t(`hackathons.phase.${next}`) })}
          </Button>
        ))}
      </Group>
      <Modal
        opened={target !== null}
        onClose={() => setTarget(null)}
        title={t('organizer.phase.confirmTitle', {
          phase: target ? t(`hackathons.phase.${target}`) : '',
        })}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack gap="md">
          <Text>
            {target &&
              (backwards
                ? t('organizer.phase.closes.REOPEN')
                : t(`organizer.phase.closes.${target}`))}
          </Text>
          <Group justify="flex-end">
            <Button variant="outline" onClick={() => setTarget(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color={target === 'ARCHIVED' ? 'red' : undefined}
              loading={loading}
              onClick={() => void confirm()}
            >
              {t('organizer.phase.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
