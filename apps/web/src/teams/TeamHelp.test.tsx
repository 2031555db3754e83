import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  HelpRequestChangedDocument,
  RequestHelpDocument,
  TeamHelpRequestsDocument,
} from '../gql/graphql';
import { renderWithProviders } from '../test/render';
import { TeamHelp } from './TeamHelp';

const request = (overrides: Record<string, unknown> = {}) => ({
  __typename: 'HelpRequest',
  id: 'r1',
  topic: 'Notre formulaire ne s’envoie pas',
  status: 'OPEN',
  createdAt: '2026-03-10T10:00:00Z',
  claimedBy: null,
  team: { __typename: 'Team', id: 't1', name: 'Les Vigies' },
  ...overrides,
});
const karim = { __typename: 'User', id: 'k1', displayName: 'Karim H.' };
const list = (requests: unknown[]) => ({
  request: { query: TeamHelpRequestsDocument, variables: { teamId: 't1', first: 10 } },
  result: { data: { teamHelpRequests: requests } },
});
const pushed = (value: unknown, delay = 0) => ({
  request: { query: HelpRequestChangedDocument, variables: { hackathonId: 'h1', teamId: 't1' } },
  result: { data: { helpRequestChanged: value } },
  delay,
});

describe('TeamHelp', () => {
  it('shows each request’s status and who took it', async () => {
    renderWithProviders(<TeamHelp teamId="t1" hackathonId="h1" />, {
      mocks: [
        list([
          request({ id: 'r2', topic: 'Héberger la démo' }),
          request({ status: 'CLAIMED', claimedBy: karim }),
        ]),
        pushed(request({ id: 'r2', topic: 'Héberger la démo' }), 10_000),
      ],
    });
    const items = await screen.findAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(within(items[0]).getByText('En attente')).toBeInTheDocument();
    expect(within(items[1]).getByText('Prise en charge')).toBeInTheDocument();
    expect(within(items[1]).getByText(/Prise en charge par Karim H\./)).toBeInTheDocument();
  });

  it('updates the status live and says so politely', async () => {
    renderWithProviders(<TeamHelp teamId="t1" hackathonId="h1" />, {
      mocks: [list([request()]), pushed(request({ status: 'CLAIMED', claimedBy: karim }), 20)],
    });
    expect(
      await screen.findByText(
        'Karim H. s’occupe de votre demande « Notre formulaire ne s’envoie pas ».',
      ),
    ).toHaveAttribute('role', 'status');
    const item = screen.getByRole('listitem');
    expect(within(item).getByText('Prise en charge')).toBeInTheDocument();
    expect(within(item).getByText(/Prise en charge par Karim H\./)).toBeInTheDocument();
  });

  it('adds a request the team just sent to the list', async () => {
    const sent = request({ id: 'r3', topic: 'Aide pour la vidéo' });
    const { user } = renderWithProviders(<TeamHelp teamId="t1" hackathonId="h1" />, {
      mocks: [
        list([]),
        pushed(request(), 10_000),
        {
          request: {
            query: RequestHelpDocument,
            variables: { teamId: 't1', topic: 'Aide pour la vidéo' },
          },
          result: { data: { requestHelp: sent } },
        },
      ],
    });
    expect(await screen.findByText('Aucune demande pour l’instant.')).toBeInTheDocument();
    await user.type(screen.getByLabelText(/De quoi avez-vous besoin/), 'Aide pour la vidéo');
    await user.click(screen.getByRole('button', { name: 'Envoyer la demande' }));
    const item = await screen.findByRole('listitem');
    expect(within(item).getByText('Aide pour la vidéo')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Demande « Aide pour la vidéo » envoyée.');
  });

  it('shows the API’s message next to the topic field', async () => {
    const { user } = renderWithProviders(<TeamHelp teamId="t1" hackathonId="h1" />, {
      mocks: [
        list([]),
        pushed(request(), 10_000),
        {
          request: { query: RequestHelpDocument, variables: { teamId: 't1', topic: 'ab' } },
          result: {
            errors: [
              {
                message: 'bad',
                extensions: { code: 'BAD_USER_INPUT', fields: { topic: 'too short' } },
              },
            ],
          },
        },
      ],
    });
    await user.type(await screen.findByLabelText(/De quoi avez-vous besoin/), 'ab');
    await user.click(screen.getByRole('button', { name: 'Envoyer la demande' }));
    // The field is there before the answer: wait for the answer to mark it.
    await waitFor(() =>
      expect(screen.getByLabelText(/De quoi avez-vous besoin/)).toHaveAttribute(
        'aria-invalid',
        'true',
      ),
    );
  });
});
