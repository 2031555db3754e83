// The hackathon life cycle: which phase may follow which, and which action each phase allows.

export const PHASES = [
  'DRAFT',
  'REGISTRATION',
  'BUILDING',
  'JUDGING',
  'RESULTS',
  'ARCHIVED',
] as const;
export type HackathonPhase = (typeof PHASES)[number];

export type PhaseAction =
  | 'createTeam'
  | 'joinTeam'
  | 'leaveTeam'
  | 'removeTeamMember'
  | 'mentorTeam'
  | 'validateTeam'
  | 'saveSubmission'
  | 'submitSubmission'
  | 'assignJurors'
  | 'declareConflict'
  | 'scoreSubmission'
  | 'addFeedback'
  | 'requestHelp'
  | 'postAnnouncement'
  /** Any other write on the hackathon (settings, criteria, tracks…): refused only in ARCHIVED. */
  | 'write';

export type PhaseDecision = { allowed: true } | { allowed: false; reason: string };

/** The part of a hackathon the phase rules read. */
export interface PhaseContext {
  phase: HackathonPhase;
  registrationClosesAt: Date;
  submissionDeadline: Date;
}

export function isHackathonPhase(value: string): value is HackathonPhase {
  return (PHASES as readonly string[]).includes(value);
}

/**
 * Forward one step at a time. RESULTS → JUDGING is the single way back, so an
 * organizer can correct scores after publication; ARCHIVED is final.
 */
export function canTransition(from: HackathonPhase, to: HackathonPhase): boolean {
  if (from === 'ARCHIVED') return false;
  if (from === 'RESULTS' && to === 'JUDGING') return true;
  return PHASES.indexOf(to) === PHASES.indexOf(from) + 1;
}

/** DRAFT hackathons are an organizer's work in progress; every later phase is public. */
export function isVisibleToPublic(phase: HackathonPhase): boolean {
  return phase !== 'DRAFT';
}

/** The public phases, in order (handy for filters and the web client). */
export const PUBLIC_PHASES: readonly HackathonPhase[] = PHASES.filter(isVisibleToPublic);

/**
 * Phases in which each action is open. The first four groups are the table of
 * RULES.md. The last three are our reading of "anything that writes":
 * - postAnnouncement: organizers must be able to talk to participants at any
 *   point before the archive, DRAFT included (to prepare the opening message).
 * - requestHelp: a team asks its mentor for help while it exists and builds,
 *   i.e. REGISTRATION and BUILDING; afterwards the work is frozen.
 * - addFeedback: mentors/organizers comment on a team's work while it is being
 *   built and during judging (organizers' remarks), not once results are out.
 * - write: any other write on the hackathon, refused only in ARCHIVED.
 */
const OPEN_PHASES: Record<PhaseAction, readonly HackathonPhase[]> = {
  createTeam: ['REGISTRATION'],
  joinTeam: ['REGISTRATION'],
  leaveTeam: ['REGISTRATION', 'BUILDING'],
  removeTeamMember: ['REGISTRATION', 'BUILDING'],
  mentorTeam: ['REGISTRATION', 'BUILDING'],
  validateTeam: ['REGISTRATION', 'BUILDING'],
  saveSubmission: ['REGISTRATION', 'BUILDING'],
  submitSubmission: ['REGISTRATION', 'BUILDING'],
  assignJurors: ['JUDGING'],
  declareConflict: ['JUDGING'],
  scoreSubmission: ['JUDGING'],
  addFeedback: ['REGISTRATION', 'BUILDING', 'JUDGING'],
  requestHelp: ['REGISTRATION', 'BUILDING'],
  postAnnouncement: ['DRAFT', 'REGISTRATION', 'BUILDING', 'JUDGING', 'RESULTS'],
  write: ['DRAFT', 'REGISTRATION', 'BUILDING', 'JUDGING', 'RESULTS'],
};

/** Actions that also close at a date, whatever the phase says. */
const DEADLINES: Partial<Record<PhaseAction, 'registrationClosesAt' | 'submissionDeadline'>> = {
  createTeam: 'registrationClosesAt',
  joinTeam: 'registrationClosesAt',
  saveSubmission: 'submissionDeadline',
  submitSubmission: 'submissionDeadline',
};

const DEADLINE_LABELS: Record<'registrationClosesAt' | 'submissionDeadline', string> = {
  registrationClosesAt: 'Registration closed on',
  submissionDeadline: 'The submission deadline passed on',
};

function formatList(phases: readonly HackathonPhase[]): string {
  if (phases.length === 1) return phases[0];
  return `${phases.slice(0, -1).join(', ')} or ${phases[phases.length - 1]}`;
}

/**
 * Whether `action` may happen now. The reason is English and meant for the
 * PHASE_CLOSED error message; the API maps a refusal to that code.
 */
export function checkPhaseAction(
  action: PhaseAction,
  hackathon: PhaseContext,
  now: Date,
): PhaseDecision {
  const { phase } = hackathon;
  if (phase === 'ARCHIVED') {
    return { allowed: false, reason: 'The hackathon is archived: nothing can change any more.' };
  }
  const open = OPEN_PHASES[action];
  if (!open.includes(phase)) {
    return {
      allowed: false,
      reason: `${action} is only possible during ${formatList(open)}; the hackathon is in ${phase}.`,
    };
  }
  const deadlineField = DEADLINES[action];
  if (deadlineField !== undefined) {
    const deadline = hackathon[deadlineField];
    // The deadline instant itself is already too late: "now < deadline" in RULES.md.
    if (now.getTime() >= deadline.getTime()) {
      return {
        allowed: false,
        reason: `${DEADLINE_LABELS[deadlineField]} ${deadline.toISOString()}.`,
      };
    }
  }
  return { allowed: true };
}
