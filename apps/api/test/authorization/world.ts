// The scenario the authorisation matrix runs in: one hackathon in a given phase, two schools with
// their teams, and one account for every kind of viewer the policy table speaks of.
import {
  createAssignment,
  createHackathon,
  createTeam,
  GraphQLClient,
  HackathonRow,
  JURY_OPS,
  PhaseName,
  SchoolRow,
  SUBMISSION_OPS,
  submissionInput,
  TeamRow,
  TestApp,
  TestUser,
} from '@ensemble/testing';

/** Every viewer of the matrix, in the order the report lists them. */
export const VIEWERS = [
  'anonymous',
  'pendingPupil',
  'pupil',
  'otherPupil',
  'teacher',
  'otherTeacher',
  'juror',
  'otherJuror',
  'organizer',
] as const;
export type ViewerName = (typeof VIEWERS)[number];
export type SignedInViewer = Exclude<ViewerName, 'anonymous'>;

/** What each viewer is, in the words of the issue (used in failure messages). */
export const VIEWER_LABELS: Record<ViewerName, string> = {
  anonymous: 'anonymous visitor',
  pendingPupil: 'PENDING pupil of school A',
  pupil: 'pupil of team A (its captain)',
  otherPupil: 'pupil of team B (another team, school B)',
  teacher: 'teacher of school A (team A’s mentor)',
  otherTeacher: 'teacher of school B (team B’s mentor)',
  juror: 'juror assigned to team A’s submission',
  otherJuror: 'juror not assigned to team A (assigned to team B)',
  organizer: 'organizer',
};

export interface World {
  phase: PhaseName;
  hackathon: HackathonRow;
  schoolA: SchoolRow;
  schoolB: SchoolRow;
  users: Record<SignedInViewer, TestUser>;
  /** Team A's second member (not a viewer): the one removed or suspended by allowed calls. */
  teammate: TestUser;
  /** A PENDING teacher of school A, for validateTeacher. */
  pendingTeacher: TestUser;
  /** Captain: `pupil`, member: `teammate`, mentor: `teacher`. */
  teamA: TeamRow;
  /** Captain: `otherPupil`, mentor: `otherTeacher`. */
  teamB: TeamRow;
  submissionA: string;
  /** Title of team A's submission, unique to this world (a marker of its content). */
  submissionTitleA: string;
  submissionB: string;
  /** The assigned juror's assignment on team A's submission (JUDGING and RESULTS only). */
  assignmentA: string | null;
  /** The other juror's assignment on team B's submission (JUDGING and RESULTS only). */
  assignmentB: string | null;
  /** An OPEN help request of team A. */
  helpRequestA: string;
  /** An announcement of the hackathon. */
  announcement: string;
  /** The user behind a viewer (null for the anonymous visitor). */
  user(viewer: ViewerName): TestUser | null;
  /** A GraphQL client for a viewer (the anonymous one has no token). */
  client(viewer: ViewerName): GraphQLClient;
}

const JUDGED_PHASES: PhaseName[] = ['JUDGING', 'RESULTS', 'ARCHIVED'];
const OPEN_PHASES: PhaseName[] = ['REGISTRATION', 'BUILDING'];

/**
 * Builds a world whose hackathon is in `phase`. Rows are written with the test-kit factories;
 * what the API can do in that phase (saving the submission, asking for help, publishing the
 * results) goes through the API. Teams exist whatever the phase, so that every row can name
 * them — even in DRAFT, where the rows only ask whether the hackathon itself is visible.
 */
export async function buildWorld(t: TestApp, phase: PhaseName): Promise<World> {
  const f = t.factories;
  const judged = JUDGED_PHASES.includes(phase);
  const hackathon = await createHackathon(t, { phase: phase === 'RESULTS' ? 'JUDGING' : phase });
  const [schoolA, schoolB] = await Promise.all([f.school(), f.school({ level: 'LYCEE' })]);
  const [pendingPupil, pupil, teammate, otherPupil, teacher, otherTeacher, pendingTeacher] =
    await Promise.all([
      f.pupil(schoolA.id, { status: 'PENDING' }),
      f.pupil(schoolA.id),
      f.pupil(schoolA.id),
      f.pupil(schoolB.id),
      f.teacher(schoolA.id),
      f.teacher(schoolB.id),
      f.teacher(schoolA.id, { status: 'PENDING' }),
    ]);
  const [juror, otherJuror, organizer] = await Promise.all([f.juror(), f.juror(), f.organizer()]);
  const users: Record<SignedInViewer, TestUser> = {
    pendingPupil,
    pupil,
    otherPupil,
    teacher,
    otherTeacher,
    juror,
    otherJuror,
    organizer,
  };

  const teamStatus = judged ? 'VALIDATED' : 'FORMING';
  const teamA = await createTeam(t, {
    hackathon,
    schoolId: schoolA.id,
    memberIds: [pupil.id, teammate.id],
    mentorId: teacher.id,
    status: teamStatus,
  });
  const teamB = await createTeam(t, {
    hackathon,
    schoolId: schoolB.id,
    memberIds: [otherPupil.id],
    mentorId: otherTeacher.id,
    status: teamStatus,
  });

  const submissionTitleA = `Projet ${teamA.name}`;
  const submit = async (team: TeamRow, member: TestUser, title: string): Promise<string> => {
    if (OPEN_PHASES.includes(phase)) {
      const { saveSubmission } = await member.client.ok<{ saveSubmission: { id: string } }>(
        SUBMISSION_OPS.save,
        { teamId: team.id, input: submissionInput({ title }) },
      );
      return saveSubmission.id;
    }
    const [{ id }] = await t.db.query(
      `INSERT INTO submissions (team_id, hackathon_id, title, summary, description, status, submitted_at)
       VALUES ($1, $2, $3, 'Résumé', 'Description', $4, $5) RETURNING id`,
      [team.id, hackathon.id, title, judged ? 'SUBMITTED' : 'DRAFT', judged ? new Date() : null],
    );
    return id;
  };
  const submissionA = await submit(teamA, pupil, submissionTitleA);
  const submissionB = await submit(teamB, otherPupil, `Projet ${teamB.name}`);

  let helpRequestA: string;
  if (OPEN_PHASES.includes(phase)) {
    const { requestHelp } = await pupil.client.ok<{ requestHelp: { id: string } }>(
      SUBMISSION_OPS.requestHelp,
      { teamId: teamA.id, topic: 'Notre base de données refuse de démarrer' },
    );
    helpRequestA = requestHelp.id;
  } else {
    [{ id: helpRequestA }] = await t.db.query(
      `INSERT INTO help_requests (team_id, hackathon_id, school_id, topic, requested_by)
       VALUES ($1, $2, $3, 'Notre base de données refuse de démarrer', $4) RETURNING id`,
      [teamA.id, hackathon.id, schoolA.id, pupil.id],
    );
  }

  const [{ id: announcement }] = await t.db.query(
    `INSERT INTO announcements (hackathon_id, author_id, title, body) VALUES ($1, $2, 'Bienvenue', 'Bon courage à toutes les équipes !') RETURNING id`,
    [hackathon.id, organizer.id],
  );

  let assignmentA: string | null = null;
  let assignmentB: string | null = null;
  if (judged) {
    assignmentA = await createAssignment(t, hackathon.id, submissionA, juror.id);
    assignmentB = await createAssignment(t, hackathon.id, submissionB, otherJuror.id);
  }
  if (phase === 'RESULTS') {
    await organizer.client.ok(JURY_OPS.publish, { hackathonId: hackathon.id });
    hackathon.phase = 'RESULTS';
  }

  return {
    phase,
    hackathon,
    schoolA,
    schoolB,
    users,
    teammate,
    pendingTeacher,
    teamA,
    teamB,
    submissionA,
    submissionTitleA,
    submissionB,
    assignmentA,
    assignmentB,
    helpRequestA,
    announcement,
    user: (viewer) => (viewer === 'anonymous' ? null : users[viewer]),
    client: (viewer) => (viewer === 'anonymous' ? t.client : users[viewer].client),
  };
}
