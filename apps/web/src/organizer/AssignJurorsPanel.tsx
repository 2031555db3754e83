// Assigns k jurors to every judged submission (top-up when run again) and shows the summary.
import { useMutation } from '@apollo/client/react';
import { Button, Group, NumberInput, Stack, Table, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../forms/FormAlert';
import { formErrorsFromApi, type FormErrors } from '../forms/form-errors';
import { AssignJurorsDocument, type AssignJurorsMutation } from '../gql/graphql';

export function AssignJurorsPanel({ hackathonId }: { hackathonId: string }) {
  const { t } = useTranslation();
  const [k, setK] = useState(3);
  const [errors, setErrors] = useState<FormErrors<'jurorsPerSubmission'>>({});
  const [summary, setSummary] = useState<AssignJurorsMutation['assignJurors'] | null>(null);
  const [assign, { loading }] = useMutation(AssignJurorsDocument);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setErrors({});
    try {
      const { data } = await assign({ variables: { hackathonId, jurorsPerSubmission: k } });
      if (data) setSummary(data.assignJurors);
    } catch (error) {
      setErrors(
        formErrorsFromApi(error, ['jurorsPerSubmission'] as const, {
          fieldForCode: { BAD_USER_INPUT: 'jurorsPerSubmission' },
        }),
      );
    }
  }

  return (
    <Stack gap="md" component="section" aria-labelledby="jury-title">
      <Title order={2} size="h3" id="jury-title">
        {t('organizer.jury.title')}
      </Title>
      <form onSubmit={(e) => void handleSubmit(e)} noValidate>
        <Stack gap="sm">
          <FormAlert error={errors.form} />
          <NumberInput
            label={t('organizer.jury.perSubmission')}
            description={t('organizer.jury.hint')}
            min={1}
            max={10}
            allowDecimal={false}
            value={k}
            onChange={(v) => setK(Number(v) || 1)}
            error={errors.jurorsPerSubmission && t('errors.fields.jurorsPerSubmission')}
            maw={280}
          />
          <Group>
            <Button type="submit" loading={loading}>
              {t('organizer.jury.assign')}
            </Button>
          </Group>
        </Stack>
      </form>
      {summary && (
        <Table withTableBorder maw={420} aria-live="polite">
          <Table.Caption>{t('organizer.jury.summary')}</Table.Caption>
          <Table.Tbody>
            {(
              ['assignments', 'submissions', 'jurors', 'minPerSubmission', 'maxPerJuror'] as const
            ).map((key) => (
              <Table.Tr key={key}>
                <Table.Th scope="row">{t(`organizer.jury.${key}`)}</Table.Th>
                <Table.Td>{summary[key]}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
