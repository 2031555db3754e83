// Creates or edits a hackathon's settings (slug, title, theme, dates, team sizes).
import { useMutation } from '@apollo/client/react';
import { Button, Group, NumberInput, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../forms/FormAlert';
import { formErrorsFromApi, hasErrors, type FormErrors } from '../forms/form-errors';
import { useFocusFirstInvalid } from '../forms/use-focus-first-invalid';
import {
  CreateHackathonDocument,
  HackathonsDocument,
  UpdateHackathonDocument,
  type HackathonDetailsFragment,
} from '../gql/graphql';
import { fromLocalInput, toLocalInput } from './datetime';

const FIELDS = [
  'slug',
  'title',
  'description',
  'registrationClosesAt',
  'submissionDeadline',
  'minTeamSize',
  'maxTeamSize',
] as const;
type Field = (typeof FIELDS)[number];

interface HackathonFormProps {
  hackathon?: HackathonDetailsFragment;
  onSaved: (id: string) => void;
}

export function HackathonForm({ hackathon, onSaved }: HackathonFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState({
    slug: hackathon?.slug ?? '',
    title: hackathon?.title ?? '',
    description: hackathon?.description ?? '',
    registrationClosesAt: hackathon ? toLocalInput(hackathon.registrationClosesAt) : '',
    submissionDeadline: hackathon ? toLocalInput(hackathon.submissionDeadline) : '',
  });
  const [sizes, setSizes] = useState({
    minTeamSize: hackathon?.minTeamSize ?? 2,
    maxTeamSize: hackathon?.maxTeamSize ?? 5,
  });
  const [errors, setErrors] = useState<FormErrors<Field>>({});
  const [saved, setSaved] = useState(false);
  const formRef = useFocusFirstInvalid(errors);
  const options = { refetchQueries: [HackathonsDocument] };
  const [create, creating] = useMutation(CreateHackathonDocument, options);
  const [update, updating] = useMutation(UpdateHackathonDocument, options);

  const set = (field: keyof typeof values) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setValues((previous) => ({ ...previous, [field]: value }));
    setSaved(false);
  };

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const registrationClosesAt = fromLocalInput(values.registrationClosesAt);
    const submissionDeadline = fromLocalInput(values.submissionDeadline);
    const invalid: FormErrors<Field> = {};
    if (!/^[a-z0-9-]{3,60}$/.test(values.slug)) invalid.slug = 'errors.fields.slug';
    if (!values.title.trim()) invalid.title = 'errors.required';
    if (!registrationClosesAt) invalid.registrationClosesAt = 'errors.required';
    if (!submissionDeadline) invalid.submissionDeadline = 'errors.required';
    if (registrationClosesAt && submissionDeadline && registrationClosesAt > submissionDeadline)
      invalid.submissionDeadline = 'errors.fields.submissionDeadline';
    if (sizes.minTeamSize < 1 || sizes.minTeamSize > sizes.maxTeamSize)
      invalid.minTeamSize = 'errors.fields.minTeamSize';
    if (sizes.maxTeamSize > 10) invalid.maxTeamSize = 'errors.fields.maxTeamSize';
    setErrors(invalid);
    if (hasErrors(invalid) || !registrationClosesAt || !submissionDeadline) return;
    const input = {
      slug: values.slug,
      title: values.title.trim(),
      description: values.description,
      registrationClosesAt,
      submissionDeadline,
      ...sizes,
    };
    try {
      if (hackathon) {
        await update({ variables: { id: hackathon.id, input } });
        setSaved(true);
        onSaved(hackathon.id);
      } else {
        const { data } = await create({ variables: { input } });
        if (data) onSaved(data.createHackathon.id);
      }
    } catch (error) {
      setErrors(formErrorsFromApi(error, FIELDS, { fieldForCode: { CONFLICT: 'slug' } }));
    }
  }

  const error = (field: Field) => (errors[field] ? t(errors[field]) : undefined);
  return (
    <form ref={formRef} onSubmit={(e) => void handleSubmit(e)} noValidate>
      <Stack gap="md">
        <FormAlert error={errors.form} />
        <TextInput
          label={t('organizer.form.title')}
          required
          value={values.title}
          onChange={set('title')}
          error={error('title')}
        />
        <TextInput
          label={t('organizer.form.slug')}
          description={t('organizer.form.slugHint')}
          required
          value={values.slug}
          onChange={set('slug')}
          error={error('slug')}
        />
        <Textarea
          label={t('organizer.form.description')}
          autosize
          minRows={3}
          value={values.description}
          onChange={set('description')}
          error={error('description')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="datetime-local"
            label={t('hackathons.registrationClosesAt')}
            required
            value={values.registrationClosesAt}
            onChange={set('registrationClosesAt')}
            error={error('registrationClosesAt')}
          />
          <TextInput
            type="datetime-local"
            label={t('hackathons.submissionDeadline')}
            required
            value={values.submissionDeadline}
            onChange={set('submissionDeadline')}
            error={error('submissionDeadline')}
          />
          <NumberInput
            label={t('organizer.form.minTeamSize')}
            min={1}
            max={10}
            allowDecimal={false}
            value={sizes.minTeamSize}
            onChange={(v) => setSizes((s) => ({ ...s, minTeamSize: Number(v) || 0 }))}
            error={error('minTeamSize')}
          />
          <NumberInput
            label={t('organizer.form.maxTeamSize')}
            min={1}
            max={10}
            allowDecimal={false}
            value={sizes.maxTeamSize}
            onChange={(v) => setSizes((s) => ({ ...s, maxTeamSize: Number(v) || 0 }))}
            error={error('maxTeamSize')}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={creating.loading || updating.loading}>
            {hackathon ? t('organizer.form.save') : t('organizer.form.create')}
          </Button>
          {saved && <span role="status">{t('common.saved')}</span>}
        </Group>
      </Stack>
    </form>
  );
}
