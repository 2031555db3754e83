// The authorisation matrix: for every root field of schema.gql, which viewer may call it.
// One row per Query, Mutation and Subscription field; authorization-matrix.e2e-spec.ts calls
// every row as every viewer and fails on a field without a row. Rules: RULES.md ("People and
// accounts", "Who sees what", the phase table, "Jury", "Leaderboard").
import {
  createHackathon,
  GraphQLClient,
  JURY_OPS,
  PhaseName,
  scoresFor,
  SUBMISSION_OPS,
  submissionInput,
  TEST_PASSWORD,
  TestApp,
  TestUser,
} from '@ensemble/testing';
import { randomBytes } from 'node:crypto';
import { SignedInViewer, VIEWERS, ViewerName, World } from './world';

export type DenyCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND';

/**
 * - allow: the call runs (it succeeds, or fails with exactly `domainError` when the scenario's
 *   state makes it impossible — never for authorisation reasons); when the case names a secret,
 *   the answer contains it.
 * - empty: the call is not refused but the viewer sees nothing: the case's secret is absent
 *   (or, without a secret, the answer is null or an empty list; a subscription still delivers
 *   events, just never the secret).
 * - deny: exactly one error with this code, no data, and nothing changed in the database.
 */
export type Outcome =
  | { readonly kind: 'allow'; readonly domainError?: string }
  | { readonly kind: 'empty' }
  | { readonly kind: 'deny'; readonly code: DenyCode };

export const ALLOW: Outcome = { kind: 'allow' };
export const EMPTY: Outcome = { kind: 'empty' };
export const UNAUTHENTICATED: Outcome = { kind: 'deny', code: 'UNAUTHENTICATED' };
export const FORBIDDEN: Outcome = { kind: 'deny', code: 'FORBIDDEN' };
export const NOT_FOUND: Outcome = { kind: 'deny', code: 'NOT_FOUND' };
/** Authorised, but the scenario's state refuses it with this domain code. */
export const allowedButFails = (domainError: string): Outcome => ({ kind: 'allow', domainError });

export type ViewerOutcomes = Record<ViewerName, Outcome>;

const every = (outcome: Outcome): ViewerOutcomes =>
  Object.fromEntries(VIEWERS.map((v) => [v, outcome])) as ViewerOutcomes;

/** Only these ACTIVE viewers; the anonymous visitor must sign in, everyone else is FORBIDDEN. */
export function only(...allowed: SignedInViewer[]): ViewerOutcomes {
  const outcomes = { ...every(FORBIDDEN), anonymous: UNAUTHENTICATED };
  for (const v of allowed) outcomes[v] = ALLOW;
  return outcomes;
}

/** Signed in or not, any status (sign-in and sessions: RULES.md "People and accounts"). */
const ANYONE: ViewerOutcomes = every(ALLOW);
/** Public operations: a PENDING (or SUSPENDED) account may only see `me`, refresh, log out, export and delete. */
const PUBLIC: ViewerOutcomes = { ...every(ALLOW), pendingPupil: FORBIDDEN };
/** Any signed-in account, PENDING included (its own sessions and data). */
const SIGNED_IN_ANY_STATUS: ViewerOutcomes = { ...every(ALLOW), anonymous: UNAUTHENTICATED };

type Variables = Record<string, unknown>;

export interface CallContext {
  t: TestApp;
  w: World;
  viewer: ViewerName;
  /** The viewer's account (null for the anonymous visitor). */
  user: TestUser | null;
}

export interface Case {
  /** The phase of the scenario's hackathon. */
  phase: PhaseName;
  /** One operation whose only root selection is the row's field (no alias). */
  document: string;
  variables?: (c: CallContext) => Variables | Promise<Variables>;
  viewers: ViewerOutcomes;
  /** Text (usually an id) whose presence in the answer means the viewer saw the protected data. */
  secret?: (w: World, viewer: ViewerName) => string | null | undefined;
  /** An allowed call changes what other rows rely on: each allowed call gets a world of its own. */
  fresh?: boolean;
  /** Subscriptions: makes the server publish; repeated until every accepted subscriber got events. */
  trigger?: (w: World) => Promise<void>;
}

export interface FieldPolicy {
  field: `${'Query' | 'Mutation' | 'Subscription'}.${string}`;
  /** The rule, in words. */
  rule: string;
  cases: Case[];
}

let sequence = 0;
const unique = () =>
  `${Date.now().toString(36)}${(sequence++).toString(36)}${randomBytes(2).toString('hex')}`;
const DAY = 24 * 60 * 60 * 1000;

const hackathonInput = (t: TestApp, slug: string, title: string) => ({
  slug,
  title,
  description: 'Un hackathon contre le harcèlement.',
  registrationClosesAt: new Date(t.clock.now().getTime() + 7 * DAY).toISOString(),
  submissionDeadline: new Date(t.clock.now().getTime() + 14 * DAY).toISOString(),
  minTeamSize: 1,
  maxTeamSize: 4,
});

/** Signs in through the API and returns a refresh token of the viewer (of team A's second member for the anonymous visitor). */
async function refreshTokenOf(c: CallContext): Promise<string> {
  const who = c.user ?? c.w.teammate;
  const anonymous = new GraphQLClient(c.t.baseUrl);
  const { login } = await anonymous.ok<{ login: { refreshToken: string } }>(
    `mutation($login: String!, $password: String!) { login(login: $login, password: $password) { refreshToken } }`,
    { login: who.email, password: TEST_PASSWORD },
  );
  return login.refreshToken;
}

const hackathonOf = ({ w }: CallContext) => ({ h: w.hackathon.id });
const teamAOf = ({ w }: CallContext) => ({ teamId: w.teamA.id });
const postAnnouncement = async (w: World) => {
  await w.users.organizer.client.ok(
    `mutation($h: ID!) { postAnnouncement(hackathonId: $h, title: "Rappel", body: "Pensez à sauvegarder.") { id } }`,
    { h: w.hackathon.id },
  );
};

/** Team A asks, then team B: a subscriber that got B's request would have got A's first. */
const teamAThenTeamBAskForHelp = async (w: World) => {
  for (const [pupil, team] of [
    [w.users.pupil, w.teamA],
    [w.users.otherPupil, w.teamB],
  ] as const) {
    await pupil.client.ok(SUBMISSION_OPS.requestHelp, { teamId: team.id, topic: 'Une question' });
  }
};

export const POLICY: FieldPolicy[] = [
  // ─── Queries ────────────────────────────────────────────────────────────────────────────
  {
    field: 'Query.announcements',
    rule: 'Announcements of a visible hackathon; a DRAFT one looks absent (NOT_FOUND) to all but organizers.',
    cases: [
      {
        phase: 'DRAFT',
        document: `query($h: ID!) { announcements(hackathonId: $h) { id title } }`,
        variables: hackathonOf,
        viewers: { ...every(NOT_FOUND), pendingPupil: FORBIDDEN, organizer: ALLOW },
        secret: (w) => w.announcement,
      },
      {
        phase: 'BUILDING',
        document: `query($h: ID!) { announcements(hackathonId: $h) { id title } }`,
        variables: hackathonOf,
        viewers: PUBLIC,
        secret: (w) => w.announcement,
      },
    ],
  },
  {
    field: 'Query.auditLog',
    rule: 'Organizers only.',
    cases: [
      {
        phase: 'BUILDING',
        document: `query($h: ID!) { auditLog(hackathonId: $h) { id action } }`,
        variables: hackathonOf,
        viewers: only('organizer'),
      },
    ],
  },
  {
    field: 'Query.hackathon',
    rule: 'Public; a DRAFT hackathon is visible to organizers only (null for everyone else).',
    cases: [
      {
        phase: 'DRAFT',
        document: `query($id: ID) { hackathon(id: $id) { id title } }`,
        variables: ({ w }) => ({ id: w.hackathon.id }),
        viewers: { ...every(EMPTY), pendingPupil: FORBIDDEN, organizer: ALLOW },
        secret: (w) => w.hackathon.id,
      },
      {
        phase: 'REGISTRATION',
        document: `query($id: ID) { hackathon(id: $id) { id title } }`,
        variables: ({ w }) => ({ id: w.hackathon.id }),
        viewers: PUBLIC,
        secret: (w) => w.hackathon.id,
      },
    ],
  },
  {
    field: 'Query.hackathons',
    rule: 'Public; DRAFT hackathons are listed to organizers only.',
    cases: [
      {
        phase: 'DRAFT',
        document: `query { hackathons { id title } }`,
        viewers: { ...every(EMPTY), pendingPupil: FORBIDDEN, organizer: ALLOW },
        secret: (w) => w.hackathon.id,
      },
      {
        phase: 'REGISTRATION',
        document: `query { hackathons { id title } }`,
        viewers: PUBLIC,
        secret: (w) => w.hackathon.id,
      },
    ],
  },
  {
    field: 'Query.helpRequests',
    rule: 'Teachers see their school’s help requests, organizers all.',
    cases: [
      {
        phase: 'BUILDING',
        document: `query($h: ID!) { helpRequests(hackathonId: $h) { id topic team { id } } }`,
        variables: hackathonOf,
        viewers: { ...only('teacher', 'organizer'), otherTeacher: EMPTY },
        secret: (w) => w.helpRequestA,
      },
    ],
  },
  {
    field: 'Query.jurorScoreDistribution',
    rule: 'Organizers only (how lenient or severe each juror is).',
    cases: [
      {
        phase: 'JUDGING',
        document: `query($h: ID!) { jurorScoreDistribution(hackathonId: $h) { juror { id } count pending } }`,
        variables: hackathonOf,
        viewers: only('organizer'),
        secret: (w) => w.users.juror.id,
      },
    ],
  },
  {
    field: 'Query.juryAssignments',
    rule: 'Every assignment of a hackathon: organizers only (a juror sees only their own).',
    cases: [
      {
        phase: 'JUDGING',
        document: `query($h: ID!) { juryAssignments(hackathonId: $h) { id status } }`,
        variables: hackathonOf,
        viewers: only('organizer'),
        secret: (w) => w.assignmentA,
      },
    ],
  },
  {
    field: 'Query.leaderboard',
    rule: 'Organizers while judging (FORBIDDEN to everyone else, anonymous included); everyone once published.',
    cases: [
      {
        phase: 'JUDGING',
        document: `query($h: ID!) { leaderboard(hackathonId: $h) { published entries { rank team { id } } } }`,
        variables: hackathonOf,
        viewers: { ...every(FORBIDDEN), organizer: ALLOW },
        secret: (w) => w.teamA.id,
      },
      {
        phase: 'RESULTS',
        document: `query($h: ID!) { leaderboard(hackathonId: $h) { published entries { rank team { id } } } }`,
        variables: hackathonOf,
        viewers: PUBLIC,
        secret: (w) => w.teamA.id,
      },
    ],
  },
  {
    field: 'Query.me',
    rule: 'Anyone, PENDING included; null when nobody is signed in.',
    cases: [
      {
        phase: 'BUILDING',
        document: `query { me { id role status } }`,
        viewers: { ...ANYONE, anonymous: EMPTY },
        secret: (w, viewer) => w.user(viewer)?.id,
      },
    ],
  },
  {
    field: 'Query.myAssignments',
    rule: 'Any active account may ask; a juror sees only their own assignments, others nothing.',
    cases: [
      {
        phase: 'JUDGING',
        document: `query($h: ID!) { myAssignments(hackathonId: $h) { id status } }`,
        variables: hackathonOf,
        viewers: {
          ...every(EMPTY),
          anonymous: UNAUTHENTICATED,
          pendingPupil: FORBIDDEN,
          juror: ALLOW,
        },
        secret: (w) => w.assignmentA,
      },
    ],
  },
  {
    field: 'Query.myTeams',
    rule: 'Any active account; members and the mentor see the team, others do not.',
    cases: [
      {
        phase: 'BUILDING',
        document: `query { myTeams { id name } }`,
        viewers: {
          ...every(EMPTY),
          anonymous: UNAUTHENTICATED,
          pendingPupil: FORBIDDEN,
          pupil: ALLOW,
          teacher: ALLOW,
        },
        secret: (w) => w.teamA.id,
      },
    ],
  },
  {
    field: 'Query.pendingPupils',
    rule: 'Teachers see their school’s pending pupils, organizers all.',
    cases: [
      {
        phase: 'BUILDING',
        document: `query { pendingPupils { id displayName } }`,
        viewers: { ...only('teacher', 'organizer'), otherTeacher: EMPTY },
        secret: (w) => w.users.pendingPupil.id,
      },
    ],
  },
  {
    field: 'Query.pendingTeachers',
    rule: 'Organizers only (they validate teachers).',
    cases: [
      {
        phase: 'BUILDING',
        document: `query { pendingTeachers(first: 100) { id displayName } }`,
        viewers: only('organizer'),
        secret: (w) => w.pendingTeacher.id,
      },
    ],
  },
  {
    field: 'Query.projectGallery',
    rule: 'Like the leaderboard: organizers while judging (FORBIDDEN to everyone else, anonymous included); everyone once published.',
    cases: [
      {
        phase: 'JUDGING',
        document: `query($h: ID!) { projectGallery(hackathonId: $h, first: 50) { id name } }`,
        variables: hackathonOf,
        viewers: { ...every(FORBIDDEN), organizer: ALLOW },
        secret: (w) => w.teamA.id,
      },
      {
        phase: 'RESULTS',
        document: `query($h: ID!) { projectGallery(hackathonId: $h, first: 50) { id name } }`,
        variables: hackathonOf,
        viewers: PUBLIC,
        secret: (w) => w.teamA.id,
      },
    ],
  },
  {
    field: 'Query.schools',
    rule: 'Public (sign-up needs it).',
    cases: [
      {
        phase: 'BUILDING',
        document: `query($search: String) { schools(search: $search) { id name } }`,
        variables: ({ w }) => ({ search: w.schoolA.name }),
        viewers: PUBLIC,
        secret: (w) => w.schoolA.id,
      },
    ],
  },
  {
    field: 'Query.submissionHistory',
    rule: 'Organizers only.',
    cases: [
      {
        phase: 'BUILDING',
        document: `query($teamId: ID!) { submissionHistory(teamId: $teamId) { version title } }`,
        variables: teamAOf,
        viewers: only('organizer'),
        secret: (w) => w.submissionTitleA,
      },
    ],
  },
  {
    field: 'Query.team',
    rule: 'Members, teachers of its school, organizers and jurors assigned to its submission; everyone once results are published; anyone else FORBIDDEN (anonymous included).',
    cases: [
      {
        phase: 'JUDGING',
        document: `query($id: ID!) { team(id: $id) { id name } }`,
        variables: ({ w }) => ({ id: w.teamA.id }),
        viewers: {
          ...every(FORBIDDEN),
          pupil: ALLOW,
          teacher: ALLOW,
          juror: ALLOW,
          organizer: ALLOW,
        },
        secret: (w) => w.teamA.id,
      },
      {
        phase: 'RESULTS',
        document: `query($id: ID!) { team(id: $id) { id name } }`,
        variables: ({ w }) => ({ id: w.teamA.id }),
        viewers: PUBLIC,
        secret: (w) => w.teamA.id,
      },
    ],
  },
  {
    field: 'Query.teamHelpRequests',
    rule: 'The team’s members and mentor, teachers of its school and organizers; never jurors nor other schools.',
    cases: [
      {
        phase: 'BUILDING',
        document: `query($teamId: ID!) { teamHelpRequests(teamId: $teamId) { id topic status } }`,
        variables: teamAOf,
        viewers: only('pupil', 'teacher', 'organizer'),
        secret: (w) => w.helpRequestA,
      },
    ],
  },
  {
    field: 'Query.teams',
    rule: 'Organizers see every team, teachers their school’s; others FORBIDDEN.',
    cases: [
      {
        phase: 'BUILDING',
        document: `query($h: ID!) { teams(hackathonId: $h) { id name } }`,
        variables: hackathonOf,
        viewers: { ...only('teacher', 'organizer'), otherTeacher: EMPTY },
        secret: (w) => w.teamA.id,
      },
    ],
  },
  {
    field: 'Query.users',
    rule: 'Organizers only (the account directory).',
    cases: [
      {
        phase: 'BUILDING',
        document: `query($search: String) { users(search: $search) { id } }`,
        variables: ({ w }) => ({ search: w.users.pupil.email }),
        viewers: only('organizer'),
        secret: (w) => w.users.pupil.id,
      },
    ],
  },

  // ─── Mutations ──────────────────────────────────────────────────────────────────────────
  {
    field: 'Mutation.acceptInvitation',
    rule: 'Public: whoever holds the code (not a PENDING account).',
    cases: [
      {
        phase: 'BUILDING',
        document: `mutation($code: String!, $password: String!) {
          acceptInvitation(code: $code, password: $password, firstName: "Alex", lastName: "Martin") { user { id role } } }`,
        variables: async ({ w }) => {
          const { createInvitation } = await w.users.organizer.client.ok<{
            createInvitation: string;
          }>(`mutation($email: String!) { createInvitation(role: JUROR, email: $email) }`, {
            email: `invite-${unique()}@test.ensemble.fr`,
          });
          return { code: createInvitation, password: TEST_PASSWORD };
        },
        viewers: PUBLIC,
      },
    ],
  },
  {
    field: 'Mutation.addCriterion',
    rule: 'Organizers, before JUDGING.',
    cases: [
      {
        phase: 'REGISTRATION',
        document: `mutation($h: ID!) { addCriterion(hackathonId: $h, input: { name: "Impact", description: "Ce que ça change", weight: 1, maxScore: 10 }) { id } }`,
        variables: hackathonOf,
        viewers: only('organizer'),
      },
    ],
  },
  {
    field: 'Mutation.addFeedback',
    rule: 'The team’s mentor or an organizer.',
    cases: [
      {
        phase: 'BUILDING',
        document: `mutation($s: ID!) { addFeedback(submissionId: $s, body: "Très bonne idée, précisez le public visé.") { id } }`,
        variables: ({ w }) => ({ s: w.submissionA }),
        viewers: only('teacher', 'organizer'),
      },
    ],
  },
  {
    field: 'Mutation.addTrack',
    rule: 'Organizers.',
    cases: [
      {
        phase: 'REGISTRATION',
        document: `mutation($h: ID!) { addTrack(hackathonId: $h, input: { name: "Prévention", description: "Agir avant" }) { id } }`,
        variables: hackathonOf,
        viewers: only('organizer'),
      },
    ],
  },
  {
    field: 'Mutation.assignJurors',
    rule: 'Organizers, in JUDGING.',
    cases: [
      {
        phase: 'JUDGING',
        document: `mutation($h: ID!) { assignJurors(hackathonId: $h, jurorsPerSubmission: 1) { assignments } }`,
        variables: hackathonOf,
        viewers: only('organizer'),
      },
    ],
  },
  {
    field: 'Mutation.claimHelpRequest',
    rule: 'Teachers of the team’s school and organizers.',
    cases: [
      {
        phase: 'BUILDING',
        document: `mutation($id: ID!) { claimHelpRequest(id: $id) { id status } }`,
        variables: ({ w }) => ({ id: w.helpRequestA }),
        viewers: only('teacher', 'organizer'),
        fresh: true,
      },
    ],
  },
  {
    field: 'Mutation.createHackathon',
    rule: 'Organizers.',
    cases: [
      {
        phase: 'BUILDING',
        document: `mutation($input: HackathonInput!) { createHackathon(input: $input) { id phase } }`,
        variables: ({ t }) => ({
          input: hackathonInput(t, `matrix-${unique()}`, 'Hackathon de la matrice'),
        }),
        viewers: only('organizer'),
      },
    ],
  },
  {
    field: 'Mutation.createInvitation',
    rule: 'Organizers.',
    cases: [
      {
        phase: 'BUILDING',
        document: `mutation($email: String!) { createInvitation(role: JUROR, email: $email) }`,
        variables: () => ({ email: `invite-${unique()}@test.ensemble.fr` }),
        viewers: only('organizer'),
      },
    ],
  },
  {
    field: 'Mutation.createPupilAccounts',
    rule: 'Active teachers, for their own school.',
    cases: [
      {
        phase: 'BUILDING',
        document: `mutation($year: Int!) { createPupilAccounts(pupils: [{ firstName: "Léa", lastName: "Petit", birthYear: $year, parentalConsentConfirmed: true }]) { login user { id } } }`,
        variables: ({ t }) => ({ year: t.clock.now().getUTCFullYear() - 13 }),
        viewers: only('teacher', 'otherTeacher'),
      },
    ],
  },
  {
    field: 'Mutation.createSchool',
    rule: 'Organizers.',
    cases: [
      {
        phase: 'BUILDING',
        document: `mutation($uai: String!) { createSchool(input: { uai: $uai, name: "Collège de la Matrice", city: "Aix", department: "13", level: COLLEGE }) { id } }`,
        variables: () => ({
          uai: `${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}${'ABCDEFGHJKLMNPRSTUVWXYZ'[Math.floor(Math.random() * 23)]}`,
        }),
        viewers: only('organizer'),
      },
    ],
  },
  {
    field: 'Mutation.createTeam',
    rule: 'Active pupils (not yet in a team of the hackathon), during registration.',
    cases: [
      {
        phase: 'REGISTRATION',
        document: `mutation($input: TeamInput!) { createTeam(input: $input) { id } }`,
        // A hackathon of its own: the scenario's pupils already have a team in the world's one.
        variables: async ({ t }) => {
          const spare = await createHackathon(t, { phase: 'REGISTRATION' });
          return {
            input: {
              hackathonId: spare.id,
              trackId: spare.trackIds[0],
              name: `Les Solidaires ${unique()}`,
            },
          };
        },
        viewers: only('pupil', 'otherPupil'),
      },
    ],
  },
  {
    field: 'Mutation.declareConflict',
    rule: 'Only the juror the assignment belongs to, in JUDGING.',
    cases: [
      {
        phase: 'JUDGING',
        document: `mutation($id: ID!) { declareConflict(assignmentId: $id, reason: "Je connais un membre de l’équipe.") { id status } }`,
        variables: ({ w }) => ({ id: w.assignmentA }),
        viewers: only('juror'),
        fresh: true,
      },
    ],
  },
  {
    field: 'Mutation.deleteMyAccount',
    rule: 'Any signed-in account, PENDING included (its own data).',
    cases: [
      {
        phase: 'BUILDING',
        document: `mutation($password: String!) { deleteMyAccount(password: $password) }`,
        variables: () => ({ password: TEST_PASSWORD }),
        viewers: SIGNED_IN_ANY_STATUS,
        fresh: true,
      },
    ],
  },
  {
    field: 'Mutation.joinTeam',
    rule: 'Active pupils of the team’s school (FORBIDDEN for other schools); a member joining again is a CONFLICT.',
    cases: [
      {
        phase: 'REGISTRATION',
        document: `mutation($code: String!) { joinTeam(inviteCode: $code) { id } }`,
        variables: ({ w }) => ({ code: w.teamA.inviteCode }),
        viewers: { ...only(), pupil: allowedButFails('CONFLICT') },
      },
    ],
  },
  {
    field: 'Mutation.leaveTeam',
    rule: 'Members of the team.',
    cases: [
      {
        phase: 'BUILDING',
        document: `mutation($teamId: ID!) { leaveTeam(teamId: $teamId) }`,
        variables: teamAOf,
        viewers: only('pupil'),
        fresh: true,
      },
    ],
  },
  {
    field: 'Mutation.login',
    rule: 'Anyone; PENDING and SUSPENDED accounts may sign in.',
    cases: [
      {
        phase: 'BUILDING',
        document: `mutation($login: String!, $password: String!) { login(login: $login, password: $password) { user { id } } }`,
        variables: ({ w, user }) => ({
          login: (user ?? w.teammate).email,
          password: TEST_PASSWORD,
        }),
        viewers: ANYONE,
      },
    ],
  },
  {
    field: 'Mutation.logout',
    rule: 'Whoever holds the refresh token, any status.',
    cases: [
      {
        phase: 'BUILDING',
        document: `mutation($token: String!) { logout(refreshToken: $token) }`,
        variables: async (c) => ({ token: await refreshTokenOf(c) }),
        viewers: ANYONE,
      },
    ],
  },
  {
    field: 'Mutation.logoutEverywhere',
    rule: 'Any signed-in account, PENDING included.',
    cases: [
      {
        phase: 'BUILDING',
        document: `mutation { logoutEverywhere }`,
        viewers: SIGNED_IN_ANY_STATUS,
        fresh: true,
      },
    ],
  },
  {
    field: 'Mutation.mentorTeam',
    rule: 'Active teachers of the team’s school.',
    cases: [
      {
        phase: 'BUILDING',
        document: `mutation($teamId: ID!) { mentorTeam(teamId: $teamId) { id mentor { id } } }`,
        variables: teamAOf,
        viewers: only('teacher'),
      },
    ],
  },
  {
    field: 'Mutation.postAnnouncement',
    rule: 'Organizers.',
    cases: [
      {
        phase: 'BUILDING',
        document: `mutation($h: ID!) { postAnnouncement(hackathonId: $h, title: "Rappel", body: "Pensez à sauvegarder.") { id } }`,
        variables: hackathonOf,
        viewers: only('organizer'),
      },
    ],
  },
  {
    field: 'Mutation.publishResults',
    rule: 'Organizers, from JUDGING.',
    cases: [
      {
        phase: 'JUDGING',
        document: `mutation($h: ID!) { publishResults(hackathonId: $h) { published } }`,
        variables: hackathonOf,
        viewers: only('organizer'),
        fresh: true,
      },
    ],
  },
  {
    field: 'Mutation.refreshToken',
    rule: 'Whoever holds the refresh token, any status.',
    cases: [
      {
        phase: 'BUILDING',
        document: `mutation($token: String!) { refreshToken(refreshToken: $token) { user { id } } }`,
        variables: async (c) => ({ token: await refreshTokenOf(c) }),
        viewers: ANYONE,
      },
    ],
  },
  {
    field: 'Mutation.register',
    rule: 'Public sign-up (not from a PENDING account).',
    cases: [
      {
        phase: 'BUILDING',
        document: `mutation($input: RegisterInput!) { register(input: $input) { user { id status } } }`,
        variables: ({ t, w }) => ({
          input: {
            role: 'PUPIL',
            email: `register-${unique()}@test.ensemble.fr`,
            password: TEST_PASSWORD,
            firstName: 'Noé',
            lastName: 'Bernard',
            birthYear: t.clock.now().getUTCFullYear() - 16,
            schoolId: w.schoolA.id,
          },
        }),
        viewers: PUBLIC,
      },
    ],
  },
  {
    field: 'Mutation.removeTeamMember',
    rule: 'The captain, the mentor or an organizer.',
    cases: [
      {
        phase: 'BUILDING',
        document: `mutation($teamId: ID!, $userId: ID!) { removeTeamMember(teamId: $teamId, userId: $userId) { id } }`,
        variables: ({ w }) => ({ teamId: w.teamA.id, userId: w.teammate.id }),
        viewers: only('pupil', 'teacher', 'organizer'),
        fresh: true,
      },
    ],
  },
  {
    field: 'Mutation.requestHelp',
    rule: 'Members of the team.',
    cases: [
      {
        phase: 'BUILDING',
        document: SUBMISSION_OPS.requestHelp,
        variables: ({ w }) => ({ teamId: w.teamA.id, topic: 'Comment déployer notre site ?' }),
        viewers: only('pupil'),
      },
    ],
  },
  {
    field: 'Mutation.resolveHelpRequest',
    rule: 'Teachers of the team’s school and organizers.',
    cases: [
      {
        phase: 'BUILDING',
        document: `mutation($id: ID!) { resolveHelpRequest(id: $id) { id status } }`,
        variables: ({ w }) => ({ id: w.helpRequestA }),
        viewers: only('teacher', 'organizer'),
        fresh: true,
      },
    ],
  },
  {
    field: 'Mutation.saveSubmission',
    rule: 'Members of the team, until the deadline.',
    cases: [
      {
        phase: 'BUILDING',
        document: `mutation($teamId: ID!, $input: SubmissionInput!) { saveSubmission(teamId: $teamId, input: $input) { id version } }`,
        variables: ({ w }) => ({
          teamId: w.teamA.id,
          input: submissionInput({ title: w.submissionTitleA }),
        }),
        viewers: only('pupil'),
      },
    ],
  },
  {
    field: 'Mutation.scoreSubmission',
    rule: 'Only the assigned juror, in JUDGING.',
    cases: [
      {
        phase: 'JUDGING',
        document: JURY_OPS.score,
        variables: ({ w }) => ({
          id: w.assignmentA,
          scores: scoresFor(w.hackathon, [7, 15]),
          comment: 'Clair et utile.',
        }),
        viewers: only('juror'),
        fresh: true,
      },
    ],
  },
  {
    field: 'Mutation.setPhase',
    rule: 'Organizers.',
    cases: [
      {
        phase: 'REGISTRATION',
        document: `mutation($h: ID!) { setPhase(hackathonId: $h, phase: BUILDING) { id phase } }`,
        variables: hackathonOf,
        viewers: only('organizer'),
        fresh: true,
      },
    ],
  },
  {
    field: 'Mutation.submitSubmission',
    rule: 'Members of the team, until the deadline.',
    cases: [
      {
        phase: 'BUILDING',
        document: `mutation($teamId: ID!) { submitSubmission(teamId: $teamId) { id status } }`,
        variables: teamAOf,
        viewers: only('pupil'),
        fresh: true,
      },
    ],
  },
  {
    field: 'Mutation.suspendUser',
    rule: 'Organizers.',
    cases: [
      {
        phase: 'BUILDING',
        document: `mutation($userId: ID!) { suspendUser(userId: $userId) { id status } }`,
        variables: ({ w }) => ({ userId: w.teammate.id }),
        viewers: only('organizer'),
        fresh: true,
      },
    ],
  },
  {
    field: 'Mutation.updateHackathon',
    rule: 'Organizers.',
    cases: [
      {
        phase: 'REGISTRATION',
        document: `mutation($id: ID!, $input: HackathonInput!) { updateHackathon(id: $id, input: $input) { id title } }`,
        variables: ({ t, w }) => ({
          id: w.hackathon.id,
          input: hackathonInput(t, w.hackathon.slug, 'Titre corrigé'),
        }),
        viewers: only('organizer'),
        fresh: true,
      },
    ],
  },
  {
    field: 'Mutation.validatePupil',
    rule: 'Active teachers of the pupil’s school (organizers do not validate pupils).',
    cases: [
      {
        phase: 'BUILDING',
        document: `mutation($userId: ID!) { validatePupil(userId: $userId, parentalConsentConfirmed: true) { id status } }`,
        variables: ({ w }) => ({ userId: w.users.pendingPupil.id }),
        viewers: only('teacher'),
        fresh: true,
      },
    ],
  },
  {
    field: 'Mutation.validateTeacher',
    rule: 'Organizers.',
    cases: [
      {
        phase: 'BUILDING',
        document: `mutation($userId: ID!) { validateTeacher(userId: $userId) { id status } }`,
        variables: ({ w }) => ({ userId: w.pendingTeacher.id }),
        viewers: only('organizer'),
        fresh: true,
      },
    ],
  },
  {
    field: 'Mutation.validateTeam',
    rule: 'The team’s mentor or an organizer.',
    cases: [
      {
        phase: 'BUILDING',
        document: `mutation($teamId: ID!) { validateTeam(teamId: $teamId) { id status } }`,
        variables: teamAOf,
        viewers: only('teacher', 'organizer'),
        fresh: true,
      },
    ],
  },

  // ─── Subscriptions ──────────────────────────────────────────────────────────────────────
  {
    field: 'Subscription.announcementPosted',
    rule: 'Anyone who can see the hackathon (anonymous included); a DRAFT one looks absent to all but organizers.',
    cases: [
      {
        phase: 'DRAFT',
        document: `subscription($h: ID!) { announcementPosted(hackathonId: $h) { id title } }`,
        variables: hackathonOf,
        viewers: { ...every(NOT_FOUND), pendingPupil: FORBIDDEN, organizer: ALLOW },
        trigger: postAnnouncement,
      },
      {
        phase: 'BUILDING',
        document: `subscription($h: ID!) { announcementPosted(hackathonId: $h) { id title } }`,
        variables: hackathonOf,
        viewers: PUBLIC,
        trigger: postAnnouncement,
      },
    ],
  },
  {
    field: 'Subscription.helpRequestChanged',
    rule: 'Teachers get their school’s help requests, organizers all; with teamId, that team’s requests for its members, its school’s teachers and organizers.',
    cases: [
      {
        phase: 'BUILDING',
        document: `subscription($h: ID!) { helpRequestChanged(hackathonId: $h) { id team { id } } }`,
        variables: hackathonOf,
        viewers: { ...only('teacher', 'organizer'), otherTeacher: EMPTY },
        secret: (w) => w.teamA.id,
        trigger: teamAThenTeamBAskForHelp,
      },
      {
        phase: 'BUILDING',
        document: `subscription($h: ID!, $teamId: ID) { helpRequestChanged(hackathonId: $h, teamId: $teamId) { id team { id } } }`,
        variables: ({ w }) => ({ h: w.hackathon.id, teamId: w.teamA.id }),
        viewers: only('pupil', 'teacher', 'organizer'),
        secret: (w) => w.teamA.id,
        trigger: teamAThenTeamBAskForHelp,
      },
    ],
  },
  {
    field: 'Subscription.leaderboardUpdated',
    rule: 'Organizers while judging (FORBIDDEN to everyone else, anonymous included); everyone once published. The current board arrives on subscribing.',
    cases: [
      {
        phase: 'JUDGING',
        document: `subscription($h: ID!) { leaderboardUpdated(hackathonId: $h) { published entries { team { id } } } }`,
        variables: hackathonOf,
        viewers: { ...every(FORBIDDEN), organizer: ALLOW },
        secret: (w) => w.teamA.id,
      },
      {
        phase: 'RESULTS',
        document: `subscription($h: ID!) { leaderboardUpdated(hackathonId: $h) { published entries { team { id } } } }`,
        variables: hackathonOf,
        viewers: PUBLIC,
        secret: (w) => w.teamA.id,
      },
    ],
  },
];
