// Random codes people read and type (invite codes, invitation codes, temporary passwords),
// drawn from a CSPRNG over alphabets without look-alikes (no 0/O, 1/I/l).
import { createHash, randomInt } from 'node:crypto';

export const UNAMBIGUOUS_UPPER = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const UNAMBIGUOUS_MIXED = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function randomCode(length: number, alphabet = UNAMBIGUOUS_UPPER): string {
  let code = '';
  for (let i = 0; i < length; i++) code += alphabet[randomInt(alphabet.length)];
  return code;
}

/** Secrets (refresh tokens, invitation codes) are stored only as this hash. */
export const sha256Hex = (value: string): string => createHash('sha256').update(value).digest('hex');
