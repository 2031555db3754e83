// The form that posts an announcement, above the hackathon's (live) announcements.
import { useMutation } from '@apollo/client/react';
import { Button, Group, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../forms/FormAlert';
import { formErrorsFromApi, hasErrors, type FormErrors } from '../forms/form-errors';
import { AnnouncementList } from '../announcements/AnnouncementList';
import { AnnouncementsDocument, PostAnnouncementDocument } from '../gql/graphql';

export function AnnouncementsPanel({ hackathonId }: { hackathonId: string }) {
  const { t } = useTranslation();
  const [values, setValues] = useState({ title: '', body: '' });
  const [errors, setErrors] = useState<FormErrors<'title' | 'body'>>({});
  const [post, posting] = useMutation(PostAnnouncementDocument, {
    refetchQueries: [AnnouncementsDocument],
  });

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const invalid: FormErrors<'title' | 'body'> = {};
    if (!values.title.trim()) invalid.title = 'errors.required';
    if (!values.body.trim()) invalid.body = 'errors.required';
    setErrors(invalid);
    if (hasErrors(invalid)) return;
    try {
      await post({
        variables: { hackathonId, title: values.title.trim(), body: values.body.trim() },
      });
      setValues({ title: '', body: '' });
    } catch (e) {
      setErrors(formErrorsFromApi(e, ['title', 'body'] as const));
    }
  }

  return (
    <Stack gap="md" component="section" aria-labelledby="announcements-title">
      <Title order={2} size="h3" id="announcements-title">
        {t('announcements.title')}
      </Title>
      <form onSubmit={(e) => void handleSubmit(e)} noValidate>
        <Stack gap="sm">
          <FormAlert error={errors.form} />
          <TextInput
            label={t('announcements.titleLabel')}
            value={values.title}
            onChange={(e) => setValues({ ...values, title: e.currentTarget.value })}
            error={errors.title && t(errors.title)}
          />
          <Textarea
            label={t('announcements.body')}
            autosize
            minRows={3}
            value={values.body}
            onChange={(e) => setValues({ ...values, body: e.currentTarget.value })}
            error={errors.body && t(errors.body)}
          />
          <Group>
            <Button type="submit" loading={posting.loading}>
              {t('announcements.post')}
            </Button>
          </Group>
        </Stack>
      </form>
      <AnnouncementList hackathonId={hackathonId} />
    </Stack>
  );
}
