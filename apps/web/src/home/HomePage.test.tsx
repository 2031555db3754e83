import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../auth/session-store';
import { hackathonsMock, meMock } from '../test/fixtures';
import { renderWithProviders } from '../test/render';
import { HomePage } from './HomePage';

beforeEach(() => {
  // Only Date is faked: Apollo and Testing Library keep their real timers.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-10T12:00:00+01:00'));
});

afterEach(() => {
  vi.useRealTimers();
  sessionStore.end();
});

describe('HomePage', () => {
  it('lists the hackathons for visitors, with the time left before the next deadline', async () => {
    renderWithProviders(<HomePage />, { mocks: [hackathonsMock()] });

    expect(
      await screen.findByRole('heading', { level: 3, name: 'Ensemble 2026' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Inscriptions ouvertes')).toBeInTheDocument();
    expect(screen.getByText('Fin des inscriptions pour « Ensemble 2026 »')).toBeInTheDocument();
    expect(screen.getByText('Encore 10 jours et 6 heures')).toBeInTheDocument();
    expect(screen.queryByText(/Bonjour/)).not.toBeInTheDocument();
  });

  it('tells a pending pupil that their teacher has to validate the account', async () => {
    sessionStore.start({ accessToken: 'a' });
    renderWithProviders(<HomePage />, { mocks: [meMock('PENDING'), hackathonsMock()] });

    expect(await screen.findByRole('heading', { name: 'Bonjour Lina B. !' })).toBeInTheDocument();
    expect(screen.getByText('En attente de validation par ton enseignant·e')).toBeInTheDocument();
  });

  it('greets an active user without any waiting notice', async () => {
    sessionStore.start({ accessToken: 'a' });
    renderWithProviders(<HomePage />, {
      mocks: [meMock('ACTIVE', 'TEACHER'), hackathonsMock()],
      language: 'en',
    });

    expect(await screen.findByRole('heading', { name: 'Hello Lina B.!' })).toBeInTheDocument();
    expect(screen.getByText('Teacher')).toBeInTheDocument();
    expect(screen.queryByText(/Waiting/)).not.toBeInTheDocument();
  });
});
