import { screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { HackathonDocument, ProjectGalleryDocument } from '../gql/graphql';
import { renderWithProviders } from '../test/render';
import { ProjectGalleryPage } from './ProjectGalleryPage';

const hackathon = (phase: string) => ({
  request: { query: HackathonDocument, variables: { slug: 'ensemble-2027' } },
  result: {
    data: {
      hackathon: {
        __typename: 'Hackathon',
        id: 'h1',
        slug: 'ensemble-2027',
        title: 'Ensemble 2027',
        description: 'Contre le harcèlement',
        phase,
        registrationClosesAt: '2027-03-20T17:00:00Z',
        submissionDeadline: '2027-04-10T16:00:00Z',
        minTeamSize: 2,
        maxTeamSize: 4,
        teamCount: 14,
        tracks: [{ __typename: 'Track', id: 'tr1', name: 'Prévenir', description: '' }],
        criteria: [],
      },
    },
  },
});

const project = (i: number) => ({
  __typename: 'Team',
  id: `t${i}`,
  name: `Équipe ${i}`,
  category: 'COLLEGE',
  school: { __typename: 'School', id: 's1', name: 'Collège Longchamp', city: 'Marseille' },
  track: { __typename: 'Track', id: 'tr1', name: 'Prévenir' },
  members: [
    { __typename: 'TeamMember', user: { __typename: 'User', id: `u${i}`, displayName: 'Lina B.' } },
  ],
  submission: {
    __typename: 'Submission',
    id: `s${i}`,
    title: `Projet ${i}`,
    summary: `Résumé ${i}`,
    description: '# Idée\nSignaler sans peur.',
    repositoryUrl: i === 1 ? 'https://github.com/exemple/vigie' : null,
    demoUrl: null,
    videoUrl: null,
  },
});

const page = (after: string | null, from: number, count: number) => ({
  request: {
    query: ProjectGalleryDocument,
    variables: {
      hackathonId: 'h1',
      first: 12,
      category: null,
      trackId: null,
      ...(after ? { after } : {}),
    },
  },
  result: {
    data: { projectGallery: Array.from({ length: count }, (_, k) => project(from + k)) },
  },
});

const render = (mocks: unknown[]) =>
  renderWithProviders(
    <Routes>
      <Route path="/hackathons/:slug/projets" element={<ProjectGalleryPage />} />
    </Routes>,
    { route: '/hackathons/ensemble-2027/projets', mocks: mocks as never },
  );

describe('ProjectGalleryPage', () => {
  it('shows the published projects a page at a time, pupils as “Lina B.”', async () => {
    const { user } = render([hackathon('RESULTS'), page(null, 1, 12), page('t12', 13, 2)]);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Les projets de « Ensemble 2027 »' }),
    ).toBeInTheDocument();
    const first = await screen.findByRole('article', { name: 'Projet 1' });
    expect(first).toHaveTextContent('Résumé 1');
    expect(first).toHaveTextContent('Équipe Équipe 1 · Collège Longchamp (Marseille)');
    expect(first).toHaveTextContent('Avec Lina B.');
    expect(within(first).getByRole('link', { name: 'Code de « Projet 1 »' })).toHaveAttribute(
      'href',
      'https://github.com/exemple/vigie',
    );
    expect(screen.getAllByRole('article')).toHaveLength(12);

    await user.click(screen.getByRole('button', { name: 'Afficher plus de projets' }));
    expect(await screen.findByRole('article', { name: 'Projet 14' })).toBeInTheDocument();
    expect(screen.getAllByRole('article')).toHaveLength(14);
    expect(screen.queryByRole('button', { name: 'Afficher plus de projets' })).toBeNull();
  }, 20_000);

  it('waits for the publication of the results', async () => {
    render([hackathon('JUDGING')]);
    expect(
      await screen.findByText('La galerie ouvrira quand les résultats seront publiés.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('article')).toBeNull();
  });
});
