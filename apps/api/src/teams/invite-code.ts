// Team invite codes: random, easy to read aloud and to type (no 0/O, 1/I/L look-alikes).
import { randomCode, UNAMBIGUOUS_UPPER } from '../common/random-code';

export const INVITE_CODE_ALPHABET = UNAMBIGUOUS_UPPER;
export const INVITE_CODE_LENGTH = 10;

/** 31^10 ≈ 8·10^14 codes: guessing one is hopeless, collisions are retried anyway. */
export function generateInviteCode(): string {
  return randomCode(INVITE_CODE_LENGTH, INVITE_CODE_ALPHABET);
}

/** What pupils type: spaces and case do not matter. */
export function normalizeInviteCode(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}
