import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../auth/session-store';
import { RegisterDocument, SchoolsDocument } from '../gql/graphql';
import { renderWithProviders } from '../test/render';
import { SignupForm } from './SignupForm';

const school = {
  __typename: 'School',
  id: 's1',
  uai: '0130040Y',
  name: 'Collège Longchamp',
  city: 'Marseille',
  department: '13',
  level: 'COLLEGE',
};
const year = new Date().getFullYear() - 13;
const input = {
  role: 'PUPIL',
  firstName: 'Inès',
  lastName: 'Martin',
  email: 'ines@exemple.fr',
  password: 'une-phrase-longue',
  schoolId: 's1',
  birthYear: year,
};
const schoolsMock = {
  request: { query: SchoolsDocument, variables: { search: 'Long' } },
  result: { data: { schools: [school] } },
};

async function fill(user: ReturnType<typeof renderWithProviders>['user']) {
  await user.type(screen.getByRole('textbox', { name: 'Prénom' }), input.firstName);
  await user.type(screen.getByRole('textbox', { name: 'Nom' }), input.lastName);
  await user.type(screen.getByRole('textbox', { name: 'Année de naissance' }), String(year));
  await user.type(screen.getByPlaceholderText(/Longchamp/), 'Long');
  await user.click(await screen.findByRole('option', { name: /Collège Longchamp/ }));
  await user.type(screen.getByRole('textbox', { name: 'Adresse e-mail' }), input.email);
  await user.type(screen.getByLabelText(/^Mot de passe/), input.password);
  await user.click(screen.getByRole('button', { name: 'Créer mon compte' }));
}

afterEach(() => sessionStore.end());

describe('SignupForm', () => {
  it('checks every field before calling the API', async () => {
    const { user } = renderWithProviders(<SignupForm onSignedUp={vi.fn()} />);

    await user.click(screen.getByRole('button', { name: 'Créer mon compte' }));

    expect(screen.getByRole('textbox', { name: 'Prénom' })).toHaveFocus();
    expect(screen.getByText(/Indique une année de naissance valable/)).toBeInTheDocument();
    expect(
      screen.getByText('Le mot de passe doit faire au moins 10 caractères.'),
    ).toBeInTheDocument();
    expect(screen.getByText('Choisis ton établissement dans la liste.')).toBeInTheDocument();
  });

  it('puts a taken email next to the email field', async () => {
    const { user } = renderWithProviders(<SignupForm onSignedUp={vi.fn()} />, {
      mocks: [
        schoolsMock,
        {
          request: { query: RegisterDocument, variables: { input } },
          result: { errors: [{ message: 'taken', extensions: { code: 'CONFLICT' } }] },
        },
      ],
    });

    await fill(user);

    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: 'Adresse e-mail' })).toHaveAccessibleDescription(
        'Un compte existe déjà avec cette adresse e-mail.',
      ),
    );
  });

  it('signs the new pupil in (tokens in memory) once registered', async () => {
    const onSignedUp = vi.fn();
    const { user } = renderWithProviders(<SignupForm onSignedUp={onSignedUp} />, {
      mocks: [
        schoolsMock,
        {
          request: { query: RegisterDocument, variables: { input } },
          result: {
            data: {
              register: {
                __typename: 'AuthPayload',
                accessToken: 'a1',
                refreshToken: 'r1',
                user: {
                  __typename: 'User',
                  id: 'u9',
                  displayName: 'Inès M.',
                  role: 'PUPIL',
                  status: 'PENDING',
                },
              },
            },
          },
        },
      ],
    });

    await fill(user);

    await waitFor(() => expect(onSignedUp).toHaveBeenCalledOnce());
    expect(sessionStore.getAccessToken()).toBe('a1');
    expect(window.localStorage.getItem('a1')).toBeNull();
  });
});
