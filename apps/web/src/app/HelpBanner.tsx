// The 3018 reminder, on every page: the first thing a pupil in trouble should find.
import { Container, Text } from '@mantine/core';
import { Trans, useTranslation } from 'react-i18next';

export function HelpBanner() {
  const { t } = useTranslation();
  return (
    <aside className="help-banner" aria-label={t('help.label')}>
      <Container size="lg" py={6}>
        <Text size="sm" ta="center" c="inherit">
          <Trans i18nKey="help.banner" components={{ phone: <a href="tel:3018" /> }} />
        </Text>
      </Container>
    </aside>
  );
}
