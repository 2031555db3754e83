import { screen, waitFor, within } from '@testing-library/react';
import type { MockLink } from '@apollo/client/testing';
import { describe, expect, it } from 'vitest';
import { SuspendUserDocument, UsersDocument } from '../gql/graphql';
import { renderWithProviders } from '../test/render';
import { AccountsPage } from './AccountsPage';

const lina = {
  __typename: 'User',
  id: 'u2',
  displayName: 'Lina B.',
  firstName: 'Lina',
  lastName: 'Benali',
  email: 'lina@eleve.example',
  login: null,
  role: 'PUPIL',
  status: 'ACTIVE',
  school: { __typename: 'School', id: 's1', name: 'Collège Longchamp' },
};
const search = (
  variables: Record<string, unknown>,
  result: MockLink.MockedResponse['result'],
): MockLink.MockedResponse => ({
  request: {
    query: UsersDocument,
    variables: { search: null, role: null, status: null, first: 25, ...variables },
  },
  result,
});

describe('AccountsPage', () => {
  it('finds an account and suspends it after confirmation', async () => {
    let suspended = false;
    const { user } = renderWithProviders(<AccountsPage />, {
      mocks: [
        search({ search: 'benali', role: 'PUPIL' }, { data: { users: [lina] } }),
        {
          request: { query: SuspendUserDocument, variables: { userId: 'u2' } },
          result: () => {
            suspended = true;
            return { data: { suspendUser: { __typename: 'User', id: 'u2', status: 'SUSPENDED' } } };
          },
        },
      ],
    });
    await user.type(screen.getByLabelText(/Nom, e-mail ou identifiant/), 'benali');
    await user.click(screen.getByRole('combobox', { name: 'Rôle' }));
    await user.click(screen.getByRole('option', { name: 'Élève' }));
    await user.click(screen.getByRole('button', { name: 'Rechercher' }));

    const row = await screen.findByRole('listitem', { name: 'Lina Benali' });
    expect(row).toHaveTextContent('lina@eleve.example');
    await user.click(within(row).getByRole('button', { name: 'Suspendre Lina Benali' }));

    const dialog = await screen.findByRole('dialog', {
      name: 'Suspendre le compte de Lina Benali ?',
    });
    expect(suspended).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Suspendre Lina Benali' }));

    await waitFor(() => expect(suspended).toBe(true));
    expect(await within(row).findByText('Suspendu')).toBeInTheDocument();
    expect(within(row).queryByRole('button')).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent('Le compte de Lina Benali est suspendu.');
  }, 20_000);

  it('shows the API’s complaint about the search next to the search field', async () => {
    const { user } = renderWithProviders(<AccountsPage />, {
      mocks: [
        search(
          { search: 'x' },
          {
            errors: [
              {
                message: 'bad',
                extensions: { code: 'BAD_USER_INPUT', fields: { search: 'too long' } },
              },
            ],
          },
        ),
      ],
    });
    await user.type(screen.getByLabelText(/Nom, e-mail ou identifiant/), 'x');
    await user.click(screen.getByRole('button', { name: 'Rechercher' }));
    const field = screen.getByLabelText(/Nom, e-mail ou identifiant/);
    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByText('La recherche fait au plus 100 caractères.')).toBeInTheDocument();
  });
});
