import { useEffect, useRef, type RefObject } from 'react';
import type { FormErrors } from './form-errors';

/** After errors appear, focus the first invalid field so keyboard and screen-reader users land on it. */
export function useFocusFirstInvalid(errors: FormErrors): RefObject<HTMLFormElement | null> {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (Object.keys(errors).length === 0) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);
  return form;
}
