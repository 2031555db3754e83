import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { JurorScoreDistributionDocument } from '../gql/graphql';
import { renderWithProviders } from '../test/render';
import { JurorDistribution, overallMean } from './JurorDistribution';

const juror = (id: string, name: string, scores: number[], pending = 0) => {
  const sorted = [...scores].sort((a, b) => a - b);
  const has = sorted.length > 0;
  return {
    __typename: 'JurorScoreDistribution',
    juror: { __typename: 'User', id, displayName: name },
    count: sorted.length,
    pending,
    mean: has ? sorted.reduce((a, b) => a + b, 0) / sorted.length : null,
    stddev: has ? 5 : null,
    min: has ? sorted[0] : null,
    q1: has ? sorted[0] : null,
    median: has ? sorted[Math.floor(sorted.length / 2)] : null,
    q3: has ? sorted[sorted.length - 1] : null,
    max: has ? sorted[sorted.length - 1] : null,
    scores: sorted,
  };
};

describe('JurorDistribution', () => {
  it('draws one labelled plot per juror and gives every figure in a table', async () => {
    renderWithProviders(<JurorDistribution hackathonId="h1" />, {
      mocks: [
        {
          request: { query: JurorScoreDistributionDocument, variables: { hackathonId: 'h1' } },
          result: {
            data: {
              jurorScoreDistribution: [
                juror('j1', 'Sophie L.', [80, 90, 85]),
                juror('j2', 'Paul J.', [20, 35, 30]),
                juror('j3', 'Nora K.', [], 2),
              ],
            },
          },
        },
      ],
    });
    expect(
      await screen.findByRole('img', {
        name: 'Sophie L. : 3 notes, médiane 85, de 80 à 90 sur 100.',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: 'Paul J. : 3 notes, médiane 30, de 20 à 35 sur 100.' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Nora K. : pas encore de note.' })).toBeInTheDocument();
    // Every score is a dot.
    expect(
      screen.getByRole('img', { name: /^Sophie L\./ }).querySelectorAll('circle'),
    ).toHaveLength(3);

    const table = screen.getByRole('table', {
      name: 'Notes pondérées données par chaque juré (sur 100)',
    });
    const paul = within(table).getByRole('row', { name: /Paul J\./ });
    expect(
      within(paul)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['3', '0', '20', '20', '30', '35', '35', '28,3', '5']);
    expect(within(table).getByRole('row', { name: /Nora K\./ })).toHaveTextContent('—');
    expect(
      screen.getByText(/Ligne pointillée : moyenne de toutes les notes \(56,7\)/),
    ).toBeInTheDocument();
  });

  it('says when no juror has a project yet', async () => {
    renderWithProviders(<JurorDistribution hackathonId="h1" />, {
      mocks: [
        {
          request: { query: JurorScoreDistributionDocument, variables: { hackathonId: 'h1' } },
          result: { data: { jurorScoreDistribution: [] } },
        },
      ],
    });
    expect(
      await screen.findByText('Aucun juré n’a encore de projet attribué.'),
    ).toBeInTheDocument();
  });

  it('averages every score given for the reference line', () => {
    expect(overallMean([juror('a', 'A', [10, 20]), juror('b', 'B', [60])])).toBe(30);
    expect(overallMean([juror('a', 'A', [])])).toBeNull();
  });
});
