// One fuzz driver per mutation of schema.gql. The arguments are generated from the schema's
// types (arbitraries.ts); a driver only adds plausible values where random ones would almost
// never get past the first check, or marks a mutation that ends the caller's account.
// A mutation without a driver fails the fuzz test: a new mutation must be fuzzed too.
import fc from 'fast-check';
import { TEST_PASSWORD } from '@ensemble/testing';
import type { Hints } from './arbitraries';
import type { FuzzScenario, ViewerKind } from './scenario';

export interface FuzzDriver {
  /** Who the mutation is for: most calls come from them (the rest from anyone). */
  as?: ViewerKind[];
  /** Plausible values for some argument paths (mixed with the generic hostile ones). */
  hints?: (s: FuzzScenario) => Hints;
  /** The mutation ends or disables the caller's account: every run gets a throw-away viewer. */
  freshViewer?: boolean;
  /** Share of FUZZ_RUNS for this mutation (password hashing makes some calls 50× slower). */
  runs?: number;
}

const year = new Date().getUTCFullYear();

/** A plausible pupil for createPupilAccounts (the generic generator adds the hostile ones). */
const pupilAccount = fc.record({
  firstName: fc.constantFrom('Camille', 'Léa', 'Noé', 'Zoë', 'Jean-Éric', 'Ana'),
  lastName: fc.constantFrom('Durand', 'Le Goff', 'N’Diaye', 'Müller'),
  birthYear: fc.integer({ min: year - 20, max: year - 10 }),
  parentalConsentConfirmed: fc.boolean(),
});

/** Scores for the criteria of one seeded hackathon: right ids, values on the scale or just off it. */
const plausibleScores = (s: FuzzScenario) =>
  fc.constantFrom(...s.ids.criteriaByHackathon.filter((c) => c.length)).chain((criteria) =>
    fc
      .tuple(
        ...criteria.map((c) =>
          fc
            .oneof(
              { weight: 9, arbitrary: fc.integer({ min: 0, max: c.maxScore }) },
              { weight: 1, arbitrary: fc.constantFrom(-1, c.maxScore + 1) },
            )
            .map((value) => ({ criterionId: c.id, value })),
        ),
      )
      .chain((scores) =>
        fc.oneof(
          { weight: 8, arbitrary: fc.constant(scores) },
          { weight: 1, arbitrary: fc.constant([...scores, scores[0]]) }, // a criterion twice
          { weight: 1, arbitrary: fc.constant(scores.slice(1)) }, // one missing
        ),
      ),
  );

const helpRequest = (s: FuzzScenario): Hints => ({ id: fc.constantFrom(...s.ids.helpRequests) });

const registration = (s: FuzzScenario): Hints => ({
  'input.hackathonId': fc.constant(s.hackathons.REGISTRATION.id),
  'input.trackId': fc.constantFrom(...s.hackathons.REGISTRATION.trackIds),
  inviteCode: fc.constantFrom(...s.ids.openInviteCodes),
});

const daysFromNow = (min: number, max: number) =>
  fc.integer({ min, max }).map((days) => new Date(Date.now() + days * 86_400_000).toISOString());
/** Deadlines in the right order (the hostile generator swaps and breaks them). */
const hackathonDates: Hints = {
  'input.registrationClosesAt': daysFromNow(1, 7),
  'input.submissionDeadline': daysFromNow(8, 30),
};

const ORGANIZER: ViewerKind[] = ['organizer'];
const PUPILS: ViewerKind[] = ['pupil', 'pupil2', 'freePupil', 'otherSchoolPupil'];
const TEACHERS: ViewerKind[] = ['teacher', 'otherSchoolTeacher'];
const STAFF: ViewerKind[] = [...TEACHERS, 'organizer'];
const JURORS: ViewerKind[] = ['juror', 'schoolJuror'];
const ANONYMOUS: ViewerKind[] = ['anonymous'];

export const DRIVERS: Record<string, FuzzDriver> = {
  acceptInvitation: { as: ANONYMOUS },
  addCriterion: { as: ORGANIZER },
  addFeedback: { as: STAFF },
  addTrack: { as: ORGANIZER },
  assignJurors: { as: ORGANIZER },
  claimHelpRequest: { as: STAFF, hints: helpRequest },
  createHackathon: { as: ORGANIZER, hints: () => hackathonDates },
  createInvitation: { as: ORGANIZER },
  createPupilAccounts: {
    as: TEACHERS,
    runs: 0.5,
    hints: () => ({ pupils: fc.array(pupilAccount, { minLength: 1, maxLength: 3 }) }),
  },
  createSchool: { as: ORGANIZER },
  createTeam: { as: PUPILS, hints: registration },
  declareConflict: { as: JURORS },
  deleteMyAccount: {
    freshViewer: true,
    runs: 0.5,
    hints: () => ({ password: fc.constant(TEST_PASSWORD) }),
  },
  joinTeam: { as: PUPILS, hints: registration },
  leaveTeam: { as: PUPILS },
  login: { as: ANONYMOUS, runs: 0.5 },
  logout: {},
  logoutEverywhere: {},
  mentorTeam: { as: TEACHERS },
  postAnnouncement: { as: ORGANIZER },
  publishResults: { as: ORGANIZER },
  refreshToken: { as: ANONYMOUS },
  register: { as: ANONYMOUS },
  removeTeamMember: { as: [...PUPILS, ...STAFF] },
  requestHelp: { as: PUPILS },
  resolveHelpRequest: { as: STAFF, hints: helpRequest },
  saveSubmission: { as: PUPILS },
  scoreSubmission: { as: JURORS, hints: (s) => ({ scores: plausibleScores(s) }) },
  setPhase: { as: ORGANIZER },
  submitSubmission: { as: PUPILS },
  suspendUser: { as: ORGANIZER },
  updateHackathon: {
    as: ORGANIZER,
    hints: (s) => ({ ...hackathonDates, id: fc.constantFrom(...s.ids.hackathons) }),
  },
  validatePupil: { as: TEACHERS },
  validateTeacher: { as: ORGANIZER },
  validateTeam: { as: STAFF },
};
