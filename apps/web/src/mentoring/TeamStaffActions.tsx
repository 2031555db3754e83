// What a teacher or an organizer can do on a team: become its mentor, validate it.
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readApiError } from '../apollo/api-error';
import type { ErrorKey } from '../forms/form-errors';
import {
  MentorTeamDocument,
  TeamDocument,
  ValidateTeamDocument,
  type TeamDetailsFragment,
} from '../gql/graphql';

export function TeamStaffActions({ team, meId }: { team: TeamDetailsFragment; meId: string }) {
  const { t } = useTranslation();
  const [error, setError] = useState<ErrorKey | null>(null);
  const options = { refetchQueries: [TeamDocument] };
  const [mentorTeam, mentoring] = useMutation(MentorTeamDocument, options);
  const [validateTeam, validating] = useMutation(ValidateTeamDocument, options);

  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(`errors.code.${readApiError(e).code}`);
    }
  };

  return (
    <>
      {error && (
        <Alert color="red" variant="light" role="alert">
          {t(error)}
        </Alert>
      )}
      <Group gap="sm">
        {team.mentor?.id !== meId && (
          <Button
            variant="outline"
            loading={mentoring.loading}
            onClick={() => void run(() => mentorTeam({ variables: { teamId: team.id } }))}
          >
            {t('teams.staff.mentor')}
          </Button>
        )}
        {team.status === 'FORMING' && (
          <Button
            loading={validating.loading}
            onClick={() => void run(() => validateTeam({ variables: { teamId: team.id } }))}
          >
            {t('teams.staff.validate')}
          </Button>
        )}
      </Group>
    </>
  );
}
