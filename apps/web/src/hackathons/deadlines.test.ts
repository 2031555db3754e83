import { describe, expect, it } from 'vitest';
import { nextDeadline, remainingTime, type DatedHackathon } from './deadlines';

const now = new Date('2026-03-10T12:00:00+01:00');

function hackathon(overrides: Partial<DatedHackathon>): DatedHackathon {
  return {
    id: 'h1',
    title: 'Ensemble 2026',
    phase: 'REGISTRATION',
    registrationClosesAt: '2026-03-20T18:00:00+01:00',
    submissionDeadline: '2026-04-10T18:00:00+02:00',
    ...overrides,
  };
}

describe('nextDeadline', () => {
  it('points at the close of registration while registration is open', () => {
    const next = nextDeadline([hackathon({})], now);
    expect(next?.kind).toBe('registration');
    expect(next?.at.toISOString()).toBe('2026-03-20T17:00:00.000Z');
  });

  it('moves on to the submission deadline once registration has closed', () => {
    const next = nextDeadline(
      [hackathon({ registrationClosesAt: '2026-03-01T18:00:00+01:00' })],
      now,
    );
    expect(next?.kind).toBe('submission');
  });

  it('counts down to the submission deadline while teams are building', () => {
    expect(nextDeadline([hackathon({ phase: 'BUILDING' })], now)?.kind).toBe('submission');
  });

  it('picks the soonest deadline across hackathons', () => {
    const later = hackathon({ id: 'later' });
    const sooner = hackathon({
      id: 'sooner',
      phase: 'BUILDING',
      submissionDeadline: '2026-03-12T18:00:00+01:00',
    });
    expect(nextDeadline([later, sooner], now)?.hackathon.id).toBe('sooner');
  });

  it('ignores hackathons being judged, finished or with every deadline past', () => {
    const past = hackathon({
      registrationClosesAt: '2026-01-01T00:00:00Z',
      submissionDeadline: '2026-02-01T00:00:00Z',
    });
    expect(
      nextDeadline([hackathon({ phase: 'JUDGING' }), hackathon({ phase: 'ARCHIVED' }), past], now),
    ).toBeNull();
  });
});

describe('remainingTime', () => {
  it('splits the time left into days, hours and minutes, rounded down', () => {
    const at = new Date(now.getTime() + ((2 * 24 + 3) * 60 + 4) * 60_000 + 59_000);
    expect(remainingTime(at, now)).toEqual({ days: 2, hours: 3, minutes: 4 });
  });

  it('never goes below zero', () => {
    expect(remainingTime(new Date(now.getTime() - 1000), now)).toEqual({
      days: 0,
      hours: 0,
      minutes: 0,
    });
  });
});
