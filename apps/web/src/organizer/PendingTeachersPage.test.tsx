import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PendingTeachersDocument, ValidateTeacherDocument } from '../gql/graphql';
import { renderWithProviders } from '../test/render';
import { PendingTeachersPage } from './PendingTeachersPage';

const teacher = (id: string, firstName: string, lastName: string) => ({
  __typename: 'User',
  id,
  displayName: `${firstName} ${lastName[0]}.`,
  firstName,
  lastName,
  email: `${firstName.toLowerCase()}@college.example`,
  status: 'PENDING',
  school: { __typename: 'School', id: 's1', name: 'Collège Longchamp', city: 'Marseille' },
});

describe('PendingTeachersPage', () => {
  it('validates a teacher, who leaves the list, and says so', async () => {
    let validated = false;
    const { user } = renderWithProviders(<PendingTeachersPage />, {
      mocks: [
        {
          request: { query: PendingTeachersDocument, variables: { first: 25 } },
          result: {
            data: {
              pendingTeachers: [teacher('t1', 'Karim', 'Haddad'), teacher('t2', 'Nadia', 'Ferhat')],
            },
          },
        },
        {
          request: { query: ValidateTeacherDocument, variables: { userId: 't1' } },
          result: () => {
            validated = true;
            return {
              data: { validateTeacher: { __typename: 'User', id: 't1', status: 'ACTIVE' } },
            };
          },
        },
      ],
    });
    const row = await screen.findByRole('listitem', { name: 'Karim Haddad' });
    expect(row).toHaveTextContent('karim@college.example');
    expect(row).toHaveTextContent('Collège Longchamp (Marseille)');

    await user.click(screen.getByRole('button', { name: 'Valider Karim Haddad' }));

    await waitFor(() => expect(validated).toBe(true));
    await waitFor(() =>
      expect(screen.queryByRole('listitem', { name: 'Karim Haddad' })).toBeNull(),
    );
    expect(screen.getByRole('listitem', { name: 'Nadia Ferhat' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(
      'Karim Haddad est validé·e et peut accompagner ses élèves.',
    );
    expect(screen.getByRole('heading', { level: 1 })).toHaveFocus();
  });

  it('shows the error on the row when validation fails', async () => {
    const { user } = renderWithProviders(<PendingTeachersPage />, {
      mocks: [
        {
          request: { query: PendingTeachersDocument, variables: { first: 25 } },
          result: { data: { pendingTeachers: [teacher('t1', 'Karim', 'Haddad')] } },
        },
        {
          request: { query: ValidateTeacherDocument, variables: { userId: 't1' } },
          result: { errors: [{ message: 'gone', extensions: { code: 'NOT_FOUND' } }] },
        },
      ],
    });
    await user.click(await screen.findByRole('button', { name: 'Valider Karim Haddad' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Élément introuvable.');
    expect(screen.getByRole('listitem', { name: 'Karim Haddad' })).toBeInTheDocument();
  });
});
