import { generateInviteCode, INVITE_CODE_ALPHABET, normalizeInviteCode } from './invite-code';

describe('invite codes', () => {
  it('are 10 characters without look-alikes (0/O, 1/I/L)', () => {
    expect(INVITE_CODE_ALPHABET).not.toMatch(/[0O1IL]/);
    for (let i = 0; i < 200; i++)
      expect(generateInviteCode()).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{10}$/);
  });

  it('are random enough not to repeat', () => {
    const codes = new Set(Array.from({ length: 2000 }, generateInviteCode));
    expect(codes.size).toBe(2000);
  });

  it('are read ignoring case and spaces', () => {
    expect(normalizeInviteCode(' abcd efgh 23 ')).toBe('ABCDEFGH23');
  });
});
