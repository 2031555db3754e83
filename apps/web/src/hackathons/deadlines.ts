// Which deadline comes next, and how long until it: pure functions, tested without a clock.
import type { HackathonPhase } from '../gql/graphql';

export interface DatedHackathon {
  id: string;
  title: string;
  phase: HackathonPhase;
  registrationClosesAt: string;
  submissionDeadline: string;
}

export type DeadlineKind = 'registration' | 'submission';

export interface Deadline<H extends DatedHackathon = DatedHackathon> {
  hackathon: H;
  kind: DeadlineKind;
  at: Date;
}

/**
 * The soonest deadline still ahead that pupils can act on: closing of registration while it is open,
 * and the submission deadline while teams can still save (REGISTRATION or BUILDING, as in RULES.md).
 */
export function nextDeadline<H extends DatedHackathon>(
  hackathons: readonly H[],
  now: Date,
): Deadline<H> | null {
  let next: Deadline<H> | null = null;
  const consider = (hackathon: H, kind: DeadlineKind, iso: string) => {
    const at = new Date(iso);
    if (Number.isNaN(at.getTime()) || at <= now) return;
    if (!next || at < next.at) next = { hackathon, kind, at };
  };
  for (const hackathon of hackathons) {
    if (hackathon.phase === 'REGISTRATION')
      consider(hackathon, 'registration', hackathon.registrationClosesAt);
    if (hackathon.phase === 'REGISTRATION' || hackathon.phase === 'BUILDING') {
      consider(hackathon, 'submission', hackathon.submissionDeadline);
    }
  }
  return next;
}

export interface Remaining {
  days: number;
  hours: number;
  minutes: number;
}

/** Whole days, hours and minutes left, rounded down (never claims more time than there is). */
export function remainingTime(at: Date, now: Date): Remaining {
  const totalMinutes = Math.max(0, Math.floor((at.getTime() - now.getTime()) / 60_000));
  return {
    days: Math.floor(totalMinutes / (24 * 60)),
    hours: Math.floor(totalMinutes / 60) % 24,
    minutes: totalMinutes % 60,
  };
}
