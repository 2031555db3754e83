// A juror or organizer creates their account from the one-time code an organizer sent them.
import { useApolloClient, useMutation } from '@apollo/client/react';
import { Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { paths } from '../app/paths';
import { usePageTitle } from '../app/use-page-title';
import { sessionStore } from '../auth/session-store';
import { FormAlert } from '../forms/FormAlert';
import { formErrorsFromApi, hasErrors, type FormErrors } from '../forms/form-errors';
import { useFocusFirstInvalid } from '../forms/use-focus-first-invalid';
import { AcceptInvitationDocument } from '../gql/graphql';
import { AccessiblePasswordInput } from '../forms/AccessiblePasswordInput';

const FIELDS = ['code', 'firstName', 'lastName', 'password'] as const;
type Field = (typeof FIELDS)[number];

export function AcceptInvitationPage() {
  const { t } = useTranslation();
  usePageTitle(t('invitation.title'));
  const navigate = useNavigate();
  const client = useApolloClient();
  const [params] = useSearchParams();
  const [values, setValues] = useState({
    code: params.get('code') ?? '',
    firstName: '',
    lastName: '',
    password: '',
  });
  const [errors, setErrors] = useState<FormErrors<Field>>({});
  const formRef = useFocusFirstInvalid(errors);
  const [accept, { loading }] = useMutation(AcceptInvitationDocument);
  const set = (field: Field) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setValues((previous) => ({ ...previous, [field]: value }));
  };

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const invalid: FormErrors<Field> = {};
    if (!values.code.trim()) invalid.code = 'errors.required';
    if (!values.firstName.trim()) invalid.firstName = 'errors.required';
    if (!values.lastName.trim()) invalid.lastName = 'errors.required';
    if (values.password.length < 10) invalid.password = 'errors.passwordTooShort';
    setErrors(invalid);
    if (hasErrors(invalid)) return;
    try {
      const { data } = await accept({
        variables: {
          code: values.code.trim(),
          firstName: values.firstName.trim(),
          lastName: values.lastName.trim(),
          password: values.password,
        },
      });
      if (!data) return;
      await client.clearStore();
      sessionStore.start(data.acceptInvitation);
      await navigate(paths.space, { replace: true });
    } catch (error) {
      setErrors(
        formErrorsFromApi(error, FIELDS, {
          fieldForCode: { NOT_FOUND: 'code', CONFLICT: 'code' },
          messageForCode: { NOT_FOUND: 'errors.fields.code', CONFLICT: 'errors.fields.code' },
        }),
      );
    }
  }

  const error = (field: Field) => (errors[field] ? t(errors[field]) : undefined);
  return (
    <Stack maw={480} mx="auto" gap="lg">
      <Title order={1}>{t('invitation.title')}</Title>
      <Text>{t('invitation.intro')}</Text>
      <Paper withBorder p="lg">
        <form ref={formRef} onSubmit={(e) => void handleSubmit(e)} noValidate>
          <Stack gap="md">
            <FormAlert error={errors.form} />
            <TextInput
              label={t('invitation.code')}
              required
              autoComplete="off"
              value={values.code}
              onChange={set('code')}
              error={error('code')}
            />
            <TextInput
              label={t('signup.firstName')}
              required
              autoComplete="given-name"
              value={values.firstName}
              onChange={set('firstName')}
              error={error('firstName')}
            />
            <TextInput
              label={t('signup.lastName')}
              required
              autoComplete="family-name"
              value={values.lastName}
              onChange={set('lastName')}
              error={error('lastName')}
            />
            <AccessiblePasswordInput
              label={t('signup.password')}
              description={t('signup.passwordHint')}
              required
              autoComplete="new-password"
              value={values.password}
              onChange={set('password')}
              error={error('password')}
            />
            <Button type="submit" loading={loading}>
              {t('invitation.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
