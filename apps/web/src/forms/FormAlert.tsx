import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ErrorKey } from './form-errors';

/** The message of a form that belongs to no single field; announced at once. */
export function FormAlert({ error }: { error?: ErrorKey }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" role="alert">
      {t(error)}
    </Alert>
  );
}
