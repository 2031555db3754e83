// Automated WCAG checks (axe-core) on whole pages. jsdom has no layout, so colour contrast is checked
// in theme.test.ts instead, and a real-browser pass remains needed.
import { screen } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { hackathonsMock } from '../test/fixtures';
import { renderWithProviders } from '../test/render';
import { AppRoutes } from './AppRoutes';

async function violations(): Promise<string[]> {
  const results = await axe.run(document.body, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    rules: { 'color-contrast': { enabled: false } },
  });
  return results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

describe('accessibility', () => {
  it('finds no axe violation on the login page', async () => {
    renderWithProviders(<AppRoutes />, { route: '/connexion' });
    await screen.findByRole('heading', { level: 1, name: 'Connexion' });
    expect(await violations()).toEqual([]);
  });

  it('finds no axe violation on the home page', async () => {
    renderWithProviders(<AppRoutes />, { route: '/', mocks: [hackathonsMock()] });
    await screen.findByRole('heading', { level: 3, name: 'Ensemble 2026' });
    expect(await violations()).toEqual([]);
  });

  it('offers a skip link to the main content as the first focusable element', async () => {
    const { user } = renderWithProviders(<AppRoutes />, { route: '/connexion' });
    await screen.findByRole('heading', { level: 1, name: 'Connexion' });

    await user.tab();

    const skip = screen.getByRole('link', { name: 'Aller au contenu' });
    expect(skip).toHaveFocus();
    expect(skip).toHaveAttribute('href', '#contenu');
    expect(screen.getByRole('main')).toHaveAttribute('id', 'contenu');
    expect(screen.getByRole('banner')).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Navigation principale' })).toBeInTheDocument();
    expect(screen.getByRole('contentinfo')).toBeInTheDocument();
  });
});
