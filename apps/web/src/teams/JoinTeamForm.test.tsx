import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { JoinTeamDocument } from '../gql/graphql';
import { renderWithProviders } from '../test/render';
import { JoinTeamForm } from './JoinTeamForm';

const fails = (code: string) => ({
  request: { query: JoinTeamDocument, variables: { inviteCode: 'ZZZZ9999' } },
  result: { errors: [{ message: 'no', extensions: { code } }] },
});

describe('JoinTeamForm', () => {
  it('says an unknown code is unknown, next to the code field', async () => {
    const { user } = renderWithProviders(<JoinTeamForm onJoined={vi.fn()} />, {
      mocks: [fails('NOT_FOUND')],
    });

    await user.type(screen.getByRole('textbox', { name: /Code d’invitation/ }), 'ZZZZ9999');
    await user.click(screen.getByRole('button', { name: 'Rejoindre' }));

    await waitFor(() =>
      expect(
        screen.getByRole('textbox', { name: /Code d’invitation/ }),
      ).toHaveAccessibleDescription(/Ce code d’invitation n’existe pas/),
    );
  });

  it('explains a team of another school in English too', async () => {
    const { user } = renderWithProviders(<JoinTeamForm onJoined={vi.fn()} />, {
      mocks: [fails('FORBIDDEN')],
      language: 'en',
    });

    await user.type(screen.getByRole('textbox', { name: /Invite code/ }), 'ZZZZ9999');
    await user.click(screen.getByRole('button', { name: 'Join' }));

    expect(await screen.findByText(/This team belongs to another school/)).toBeInTheDocument();
  });
});
