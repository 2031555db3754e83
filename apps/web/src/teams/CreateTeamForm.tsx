// A pupil creates a team (and becomes its captain) in a hackathon open for registration.
import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Select, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../forms/FormAlert';
import { formErrorsFromApi, hasErrors, type FormErrors } from '../forms/form-errors';
import { useFocusFirstInvalid } from '../forms/use-focus-first-invalid';
import { CreateTeamDocument, HackathonDocument, MyTeamsDocument } from '../gql/graphql';
import { HackathonSelect } from '../hackathons/HackathonSelect';

const FIELDS = ['hackathonId', 'trackId', 'name'] as const;
type Field = (typeof FIELDS)[number];

export function CreateTeamForm({ onCreated }: { onCreated: (teamId: string) => void }) {
  const { t } = useTranslation();
  const [hackathonId, setHackathonId] = useState<string | null>(null);
  const [trackId, setTrackId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<FormErrors<Field>>({});
  const formRef = useFocusFirstInvalid(errors);
  const { data } = useQuery(HackathonDocument, {
    variables: { id: hackathonId },
    skip: !hackathonId,
  });
  const [createTeam, { loading }] = useMutation(CreateTeamDocument, {
    refetchQueries: [MyTeamsDocument],
  });
  const tracks = data?.hackathon?.tracks ?? [];

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const invalid: FormErrors<Field> = {};
    if (!hackathonId) invalid.hackathonId = 'errors.required';
    if (!trackId) invalid.trackId = 'errors.required';
    const trimmed = name.trim();
    if (trimmed.length < 3 || trimmed.length > 40) invalid.name = 'errors.fields.name';
    setErrors(invalid);
    if (hasErrors(invalid) || !hackathonId || !trackId) return;
    try {
      const result = await createTeam({
        variables: { input: { hackathonId, trackId, name: trimmed } },
      });
      if (result.data) onCreated(result.data.createTeam.id);
    } catch (error) {
      setErrors(
        formErrorsFromApi(error, FIELDS, {
          fieldForCode: { CONFLICT: 'name' },
          messageForCode: { CONFLICT: 'errors.teamNameTaken' },
        }),
      );
    }
  }

  return (
    <form ref={formRef} onSubmit={(e) => void handleSubmit(e)} noValidate>
      <Stack gap="md">
        <FormAlert error={errors.form} />
        <HackathonSelect
          value={hackathonId}
          onChange={(id) => {
            setHackathonId(id);
            setTrackId(null);
          }}
          phases={['REGISTRATION']}
          error={errors.hackathonId && t(errors.hackathonId)}
        />
        <Select
          label={t('teams.create.track')}
          required
          data={tracks.map((track) => ({ value: track.id, label: track.name }))}
          value={trackId}
          onChange={setTrackId}
          error={errors.trackId && t(errors.trackId)}
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput
          label={t('teams.create.name')}
          description={t('teams.create.nameHint')}
          required
          maxLength={40}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name && t(errors.name)}
        />
        <Button type="submit" loading={loading}>
          {t('teams.create.submit')}
        </Button>
      </Stack>
    </form>
  );
}
