import { useApolloClient, useMutation } from '@apollo/client/react';
import { Alert, Button, Stack, TextInput } from '@mantine/core';
import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { readApiError } from '../apollo/api-error';
import { LoginDocument } from '../gql/graphql';
import {
  loginErrorsFromApi,
  validateLogin,
  type LoginErrors,
  type LoginField,
} from './login-errors';
import { sessionStore } from './session-store';
import { AccessiblePasswordInput } from '../forms/AccessiblePasswordInput';

interface LoginFormProps {
  onSignedIn: () => void;
}

export function LoginForm({ onSignedIn }: LoginFormProps) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const [login, { loading }] = useMutation(LoginDocument);
  const [values, setValues] = useState<Record<LoginField, string>>({ login: '', password: '' });
  const [errors, setErrors] = useState<LoginErrors>({});
  const inputs = {
    login: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
  };

  function showErrors(next: LoginErrors) {
    setErrors(next);
    // Focus the first field in error so keyboard and screen-reader users land on the message.
    const field = (['login', 'password'] as const).find((name) => next[name]);
    if (field) inputs[field].current?.focus();
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const invalid = validateLogin(values);
    if (Object.keys(invalid).length > 0) return showErrors(invalid);
    setErrors({});
    try {
      const { data } = await login({
        variables: { login: values.login.trim(), password: values.password },
      });
      if (!data) return;
      // Nothing cached while signed out may leak into (or hide data from) the new session.
      await client.clearStore();
      sessionStore.start(data.login);
      onSignedIn();
    } catch (error) {
      showErrors(loginErrorsFromApi(readApiError(error)));
    }
  }

  const update = (field: LoginField) => (event: ChangeEvent<HTMLInputElement>) => {
    const value = event.currentTarget.value;
    setValues((previous) => ({ ...previous, [field]: value }));
  };

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="md">
        {errors.form && (
          <Alert color="red" role="alert" variant="light">
            {t(errors.form)}
          </Alert>
        )}
        <TextInput
          ref={inputs.login}
          name="login"
          label={t('auth.login.loginLabel')}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={values.login}
          onChange={update('login')}
          error={errors.login && t(errors.login)}
        />
        <AccessiblePasswordInput
          ref={inputs.password}
          name="password"
          label={t('auth.login.passwordLabel')}
          autoComplete="current-password"
          required
          value={values.password}
          onChange={update('password')}
          error={errors.password && t(errors.password)}
          visibilityToggleFocusable
        />
        <Button type="submit" loading={loading}>
          {t('auth.login.submit')}
        </Button>
      </Stack>
    </form>
  );
}
