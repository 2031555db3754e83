import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../test/render';
import { AppRoutes } from './AppRoutes';

describe('language switch', () => {
  it('shows the site in French by default, with the 3018 help line', async () => {
    renderWithProviders(<AppRoutes />, { route: '/connexion' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Connexion' })).toBeInTheDocument();
    const help = screen.getByRole('complementary', { name: 'Besoin d’aide' });
    expect(help).toHaveTextContent(
      'Harcèlement ou cyberharcèlement ? Appelle le 3018 (gratuit, anonyme)',
    );
    expect(within(help).getByRole('link', { name: 'Appelle le 3018' })).toHaveAttribute(
      'href',
      'tel:3018',
    );
    expect(document.documentElement.lang).toBe('fr');
  });

  it('switches every string to English and back', async () => {
    const { user } = renderWithProviders(<AppRoutes />, { route: '/connexion' });
    await screen.findByRole('heading', { level: 1, name: 'Connexion' });

    await user.click(screen.getByRole('button', { name: 'English' }));

    expect(screen.getByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByRole('complementary', { name: 'Get help' })).toHaveTextContent(
      'Bullying or cyberbullying? Call 3018 (free, anonymous)',
    );
    expect(screen.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem('ensemble.language')).toBe('en');

    await user.click(screen.getByRole('button', { name: 'Français' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Connexion' })).toBeInTheDocument();
  });
});
