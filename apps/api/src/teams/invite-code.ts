// Team invite codes: random, easy to read aloud and to type (no 0/O, 1/I/L look-alikes).
import { randomInt } from 'node:crypto';

export const INVITE_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const INVITE_CODE_LENGTH = 10;

/** 31^10 ≈ 8·10^14 codes: guessing one is hopeless, collisions are retried anyway. */
export function generateInviteCode(): string {
  let code = '';
  for (let i = 0; i < INVITE_CODE_LENGTH; i++)
    code += INVITE_CODE_ALPHABET[randomInt(INVITE_CODE_ALPHABET.length)];
  return code;
}

/** What pupils type: spaces and case do not matter. */
export function normalizeInviteCode(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}
