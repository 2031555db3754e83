// Free text written by people on the platform: trimmed, bounded, and free of insults.
import { findInsult } from '@ensemble/domain';
import { badInput } from '../common/errors';

export function checkText(field: string, value: string, min: number, max: number): string {
  const text = value.trim();
  if (text.length < min || text.length > max)
    throw badInput({ [field]: `must be ${min}–${max} characters` });
  if (findInsult(text)) throw badInput({ [field]: 'contains language that is not allowed' });
  return text;
}
