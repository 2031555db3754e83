import {
  PHASES,
  PUBLIC_PHASES,
  canTransition,
  checkPhaseAction,
  isHackathonPhase,
  isVisibleToPublic,
  type HackathonPhase,
  type PhaseAction,
  type PhaseContext,
} from './phase-machine';

const REGISTRATION_CLOSES = new Date('2026-03-01T12:00:00Z');
const SUBMISSION_DEADLINE = new Date('2026-04-01T12:00:00Z');
const BEFORE_BOTH = new Date('2026-02-01T00:00:00Z');
const BETWEEN = new Date('2026-03-15T00:00:00Z');
const AFTER_BOTH = new Date('2026-05-01T00:00:00Z');

function hackathon(phase: HackathonPhase): PhaseContext {
  return {
    phase,
    registrationClosesAt: REGISTRATION_CLOSES,
    submissionDeadline: SUBMISSION_DEADLINE,
  };
}

describe('canTransition', () => {
  // Every pair of the 6×6 matrix, written out so a reader sees the whole rule.
  const allowed = new Set([
    'DRAFT>REGISTRATION',
    'REGISTRATION>BUILDING',
    'BUILDING>JUDGING',
    'JUDGING>RESULTS',
    'RESULTS>ARCHIVED',
    'RESULTS>JUDGING',
  ]);
  const pairs = PHASES.flatMap((from) => PHASES.map((to) => [from, to] as const));

  it('covers the 36 pairs', () => {
    expect(pairs).toHaveLength(36);
  });

  it.each(pairs)('%s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(allowed.has(`${from}>${to}`));
  });
});

describe('checkPhaseAction', () => {
  // The table of RULES.md plus our documented choices for the last three rows.
  const table: Record<PhaseAction, HackathonPhase[]> = {
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
  const cases = (Object.keys(table) as PhaseAction[]).flatMap((action) =>
    PHASES.map((phase) => [action, phase, table[action].includes(phase)] as const),
  );

  it.each(cases)('%s in %s (before any deadline) → allowed: %s', (action, phase, expected) => {
    const decision = checkPhaseAction(action, hackathon(phase), BEFORE_BOTH);
    expect(decision.allowed).toBe(expected);
    if (!decision.allowed) expect(decision.reason).toEqual(expect.any(String));
  });

  it.each(Object.keys(table) as PhaseAction[])('refuses %s in ARCHIVED, saying why', (action) => {
    const decision = checkPhaseAction(action, hackathon('ARCHIVED'), BEFORE_BOTH);
    expect(decision).toEqual({ allowed: false, reason: expect.stringContaining('archived') });
  });

  describe('registration deadline', () => {
    it.each(['createTeam', 'joinTeam'] as const)(
      '%s is refused once registration has closed',
      (action) => {
        const decision = checkPhaseAction(action, hackathon('REGISTRATION'), BETWEEN);
        expect(decision).toEqual({
          allowed: false,
          reason: `Registration closed on ${REGISTRATION_CLOSES.toISOString()}.`,
        });
      },
    );

    it('treats the closing instant itself as closed', () => {
      expect(
        checkPhaseAction('createTeam', hackathon('REGISTRATION'), REGISTRATION_CLOSES).allowed,
      ).toBe(false);
      const justBefore = new Date(REGISTRATION_CLOSES.getTime() - 1);
      expect(checkPhaseAction('joinTeam', hackathon('REGISTRATION'), justBefore).allowed).toBe(
        true,
      );
    });

    it('does not close leaving or mentoring with registration', () => {
      for (const action of [
        'leaveTeam',
        'removeTeamMember',
        'mentorTeam',
        'validateTeam',
      ] as const) {
        expect(checkPhaseAction(action, hackathon('REGISTRATION'), AFTER_BOTH).allowed).toBe(true);
        expect(checkPhaseAction(action, hackathon('BUILDING'), AFTER_BOTH).allowed).toBe(true);
      }
    });
  });

  describe('submission deadline', () => {
    it.each(['saveSubmission', 'submitSubmission'] as const)(
      '%s is open in REGISTRATION and BUILDING until the deadline',
      (action) => {
        expect(checkPhaseAction(action, hackathon('REGISTRATION'), BETWEEN).allowed).toBe(true);
        expect(checkPhaseAction(action, hackathon('BUILDING'), BETWEEN).allowed).toBe(true);
        expect(checkPhaseAction(action, hackathon('BUILDING'), AFTER_BOTH)).toEqual({
          allowed: false,
          reason: `The submission deadline passed on ${SUBMISSION_DEADLINE.toISOString()}.`,
        });
        expect(checkPhaseAction(action, hackathon('BUILDING'), SUBMISSION_DEADLINE).allowed).toBe(
          false,
        );
      },
    );
  });

  it('explains a wrong phase in words', () => {
    expect(checkPhaseAction('scoreSubmission', hackathon('BUILDING'), BEFORE_BOTH)).toEqual({
      allowed: false,
      reason: 'scoreSubmission is only possible during JUDGING; the hackathon is in BUILDING.',
    });
    expect(checkPhaseAction('leaveTeam', hackathon('JUDGING'), BEFORE_BOTH)).toEqual({
      allowed: false,
      reason:
        'leaveTeam is only possible during REGISTRATION or BUILDING; the hackathon is in JUDGING.',
    });
  });

  it('keeps judging actions open after the deadlines', () => {
    for (const action of ['assignJurors', 'declareConflict', 'scoreSubmission'] as const) {
      expect(checkPhaseAction(action, hackathon('JUDGING'), AFTER_BOTH).allowed).toBe(true);
    }
  });
});

describe('visibility', () => {
  it('hides DRAFT hackathons only', () => {
    expect(PHASES.filter((p) => !isVisibleToPublic(p))).toEqual(['DRAFT']);
    expect(PUBLIC_PHASES).toEqual(['REGISTRATION', 'BUILDING', 'JUDGING', 'RESULTS', 'ARCHIVED']);
  });

  it('recognises phase names', () => {
    expect(isHackathonPhase('JUDGING')).toBe(true);
    expect(isHackathonPhase('judging')).toBe(false);
  });
});
