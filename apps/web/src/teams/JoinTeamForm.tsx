// A pupil joins a classmate's team with its invite code.
import { useMutation } from '@apollo/client/react';
import { Button, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../forms/FormAlert';
import { formErrorsFromApi, type FormErrors } from '../forms/form-errors';
import { useFocusFirstInvalid } from '../forms/use-focus-first-invalid';
import { JoinTeamDocument, MyTeamsDocument } from '../gql/graphql';

const FIELDS = ['inviteCode'] as const;

export function JoinTeamForm({ onJoined }: { onJoined: (teamId: string) => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<FormErrors<'inviteCode'>>({});
  const formRef = useFocusFirstInvalid(errors);
  const [joinTeam, { loading }] = useMutation(JoinTeamDocument, {
    refetchQueries: [MyTeamsDocument],
  });

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const inviteCode = code.trim();
    if (!inviteCode) return setErrors({ inviteCode: 'errors.required' });
    setErrors({});
    try {
      const result = await joinTeam({ variables: { inviteCode } });
      if (result.data) onJoined(result.data.joinTeam.id);
    } catch (error) {
      setErrors(
        formErrorsFromApi(error, FIELDS, {
          fieldForCode: {
            NOT_FOUND: 'inviteCode',
            CONFLICT: 'inviteCode',
            FORBIDDEN: 'inviteCode',
          },
          messageForCode: {
            NOT_FOUND: 'errors.unknownInviteCode',
            CONFLICT: 'errors.inviteConflict',
            FORBIDDEN: 'errors.inviteForbidden',
          },
        }),
      );
    }
  }

  return (
    <form ref={formRef} onSubmit={(e) => void handleSubmit(e)} noValidate>
      <Stack gap="md">
        <FormAlert error={errors.form} />
        <TextInput
          label={t('teams.join.code')}
          description={t('teams.join.codeHint')}
          required
          autoCapitalize="none"
          autoComplete="off"
          spellCheck={false}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          error={errors.inviteCode && t(errors.inviteCode)}
        />
        <Button type="submit" loading={loading} variant="outline">
          {t('teams.join.submit')}
        </Button>
      </Stack>
    </form>
  );
}
