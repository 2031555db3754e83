// What the login form says for each API answer. Messages are i18n keys, so switching language
// re-translates an error already on screen.
import type { ApiError } from '../apollo/api-error';

export type LoginField = 'login' | 'password';

export type LoginErrorKey =
  | 'auth.errors.loginRequired'
  | 'auth.errors.passwordRequired'
  | 'auth.errors.invalidCredentials'
  | 'auth.errors.rateLimited'
  | 'auth.errors.invalidLogin'
  | 'auth.errors.invalidPassword'
  | 'auth.errors.invalidInput'
  | 'common.networkError'
  | 'common.unexpectedError';

/** Per-field messages, plus `form` for what belongs to no field. */
export type LoginErrors = Partial<Record<LoginField | 'form', LoginErrorKey>>;

export function validateLogin(values: Record<LoginField, string>): LoginErrors {
  const errors: LoginErrors = {};
  if (!values.login.trim()) errors.login = 'auth.errors.loginRequired';
  if (!values.password) errors.password = 'auth.errors.passwordRequired';
  return errors;
}

const FIELD_MESSAGES: Record<LoginField, LoginErrorKey> = {
  login: 'auth.errors.invalidLogin',
  password: 'auth.errors.invalidPassword',
};

export function loginErrorsFromApi(error: ApiError): LoginErrors {
  switch (error.code) {
    case 'UNAUTHENTICATED':
      // Shown under the password without saying which of the two was wrong.
      return { password: 'auth.errors.invalidCredentials' };
    case 'RATE_LIMITED':
      // The API throttles per login, so the message belongs to the login field.
      return { login: 'auth.errors.rateLimited' };
    case 'BAD_USER_INPUT': {
      const errors: LoginErrors = {};
      for (const field of Object.keys(error.fields)) {
        if (field === 'login' || field === 'password') errors[field] = FIELD_MESSAGES[field];
      }
      return Object.keys(errors).length > 0 ? errors : { form: 'auth.errors.invalidInput' };
    }
    case 'NETWORK_ERROR':
      return { form: 'common.networkError' };
    default:
      return { form: 'common.unexpectedError' };
  }
}
