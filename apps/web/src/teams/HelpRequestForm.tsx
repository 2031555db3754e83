// A team asks its teachers for help; the new request is handed to the list above (TeamHelp).
import { useMutation } from '@apollo/client/react';
import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../forms/FormAlert';
import { formErrorsFromApi, type FormErrors } from '../forms/form-errors';
import { useFocusFirstInvalid } from '../forms/use-focus-first-invalid';
import { RequestHelpDocument, type HelpRequestFieldsFragment } from '../gql/graphql';

export function HelpRequestForm({
  teamId,
  onSent,
}: {
  teamId: string;
  onSent?: (request: HelpRequestFieldsFragment) => void;
}) {
  const { t } = useTranslation();
  const [topic, setTopic] = useState('');
  const [errors, setErrors] = useState<FormErrors<'topic'>>({});
  const formRef = useFocusFirstInvalid(errors);
  const [requestHelp, { loading }] = useMutation(RequestHelpDocument);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!topic.trim()) return setErrors({ topic: 'errors.required' });
    setErrors({});
    try {
      const result = await requestHelp({ variables: { teamId, topic: topic.trim() } });
      if (result.data) {
        onSent?.(result.data.requestHelp);
        setTopic('');
      }
    } catch (error) {
      setErrors(formErrorsFromApi(error, ['topic'] as const));
    }
  }

  return (
    <form ref={formRef} onSubmit={(e) => void handleSubmit(e)} noValidate>
      <Stack gap="sm">
        <FormAlert error={errors.form} />
        <Textarea
          label={t('help.request.topic')}
          description={t('help.request.topicHint')}
          autosize
          minRows={2}
          maxLength={200}
          value={topic}
          onChange={(e) => setTopic(e.currentTarget.value)}
          error={errors.topic && t(errors.topic)}
        />
        <Group>
          <Button type="submit" loading={loading} variant="outline">
            {t('help.request.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
