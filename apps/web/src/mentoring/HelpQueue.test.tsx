import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  ClaimHelpRequestDocument,
  HelpRequestChangedDocument,
  HelpRequestsDocument,
} from '../gql/graphql';
import { renderWithProviders } from '../test/render';
import { HelpQueue } from './HelpQueue';

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
const queue = (requests: unknown[]) => ({
  request: { query: HelpRequestsDocument, variables: { hackathonId: 'h1', first: 25 } },
  result: { data: { helpRequests: requests } },
});
const pushed = (value: unknown, delay: number) => ({
  request: { query: HelpRequestChangedDocument, variables: { hackathonId: 'h1' } },
  result: { data: { helpRequestChanged: value } },
  delay,
});

describe('HelpQueue', () => {
  it('adds a new request as it arrives and announces it', async () => {
    const fresh = request({
      id: 'r2',
      topic: 'Comment héberger la démo ?',
      team: { __typename: 'Team', id: 't2', name: 'Les Phares' },
    });
    renderWithProviders(<HelpQueue hackathonId="h1" />, {
      mocks: [queue([request()]), pushed(fresh, 20)],
    });
    expect(
      await screen.findByText('Nouvelle demande d’aide de l’équipe Les Phares.'),
    ).toHaveAttribute('role', 'status');
    const items = screen.getAllByRole('listitem');
    expect(items.map((item) => item.getAttribute('aria-label'))).toEqual([
      'Les Phares',
      'Les Vigies',
    ]);
  });

  it('names the team in each button and explains a claim someone else made first', async () => {
    const { user } = renderWithProviders(<HelpQueue hackathonId="h1" />, {
      mocks: [
        queue([request()]),
        pushed(request(), 60_000),
        {
          request: { query: ClaimHelpRequestDocument, variables: { id: 'r1' } },
          result: { errors: [{ message: 'taken', extensions: { code: 'CONFLICT' } }] },
        },
      ],
    });
    const item = await screen.findByRole('listitem', { name: 'Les Vigies' });
    await user.click(
      within(item).getByRole('button', { name: 'Je m’en occupe : demande de l’équipe Les Vigies' }),
    );
    expect(await within(item).findByRole('alert')).toHaveTextContent(
      'Quelqu’un d’autre s’en occupe déjà',
    );
  });

  it('hides resolved requests unless asked', async () => {
    const { user } = renderWithProviders(<HelpQueue hackathonId="h1" />, {
      mocks: [queue([request({ status: 'RESOLVED' })]), pushed(request(), 60_000)],
    });
    expect(await screen.findByText('Aucune demande en attente.')).toBeInTheDocument();
    await user.click(screen.getByRole('switch', { name: 'Afficher aussi les demandes résolues' }));
    const item = screen.getByRole('listitem', { name: 'Les Vigies' });
    expect(within(item).getByText('Résolue')).toBeInTheDocument();
    expect(within(item).queryByRole('button')).toBeNull();
  });
});
