// Mantine's PasswordInput wires neither aria-invalid nor the error description to its input, and
// labels its eye button in English only: this wrapper supplies both, once for every password field.
import { useId, type Ref } from 'react';
import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function AccessiblePasswordInput({
  id,
  error,
  ref,
  ...props
}: PasswordInputProps & { ref?: Ref<HTMLInputElement> }) {
  const { t } = useTranslation();
  const generated = useId();
  const inputId = id ?? generated;
  const errorId = `${inputId}-error`;
  return (
    <PasswordInput
      {...props}
      ref={ref}
      id={inputId}
      error={error}
      errorProps={{ id: errorId }}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? errorId : undefined}
      visibilityToggleButtonProps={{ 'aria-label': t('auth.login.showPassword') }}
    />
  );
}
