// Submission and mentoring scenarios: a school, a hackathon in a given phase, a team with members and a mentor.
import type { SchoolRow, TestUser } from './factories';
import { createHackathon, HackathonOptions, HackathonRow } from './hackathon-factories';
import { createTeam, TeamRow } from './team-factories';
import type { TestApp } from './test-app';

export interface SubmissionScenario {
  hackathon: HackathonRow;
  school: SchoolRow;
  /** Members of the team (the first is captain). */
  members: TestUser[];
  mentor: TestUser;
  team: TeamRow;
}

/** A team of `size` pupils with a mentor, in a hackathon (BUILDING by default, or the one given). */
export async function submissionScenario(
  t: TestApp,
  options: { hackathon?: HackathonOptions | HackathonRow; size?: number; school?: SchoolRow } = {},
): Promise<SubmissionScenario> {
  const school = options.school ?? (await t.factories.school());
  const given = options.hackathon;
  const hackathon =
    given && 'id' in given
      ? (given as HackathonRow)
      : await createHackathon(t, { phase: 'BUILDING', ...given });
  const members: TestUser[] = [];
  for (let i = 0; i < (options.size ?? 2); i++) members.push(await t.factories.pupil(school.id));
  const mentor = await t.factories.teacher(school.id);
  const team = await createTeam(t, {
    hackathon,
    schoolId: school.id,
    memberIds: members.map((m) => m.id),
    mentorId: mentor.id,
  });
  return { hackathon, school, members, mentor, team };
}

/** Sets a hackathon's phase directly (tests of phase rules). */
export async function setHackathonPhase(
  t: Pick<TestApp, 'db'>,
  hackathonId: string,
  phase: string,
): Promise<void> {
  await t.db.query(`UPDATE hackathons SET phase = $2 WHERE id = $1`, [hackathonId, phase]);
}

/** GraphQL documents of the submissions and mentoring features, for tests. */
export const SUBMISSION_FIELDS = `id title summary description repositoryUrl demoUrl videoUrl status version submittedAt updatedAt`;
export const SUBMISSION_OPS = {
  save: `mutation($teamId: ID!, $input: SubmissionInput!, $expectedVersion: Int) {
    saveSubmission(teamId: $teamId, input: $input, expectedVersion: $expectedVersion) { ${SUBMISSION_FIELDS} } }`,
  submit: `mutation($teamId: ID!) { submitSubmission(teamId: $teamId) { ${SUBMISSION_FIELDS} } }`,
  history: `query($teamId: ID!) { submissionHistory(teamId: $teamId) {
    version title summary description repositoryUrl demoUrl videoUrl savedAt savedBy { id displayName } } }`,
  addFeedback: `mutation($submissionId: ID!, $body: String!) {
    addFeedback(submissionId: $submissionId, body: $body) { id body createdAt author { id displayName } } }`,
  requestHelp: `mutation($teamId: ID!, $topic: String!) {
    requestHelp(teamId: $teamId, topic: $topic) { id topic status createdAt claimedBy { id } team { id name } } }`,
  claimHelp: `mutation($id: ID!) { claimHelpRequest(id: $id) { id status claimedBy { id } } }`,
  resolveHelp: `mutation($id: ID!) { resolveHelpRequest(id: $id) { id status claimedBy { id } } }`,
  helpRequests: `query($hackathonId: ID!, $first: Int, $after: ID) {
    helpRequests(hackathonId: $hackathonId, first: $first, after: $after) { id topic status createdAt team { id name } claimedBy { id } } }`,
};

/** A valid submission input, with overrides. */
export const submissionInput = (over: Record<string, unknown> = {}) => ({
  title: 'Ensemble contre le harcèlement',
  summary: 'Une application pour signaler anonymement.',
  description: '# Notre projet\nUne *belle* description.',
  repositoryUrl: 'https://github.com/example/projet',
  demoUrl: null,
  videoUrl: null,
  ...over,
});

/** The team's submission row and its history, for "nothing changed" assertions. */
export async function submissionSnapshot(t: Pick<TestApp, 'db'>, teamId: string): Promise<string> {
  const rows = await t.db.query(
    `SELECT s.*, (SELECT json_agg(v ORDER BY v.version) FROM submission_versions v WHERE v.submission_id = s.id) AS versions
       FROM submissions s WHERE s.team_id = $1`,
    [teamId],
  );
  return JSON.stringify(rows);
}
