import { screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { SubmissionHistoryDocument, TeamDocument } from '../gql/graphql';
import { renderWithProviders } from '../test/render';
import { ProjectHistoryPage } from './ProjectHistoryPage';

const version = (n: number, author: string | null) => ({
  __typename: 'SubmissionVersion',
  version: n,
  title: `Vigie v${n}`,
  summary: `Résumé ${n}`,
  description: `Description de la version ${n}`,
  repositoryUrl: n > 1 ? 'https://github.com/exemple/vigie' : null,
  demoUrl: null,
  videoUrl: null,
  savedAt: `2026-03-1${n}T10:00:00Z`,
  savedBy: author ? { __typename: 'User', id: `u${n}`, displayName: author } : null,
});

describe('ProjectHistoryPage', () => {
  it('lists versions newest first with author and time, and shows the one asked for', async () => {
    const { user } = renderWithProviders(
      <Routes>
        <Route path="/equipes/:teamId/historique" element={<ProjectHistoryPage />} />
      </Routes>,
      {
        route: '/equipes/t1/historique',
        mocks: [
          {
            request: { query: TeamDocument, variables: { id: 't1' } },
            result: { data: { team: null } },
          },
          {
            request: { query: SubmissionHistoryDocument, variables: { teamId: 't1' } },
            result: {
              data: {
                submissionHistory: [version(1, 'Lina B.'), version(2, 'Hugo R.'), version(3, null)],
              },
            },
          },
        ],
      },
    );
    const items = await screen.findAllByRole('listitem');
    expect(items.map((item) => within(item).getByText(/^Version/).textContent)).toEqual([
      'Version 3 · Vigie v3',
      'Version 2 · Vigie v2',
      'Version 1 · Vigie v1',
    ]);
    expect(items[1]).toHaveTextContent('Hugo R.');
    expect(items[0]).toHaveTextContent('compte supprimé');

    await user.click(screen.getByRole('button', { name: 'Voir la version 2' }));
    const shown = await screen.findByRole('heading', { name: 'Version 2 : Vigie v2' });
    expect(shown).toHaveFocus();
    expect(screen.getByText('Description de la version 2')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Voir la version 2' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });
});
