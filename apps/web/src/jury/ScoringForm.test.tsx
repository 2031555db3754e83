import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ScoreSubmissionDocument } from '../gql/graphql';
import { renderWithProviders } from '../test/render';
import { ScoringForm } from './ScoringForm';

const criteria = [
  {
    __typename: 'Criterion' as const,
    id: 'c1',
    name: 'Impact',
    description: 'Change-t-il les choses ?',
    weight: 3,
    maxScore: 10,
  },
  {
    __typename: 'Criterion' as const,
    id: 'c2',
    name: 'Présentation',
    description: 'Clarté.',
    weight: 1,
    maxScore: 5,
  },
];

describe('ScoringForm', () => {
  it('shows each criterion with its description and scale, and asks for every score', async () => {
    const { user } = renderWithProviders(
      <ScoringForm
        assignmentId="a1"
        criteria={criteria}
        initialScores={{}}
        initialComment=""
        onDone={vi.fn()}
      />,
    );

    expect(screen.getByRole('group', { name: 'Impact (poids 3)' })).toHaveTextContent(
      'Change-t-il les choses ?',
    );
    await user.click(screen.getByRole('button', { name: 'Enregistrer ma note' }));

    expect(screen.getByText('Une note entière entre 0 et 10.')).toBeInTheDocument();
    expect(screen.getByText('Une note entière entre 0 et 5.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Note pour Impact/ })).toHaveFocus();
  });

  it('sends one score per criterion with the comment', async () => {
    const onDone = vi.fn();
    const { user } = renderWithProviders(
      <ScoringForm
        assignmentId="a1"
        criteria={criteria}
        initialScores={{ c1: 8 }}
        initialComment=""
        onDone={onDone}
      />,
      {
        mocks: [
          {
            request: {
              query: ScoreSubmissionDocument,
              variables: {
                assignmentId: 'a1',
                comment: 'Bravo',
                scores: [
                  { criterionId: 'c1', value: 8 },
                  { criterionId: 'c2', value: 4 },
                ],
              },
            },
            result: {
              data: {
                scoreSubmission: {
                  __typename: 'Evaluation',
                  id: 'e1',
                  comment: 'Bravo',
                  weightedScore: 80,
                  scores: [],
                  assignment: { __typename: 'JuryAssignment', id: 'a1', status: 'DONE' },
                },
              },
            },
          },
        ],
      },
    );

    await user.type(screen.getByRole('textbox', { name: /Note pour Présentation/ }), '4');
    await user.type(screen.getByRole('textbox', { name: /Commentaire/ }), 'Bravo');
    await user.click(screen.getByRole('button', { name: 'Enregistrer ma note' }));

    await waitFor(() => expect(onDone).toHaveBeenCalledOnce());
  });
});
