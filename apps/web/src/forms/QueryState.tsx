// Loading and error states of a query, said the same way on every page.
import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { readApiError } from '../apollo/api-error';

interface QueryStateProps {
  loading: boolean;
  error?: unknown;
  onRetry?: () => void;
}

/** Renders the loading or error state, or nothing when data is there. */
export function QueryState({ loading, error, onRetry }: QueryStateProps) {
  const { t } = useTranslation();
  if (error) {
    const code = readApiError(error).code;
    return (
      <Alert color="red" variant="light" role="alert">
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{t(`errors.code.${code}`)}</Text>
          {onRetry && (
            <Button size="compact-sm" variant="outline" onClick={onRetry}>
              {t('common.retry')}
            </Button>
          )}
        </Stack>
      </Alert>
    );
  }
  if (loading) {
    return (
      <Group role="status" gap="sm">
        <Loader size="xs" aria-hidden />
        <Text>{t('common.loading')}</Text>
      </Group>
    );
  }
  return null;
}
