// Password rules: length bounds and a refusal of the most common passwords.
import { dictionary } from '@zxcvbn-ts/language-common';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/** The 1,000 most used passwords, from zxcvbn's frequency-ordered list. */
const COMMON = new Set(
  (dictionary['passwords-common'] as string[]).slice(0, 1000).map((p) => p.toLowerCase()),
);

/** Returns why a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters`;
  if (COMMON.has(password.toLowerCase())) return 'is one of the most common passwords';
  return null;
}
