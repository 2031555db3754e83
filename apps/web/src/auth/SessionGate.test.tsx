import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../test/render';
import { SessionGate } from './SessionGate';
import { sessionStore } from './session-store';
import { useIsSignedIn } from './use-session';

function Page() {
  return <p>{useIsSignedIn() ? 'signed in' : 'visitor'}</p>;
}

describe('SessionGate', () => {
  it('holds the pages back until the refresh cookie has answered, so a reload stays signed in', async () => {
    let answer!: (response: Response) => void;
    vi.spyOn(globalThis, 'fetch').mockImplementation(
      () => new Promise<Response>((resolve) => (answer = resolve)),
    );

    renderWithProviders(
      <SessionGate>
        <Page />
      </SessionGate>,
    );

    expect(screen.getByRole('status')).toBeInTheDocument();
    expect(screen.queryByText(/signed in|visitor/)).not.toBeInTheDocument();
    answer(new Response(JSON.stringify({ accessToken: 'a1' }), { status: 200 }));

    expect(await screen.findByText('signed in')).toBeInTheDocument();
    expect(sessionStore.getAccessToken()).toBe('a1');
  });
});
