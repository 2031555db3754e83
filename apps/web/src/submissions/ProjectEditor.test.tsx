import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  LatestSubmissionDocument,
  SaveSubmissionDocument,
  type SubmissionFieldsFragment,
} from '../gql/graphql';
import { renderWithProviders } from '../test/render';
import { ConflictScreen } from './ConflictScreen';
import { ProjectEditor } from './ProjectEditor';
import { EMPTY_VALUES } from './submission-values';

const submission = (
  overrides: Partial<SubmissionFieldsFragment> = {},
): SubmissionFieldsFragment & { __typename: 'Submission' } => ({
  __typename: 'Submission',
  id: 's1',
  title: 'Écoute',
  summary: 'Une appli pour les témoins',
  description: 'Notre idée',
  repositoryUrl: null,
  demoUrl: null,
  videoUrl: null,
  status: 'DRAFT',
  version: 3,
  submittedAt: null,
  updatedAt: '2026-03-10T10:00:00Z',
  ...overrides,
});

const input = (title: string) => ({
  title,
  summary: 'Une appli pour les témoins',
  description: 'Notre idée',
  repositoryUrl: null,
  demoUrl: null,
  videoUrl: null,
});

describe('ProjectEditor', () => {
  it('autosaves after a pause with the version it started from', async () => {
    const { user } = renderWithProviders(
      <ProjectEditor teamId="t1" submission={submission()} autosaveDelay={50} />,
      {
        mocks: [
          {
            request: {
              query: SaveSubmissionDocument,
              variables: { teamId: 't1', input: input('Écoute active'), expectedVersion: 3 },
            },
            result: {
              data: { saveSubmission: submission({ title: 'Écoute active', version: 4 }) },
            },
          },
        ],
      },
    );

    await user.type(screen.getByLabelText(/Titre/), ' active');

    expect(await screen.findByText(/Enregistré à/)).toBeInTheDocument();
  });

  it('shows both versions when a teammate saved first, and keeps mine on request', async () => {
    const theirs = submission({ title: 'Écoute (Hugo)', version: 4 });
    const { user } = renderWithProviders(
      <ProjectEditor teamId="t1" submission={submission()} autosaveDelay={50} />,
      {
        mocks: [
          {
            request: {
              query: SaveSubmissionDocument,
              variables: { teamId: 't1', input: input('Écoute !'), expectedVersion: 3 },
            },
            result: { errors: [{ message: 'stale', extensions: { code: 'CONFLICT' } }] },
          },
          {
            request: { query: LatestSubmissionDocument, variables: { teamId: 't1' } },
            result: { data: { team: { __typename: 'Team', id: 't1', submission: theirs } } },
          },
          {
            request: {
              query: SaveSubmissionDocument,
              variables: { teamId: 't1', input: input('Écoute !'), expectedVersion: 4 },
            },
            result: { data: { saveSubmission: submission({ title: 'Écoute !', version: 5 }) } },
          },
        ],
      },
    );

    await user.type(screen.getByLabelText(/Titre/), ' !');

    expect(
      await screen.findByRole('heading', {
        name: 'Quelqu’un de ton équipe a enregistré avant toi',
      }),
    ).toBeInTheDocument();
    const mine = screen.getByRole('region', { name: 'Ta version' });
    const team = screen.getByRole('region', { name: 'La version de ton équipe' });
    expect(within(mine).getByText('Écoute !')).toBeInTheDocument();
    expect(within(team).getByText('Écoute (Hugo)')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Garder ma version' }));

    expect(await screen.findByLabelText(/Titre/)).toHaveValue('Écoute !');
    expect(await screen.findByText(/Enregistré à/)).toBeInTheDocument();
  });

  it('does not autosave a title that is too short, and says why', async () => {
    const { user } = renderWithProviders(
      <ProjectEditor teamId="t1" submission={null} autosaveDelay={50} />,
    );

    await user.type(screen.getByLabelText(/Titre/), 'É');

    expect(await screen.findByText(/Enregistrement automatique en pause/)).toBeInTheDocument();
  });

  it('shows the API field errors next to their fields', async () => {
    const { user } = renderWithProviders(
      <ProjectEditor teamId="t1" submission={submission()} autosaveDelay={10_000} />,
      {
        mocks: [
          {
            request: {
              query: SaveSubmissionDocument,
              variables: {
                teamId: 't1',
                input: { ...input('Écoute'), demoUrl: 'https://demo.example' },
                expectedVersion: 3,
              },
            },
            result: {
              errors: [
                {
                  message: 'bad',
                  extensions: {
                    code: 'BAD_USER_INPUT',
                    fields: { 'input.demoUrl': 'unreachable' },
                  },
                },
              ],
            },
          },
        ],
      },
    );

    await user.type(screen.getByLabelText(/Lien vers la démo/), 'https://demo.example');
    await user.click(screen.getByRole('button', { name: 'Enregistrer maintenant' }));

    await waitFor(() =>
      expect(screen.getByLabelText(/Lien vers la démo/)).toHaveAccessibleDescription(
        /Adresse web invalide/,
      ),
    );
  });
});

describe('ConflictScreen', () => {
  it('marks the fields that differ and lets the pupil take the team’s version', async () => {
    let took = false;
    const { user } = renderWithProviders(
      <ConflictScreen
        mine={{ ...EMPTY_VALUES, title: 'A', summary: 'même' }}
        theirs={{ ...EMPTY_VALUES, title: 'B', summary: 'même' }}
        theirVersion={7}
        onKeepMine={() => undefined}
        onTakeTheirs={() => {
          took = true;
        }}
      />,
      { language: 'en' },
    );

    expect(screen.getByText(/your team’s \(version 7\)/)).toBeInTheDocument();
    expect(screen.getAllByText('Title · different')).toHaveLength(2);
    expect(screen.getAllByText('Summary')).toHaveLength(2);

    await user.click(screen.getByRole('button', { name: 'Take the team’s version' }));
    expect(took).toBe(true);
  });
});
