// The mentor (or an organizer) writes feedback on a team's project.
import { useMutation } from '@apollo/client/react';
import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../forms/FormAlert';
import { formErrorsFromApi, type FormErrors } from '../forms/form-errors';
import { useFocusFirstInvalid } from '../forms/use-focus-first-invalid';
import { AddFeedbackDocument, TeamDocument } from '../gql/graphql';

export function FeedbackForm({ submissionId }: { submissionId: string }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<FormErrors<'body'>>({});
  const formRef = useFocusFirstInvalid(errors);
  const [addFeedback, { loading }] = useMutation(AddFeedbackDocument, {
    refetchQueries: [TeamDocument],
  });

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!body.trim()) return setErrors({ body: 'errors.required' });
    setErrors({});
    try {
      await addFeedback({ variables: { submissionId, body: body.trim() } });
      setBody('');
    } catch (error) {
      setErrors(formErrorsFromApi(error, ['body'] as const));
    }
  }

  return (
    <form ref={formRef} onSubmit={(e) => void handleSubmit(e)} noValidate>
      <Stack gap="sm">
        <FormAlert error={errors.form} />
        <Textarea
          label={t('feedback.body')}
          autosize
          minRows={3}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={errors.body && t(errors.body)}
        />
        <Group>
          <Button type="submit" loading={loading}>
            {t('feedback.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
