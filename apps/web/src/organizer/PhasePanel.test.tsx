import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SetPhaseDocument } from '../gql/graphql';
import { renderWithProviders } from '../test/render';
import { PhasePanel } from './PhasePanel';
import { nextPhases } from './phases';

describe('PhasePanel', () => {
  it('says what moving to judging closes before doing it', async () => {
    let moved = false;
    const { user } = renderWithProviders(<PhasePanel hackathonId="h1" phase="BUILDING" />, {
      mocks: [
        {
          request: { query: SetPhaseDocument, variables: { hackathonId: 'h1', phase: 'JUDGING' } },
          result: () => {
            moved = true;
            return { data: { setPhase: { __typename: 'Hackathon', id: 'h1', phase: 'JUDGING' } } };
          },
        },
      ],
    });

    await user.click(screen.getByRole('button', { name: 'Passer à « Délibération du jury »' }));

    const dialog = await screen.findByRole('dialog', {
      name: 'Passer à « Délibération du jury » ?',
    });
    expect(dialog).toHaveTextContent('Cela ferme l’enregistrement et l’envoi des projets');
    expect(moved).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Confirmer' }));
    await waitFor(() => expect(moved).toBe(true));
  });

  it('only moves forward, except results back to judging', () => {
    expect(nextPhases('DRAFT')).toEqual(['REGISTRATION']);
    expect(nextPhases('RESULTS')).toEqual(['ARCHIVED', 'JUDGING']);
    expect(nextPhases('ARCHIVED')).toEqual([]);
  });
});
