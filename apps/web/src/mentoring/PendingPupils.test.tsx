import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PendingPupilsDocument, ValidatePupilDocument } from '../gql/graphql';
import { renderWithProviders } from '../test/render';
import { PendingPupils } from './PendingPupils';

const young = new Date().getFullYear() - 13;
const pupil = {
  __typename: 'User',
  id: 'p1',
  displayName: 'Hugo R.',
  firstName: 'Hugo',
  lastName: 'Rossi',
  email: 'hugo@exemple.fr',
  birthYear: young,
  status: 'PENDING',
};
const list = (pupils: unknown[]) => ({
  request: { query: PendingPupilsDocument },
  result: { data: { pendingPupils: pupils } },
});

describe('PendingPupils', () => {
  it('asks for the parental consent of an under-15 before validating', async () => {
    let validated = false;
    const { user } = renderWithProviders(<PendingPupils />, {
      mocks: [
        list([pupil]),
        {
          request: {
            query: ValidatePupilDocument,
            variables: { userId: 'p1', parentalConsentConfirmed: true },
          },
          result: () => {
            validated = true;
            return {
              data: {
                validatePupil: {
                  __typename: 'User',
                  id: 'p1',
                  status: 'ACTIVE',
                  parentalConsentConfirmed: true,
                },
              },
            };
          },
        },
        list([]),
      ],
    });

    const validate = await screen.findByRole('button', { name: 'Valider Hugo Rossi' });
    await user.click(validate);
    expect(
      screen.getByText('Pour un·e élève de moins de 15 ans, coche l’accord parental.'),
    ).toBeInTheDocument();
    expect(validated).toBe(false);

    await user.click(screen.getByRole('checkbox', { name: /Un parent a donné son accord/ }));
    await user.click(validate);

    await waitFor(() => expect(validated).toBe(true));
    expect(await screen.findByText('Aucun·e élève n’attend de validation.')).toBeInTheDocument();
  });

  it('needs no consent tick from 15 years old', async () => {
    renderWithProviders(<PendingPupils />, {
      mocks: [list([{ ...pupil, birthYear: young - 3 }])],
    });
    await screen.findByRole('button', { name: 'Valider Hugo Rossi' });
    expect(screen.queryByRole('checkbox')).toBeNull();
  });
});
