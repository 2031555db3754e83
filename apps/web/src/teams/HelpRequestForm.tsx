// A team asks its teachers for help; the request's status is shown once sent.
import { useMutation } from '@apollo/client/react';
import { Badge, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../forms/FormAlert';
import { formErrorsFromApi, type FormErrors } from '../forms/form-errors';
import { useFocusFirstInvalid } from '../forms/use-focus-first-invalid';
import { RequestHelpDocument, type RequestHelpMutation } from '../gql/graphql';

export function HelpRequestForm({ teamId }: { teamId: string }) {
  const { t } = useTranslation();
  const [topic, setTopic] = useState('');
  const [errors, setErrors] = useState<FormErrors<'topic'>>({});
  const [sent, setSent] = useState<RequestHelpMutation['requestHelp'][]>([]);
  const formRef = useFocusFirstInvalid(errors);
  const [requestHelp, { loading }] = useMutation(RequestHelpDocument);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!topic.trim()) return setErrors({ topic: 'errors.required' });
    setErrors({});
    try {
      const result = await requestHelp({ variables: { teamId, topic: topic.trim() } });
      if (result.data) {
        setSent((previous) => [result.data!.requestHelp, ...previous]);
        setTopic('');
      }
    } catch (error) {
      setErrors(formErrorsFromApi(error, ['topic'] as const));
    }
  }

  return (
    <Stack gap="md">
      <form ref={formRef} onSubmit={(e) => void handleSubmit(e)} noValidate>
        <Stack gap="sm">
          <FormAlert error={errors.form} />
          <Textarea
            label={t('help.request.topic')}
            description={t('help.request.topicHint')}
            autosize
            minRows={2}
            maxLength={500}
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
      <div aria-live="polite">
        {sent.map((request) => (
          <Group key={request.id} gap="sm">
            <Text size="sm">{request.topic}</Text>
            <Badge variant="light" color="indigo">
              {t(`help.status.${request.status}`)}
            </Badge>
          </Group>
        ))}
      </div>
    </Stack>
  );
}
