import { Button, Code, CopyButton, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** An invite code with a copy button that says (to screen readers too) when it has copied. */
export function InviteCode({ code, label }: { code: string; label?: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" wrap="wrap">
      {label && <Text fw={700}>{label}</Text>}
      <Code fz="lg" aria-label={label}>
        {code}
      </Code>
      <CopyButton value={code}>
        {({ copied, copy }) => (
          <Button size="compact-sm" variant={copied ? 'filled' : 'outline'} onClick={copy}>
            <span aria-live="polite">{copied ? t('common.copied') : t('common.copy')}</span>
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}
