// Page frame: skip link, 3018 banner, header with navigation, main content, footer.
import { Anchor, Box, Container, Group, Loader, Text } from '@mantine/core';
import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { LogoutButton } from '../auth/LogoutButton';
import { useIsSignedIn } from '../auth/use-session';
import { HelpBanner } from './HelpBanner';
import { LanguageSwitch } from './LanguageSwitch';
import { paths } from './paths';

export const MAIN_ID = 'contenu';

/** After a client-side navigation, move focus to the new content, as a full page load would. */
function useFocusMainOnNavigation() {
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const previousPathname = useRef(pathname);
  useEffect(() => {
    if (previousPathname.current === pathname) return; // first render (also when StrictMode re-runs it)
    previousPathname.current = pathname;
    mainRef.current?.focus();
  }, [pathname]);
  return mainRef;
}

function PageLoader() {
  const { t } = useTranslation();
  return (
    <Group justify="center" py="xl" role="status">
      <Loader size="sm" aria-hidden />
      <Text>{t('common.loading')}</Text>
    </Group>
  );
}

export function Layout() {
  const { t } = useTranslation();
  const signedIn = useIsSignedIn();
  const mainRef = useFocusMainOnNavigation();

  return (
    <>
      <a className="skip-link" href={`#${MAIN_ID}`}>
        {t('layout.skipToContent')}
      </a>
      <HelpBanner />
      <Box component="header" className="site-header">
        <Container size="lg" py="sm">
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Anchor
              component={Link}
              to={paths.home}
              fw={800}
              fz="xl"
              underline="never"
              aria-label={t('app.homeLink')}
            >
              {t('app.name')}
            </Anchor>
            <Group gap="lg" wrap="wrap">
              <nav aria-label={t('layout.mainNav')} className="site-nav">
                <Group gap="md">
                  <Anchor component={NavLink} to={paths.home} end>
                    {t('nav.home')}
                  </Anchor>
                  {signedIn ? (
                    <Anchor component={NavLink} to={paths.space}>
                      {t('nav.space')}
                    </Anchor>
                  ) : (
                    <>
                      <Anchor component={NavLink} to={paths.login}>
                        {t('nav.login')}
                      </Anchor>
                      <Anchor component={NavLink} to={paths.signup}>
                        {t('nav.signup')}
                      </Anchor>
                    </>
                  )}
                </Group>
              </nav>
              {signedIn && <LogoutButton />}
              <LanguageSwitch />
            </Group>
          </Group>
        </Container>
      </Box>
      <Box component="main" id={MAIN_ID} tabIndex={-1} ref={mainRef}>
        <Container size="lg" py="xl">
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </Container>
      </Box>
      <Box component="footer" className="site-footer">
        <Container size="lg" py="md">
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Text size="sm" c="dimmed">
              {t('layout.footer')}
            </Text>
            <Anchor component={Link} to={paths.privacy} size="sm">
              {t('nav.privacy')}
            </Anchor>
          </Group>
        </Container>
      </Box>
    </>
  );
}
