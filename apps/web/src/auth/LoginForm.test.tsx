import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LoginDocument } from '../gql/graphql';
import { renderWithProviders } from '../test/render';
import { LoginForm } from './LoginForm';
import { sessionStore } from './session-store';

const credentials = { login: 'lina.b42', password: 'correct horse battery' };

function loginFails(extensions: Record<string, unknown>) {
  return {
    request: { query: LoginDocument, variables: credentials },
    result: { errors: [{ message: 'refused', extensions }] },
  };
}

async function submit(user: ReturnType<typeof renderWithProviders>['user'], values = credentials) {
  if (values.login)
    await user.type(screen.getByLabelText(/Adresse e-mail ou identifiant/), values.login);
  if (values.password) await user.type(screen.getByLabelText(/Mot de passe/), values.password);
  await user.click(screen.getByRole('button', { name: 'Se connecter' }));
}

afterEach(() => sessionStore.end());

describe('LoginForm', () => {
  it('shows wrong credentials next to the password field, in French', async () => {
    const { user } = renderWithProviders(<LoginForm onSignedIn={vi.fn()} />, {
      mocks: [loginFails({ code: 'UNAUTHENTICATED' })],
    });

    await submit(user);

    const password = screen.getByLabelText(/Mot de passe/);
    expect(await screen.findByText('Identifiant ou mot de passe incorrect.')).toBeInTheDocument();
    expect(password).toHaveAttribute('aria-invalid', 'true');
    expect(password).toHaveAccessibleDescription('Identifiant ou mot de passe incorrect.');
    expect(password).toHaveFocus();
    expect(sessionStore.isSignedIn()).toBe(false);
  });

  it('shows the throttling message on the login field', async () => {
    const { user } = renderWithProviders(<LoginForm onSignedIn={vi.fn()} />, {
      mocks: [loginFails({ code: 'RATE_LIMITED' })],
    });

    await submit(user);

    expect(await screen.findByText(/Trop de tentatives pour cet identifiant/)).toBeInTheDocument();
    expect(screen.getByLabelText(/Adresse e-mail ou identifiant/)).toHaveAttribute(
      'aria-invalid',
      'true',
    );
  });

  it('maps BAD_USER_INPUT fields to a message under each field', async () => {
    const { user } = renderWithProviders(<LoginForm onSignedIn={vi.fn()} />, {
      mocks: [
        loginFails({ code: 'BAD_USER_INPUT', fields: { login: 'too long', password: 'too long' } }),
      ],
    });

    await submit(user);

    expect(await screen.findByText('Cet identifiant n’est pas valide.')).toBeInTheDocument();
    expect(screen.getByText('Ce mot de passe n’est pas valide.')).toBeInTheDocument();
  });

  it('shows the error in English when the user reads English', async () => {
    const { user } = renderWithProviders(<LoginForm onSignedIn={vi.fn()} />, {
      mocks: [loginFails({ code: 'UNAUTHENTICATED' })],
      language: 'en',
    });

    await user.type(screen.getByLabelText(/Email address or login/), credentials.login);
    await user.type(screen.getByLabelText(/Password/), credentials.password);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText('Wrong login or password.')).toBeInTheDocument();
  });

  it('asks for both fields before calling the API', async () => {
    const { user } = renderWithProviders(<LoginForm onSignedIn={vi.fn()} />);

    await user.click(screen.getByRole('button', { name: 'Se connecter' }));

    expect(screen.getByText('Indique ton adresse e-mail ou ton identifiant.')).toBeInTheDocument();
    expect(screen.getByText('Indique ton mot de passe.')).toBeInTheDocument();
    expect(screen.getByLabelText(/Adresse e-mail ou identifiant/)).toHaveFocus();
  });

  it('keeps the access token in memory only and reports success', async () => {
    const onSignedIn = vi.fn();
    const { user } = renderWithProviders(<LoginForm onSignedIn={onSignedIn} />, {
      mocks: [
        {
          request: { query: LoginDocument, variables: credentials },
          result: {
            data: {
              login: {
                __typename: 'AuthPayload',
                accessToken: 'access-1',
                user: {
                  __typename: 'User',
                  id: 'u1',
                  displayName: 'Lina B.',
                  role: 'PUPIL',
                  status: 'PENDING',
                },
              },
            },
          },
        },
      ],
    });

    await submit(user);

    await waitFor(() => expect(onSignedIn).toHaveBeenCalledOnce());
    expect(sessionStore.getAccessToken()).toBe('access-1');
    expect(window.localStorage.length).toBe(0);
    expect(window.sessionStorage.length).toBe(0);
  });
});
