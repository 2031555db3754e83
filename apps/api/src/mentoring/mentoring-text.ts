// Free text written by people on the platform: trimmed, bounded, and free of insults.
import { badInput, FieldErrorCollector } from '../common/errors';

export function checkText(field: string, value: string, min: number, max: number): string {
  const text = value.trim();
  if (text.length < min || text.length > max)
    throw badInput({ [field]: `must be ${min}–${max} characters` });
  new FieldErrorCollector().moderate(field, text).throwIfAny();
  return text;
}
