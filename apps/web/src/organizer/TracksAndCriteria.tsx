// Tracks and judging criteria of a hackathon, with the forms that add them.
import { useMutation } from '@apollo/client/react';
import {
  Button,
  Group,
  List,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../forms/FormAlert';
import { formErrorsFromApi, hasErrors, type FormErrors } from '../forms/form-errors';
import {
  AddCriterionDocument,
  AddTrackDocument,
  HackathonDocument,
  type HackathonDetailsFragment,
} from '../gql/graphql';
import { weightShare } from '../hackathons/weights';

function AddTrackForm({ hackathonId }: { hackathonId: string }) {
  const { t } = useTranslation();
  const [values, setValues] = useState({ name: '', description: '' });
  const [errors, setErrors] = useState<FormErrors<'name' | 'description'>>({});
  const [add, { loading }] = useMutation(AddTrackDocument, { refetchQueries: [HackathonDocument] });

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!values.name.trim()) return setErrors({ name: 'errors.required' });
    setErrors({});
    try {
      await add({
        variables: {
          hackathonId,
          input: { name: values.name.trim(), description: values.description },
        },
      });
      setValues({ name: '', description: '' });
    } catch (error) {
      setErrors(formErrorsFromApi(error, ['name', 'description'] as const));
    }
  }

  return (
    <form onSubmit={(e) => void handleSubmit(e)} noValidate aria-label={t('organizer.tracks.add')}>
      <Stack gap="sm">
        <FormAlert error={errors.form} />
        <TextInput
          label={t('organizer.tracks.name')}
          value={values.name}
          onChange={(e) => setValues({ ...values, name: e.currentTarget.value })}
          error={errors.name && t(errors.name)}
        />
        <TextInput
          label={t('organizer.tracks.description')}
          value={values.description}
          onChange={(e) => setValues({ ...values, description: e.currentTarget.value })}
          error={errors.description && t(errors.description)}
        />
        <Group>
          <Button type="submit" variant="outline" loading={loading}>
            {t('organizer.tracks.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function AddCriterionForm({ hackathonId }: { hackathonId: string }) {
  const { t } = useTranslation();
  const [values, setValues] = useState({ name: '', description: '' });
  const [weight, setWeight] = useState<number>(1);
  const [maxScore, setMaxScore] = useState<number>(10);
  const fields = ['name', 'description', 'weight', 'maxScore'] as const;
  const [errors, setErrors] = useState<FormErrors<(typeof fields)[number]>>({});
  const [add, { loading }] = useMutation(AddCriterionDocument, {
    refetchQueries: [HackathonDocument],
  });

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const invalid: FormErrors<(typeof fields)[number]> = {};
    if (!values.name.trim()) invalid.name = 'errors.required';
    if (!(weight > 0)) invalid.weight = 'errors.fields.weight';
    if (!Number.isInteger(maxScore) || maxScore < 1) invalid.maxScore = 'errors.fields.maxScore';
    setErrors(invalid);
    if (hasErrors(invalid)) return;
    try {
      await add({
        variables: {
          hackathonId,
          input: { name: values.name.trim(), description: values.description, weight, maxScore },
        },
      });
      setValues({ name: '', description: '' });
    } catch (error) {
      setErrors(formErrorsFromApi(error, fields));
    }
  }

  return (
    <form
      onSubmit={(e) => void handleSubmit(e)}
      noValidate
      aria-label={t('organizer.criteria.add')}
    >
      <Stack gap="sm">
        <FormAlert error={errors.form} />
        <TextInput
          label={t('organizer.criteria.name')}
          value={values.name}
          onChange={(e) => setValues({ ...values, name: e.currentTarget.value })}
          error={errors.name && t(errors.name)}
        />
        <TextInput
          label={t('organizer.criteria.description')}
          value={values.description}
          onChange={(e) => setValues({ ...values, description: e.currentTarget.value })}
          error={errors.description && t(errors.description)}
        />
        <SimpleGrid cols={2}>
          <NumberInput
            label={t('organizer.criteria.weight')}
            min={0.1}
            step={0.5}
            decimalScale={2}
            value={weight}
            onChange={(v) => setWeight(Number(v))}
            error={errors.weight && t(errors.weight)}
          />
          <NumberInput
            label={t('organizer.criteria.maxScore')}
            min={1}
            max={100}
            allowDecimal={false}
            value={maxScore}
            onChange={(v) => setMaxScore(Number(v))}
            error={errors.maxScore && t(errors.maxScore)}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" variant="outline" loading={loading}>
            {t('organizer.criteria.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function TracksAndCriteria({ hackathon }: { hackathon: HackathonDetailsFragment }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
      <Stack component="section" aria-labelledby="tracks-title" gap="sm">
        <Title order={2} size="h3" id="tracks-title">
          {t('hackathons.tracks')}
        </Title>
        {hackathon.tracks.length === 0 ? (
          <Text>{t('organizer.tracks.none')}</Text>
        ) : (
          <List>
            {hackathon.tracks.map((track) => (
              <List.Item key={track.id}>
                <strong>{track.name}</strong> — {track.description}
              </List.Item>
            ))}
          </List>
        )}
        <AddTrackForm hackathonId={hackathon.id} />
      </Stack>
      <Stack component="section" aria-labelledby="criteria-title" gap="sm">
        <Title order={2} size="h3" id="criteria-title">
          {t('hackathons.criteria')}
        </Title>
        {hackathon.criteria.length === 0 ? (
          <Text>{t('organizer.criteria.none')}</Text>
        ) : (
          <List>
            {hackathon.criteria.map((c) => (
              <List.Item key={c.id}>
                <strong>{c.name}</strong> —{' '}
                {t('hackathons.criterionWeight', {
                  share: weightShare(c.weight, hackathon.criteria),
                  max: c.maxScore,
                })}
              </List.Item>
            ))}
          </List>
        )}
        <AddCriterionForm hackathonId={hackathon.id} />
      </Stack>
    </SimpleGrid>
  );
}
