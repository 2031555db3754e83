// Jury and leaderboard scenarios: judged teams (VALIDATED + SUBMITTED), jurors, assignments, scores.
import type { SchoolRow, TestUser } from './factories';
import { createHackathon, HackathonOptions, HackathonRow } from './hackathon-factories';
import { createTeam } from './team-factories';
import type { TestApp } from './test-app';

export interface JudgedTeam {
  id: string;
  name: string;
  schoolId: string;
  trackId: string;
  submissionId: string;
}

let sequence = 0;

/** A team with a submission, judged by default (team VALIDATED, submission SUBMITTED). */
export async function createJudgedTeam(
  t: Pick<TestApp, 'db'>,
  options: {
    hackathon: HackathonRow;
    schoolId: string;
    name?: string;
    trackId?: string;
    teamStatus?: 'FORMING' | 'VALIDATED' | 'WITHDRAWN' | 'DISQUALIFIED';
    submissionStatus?: 'DRAFT' | 'SUBMITTED';
    memberIds?: string[];
  },
): Promise<JudgedTeam> {
  const team = await createTeam(t, {
    hackathon: options.hackathon,
    schoolId: options.schoolId,
    name: options.name ?? `Judged ${Date.now().toString(36)}${(sequence++).toString(36)}`,
    trackId: options.trackId,
    status: options.teamStatus ?? 'VALIDATED',
    memberIds: options.memberIds,
  });
  const status = options.submissionStatus ?? 'SUBMITTED';
  const [{ id: submissionId }] = await t.db.query(
    `INSERT INTO submissions (team_id, hackathon_id, title, summary, description, status, submitted_at)
     VALUES ($1, $2, $3, 'Résumé', 'Description', $4, $5) RETURNING id`,
    [
      team.id,
      options.hackathon.id,
      `Projet ${team.name}`,
      status,
      status === 'SUBMITTED' ? new Date() : null,
    ],
  );
  return {
    id: team.id,
    name: team.name,
    schoolId: team.schoolId,
    trackId: team.trackId,
    submissionId,
  };
}

/** Inserts an assignment directly (bypassing assignJurors). */
export async function createAssignment(
  t: Pick<TestApp, 'db'>,
  hackathonId: string,
  submissionId: string,
  jurorId: string,
  status: 'PENDING' | 'DONE' | 'RECUSED' = 'PENDING',
): Promise<string> {
  const [{ id }] = await t.db.query(
    `INSERT INTO jury_assignments (hackathon_id, submission_id, juror_id, status) VALUES ($1, $2, $3, $4) RETURNING id`,
    [hackathonId, submissionId, jurorId, status],
  );
  return id;
}

export interface JudgingScenario {
  hackathon: HackathonRow;
  schools: SchoolRow[];
  teams: JudgedTeam[];
  jurors: TestUser[];
  organizer: TestUser;
}

/**
 * Jurors are platform-wide (every ACTIVE juror may be assigned): suspends every other juror
 * so a test sees only its own.
 */
export async function onlyTheseJurors(t: Pick<TestApp, 'db'>, jurorIds: string[]): Promise<void> {
  await t.db.query(
    `UPDATE users SET status = 'SUSPENDED' WHERE role = 'JUROR' AND status = 'ACTIVE' AND id <> ALL($1::uuid[])`,
    [jurorIds],
  );
}

/**
 * A JUDGING hackathon with `teams` judged teams spread over `schools` schools (round robin),
 * and `jurors` outside jurors (no school), the only ACTIVE jurors of the platform.
 */
export async function judgingScenario(
  t: TestApp,
  options: {
    teams?: number;
    jurors?: number;
    schools?: number;
    teamNames?: string[];
    hackathon?: HackathonOptions;
  } = {},
): Promise<JudgingScenario> {
  const hackathon = await createHackathon(t, { phase: 'JUDGING', ...options.hackathon });
  const schools: SchoolRow[] = [];
  for (let i = 0; i < (options.schools ?? 2); i++)
    schools.push(await t.factories.school({ level: i % 2 ? 'LYCEE' : 'COLLEGE' }));
  const count = options.teamNames?.length ?? options.teams ?? 3;
  const teams: JudgedTeam[] = [];
  for (let i = 0; i < count; i++) {
    teams.push(
      await createJudgedTeam(t, {
        hackathon,
        schoolId: schools[i % schools.length].id,
        name: options.teamNames?.[i],
        trackId: hackathon.trackIds[i % hackathon.trackIds.length],
      }),
    );
  }
  const jurors: TestUser[] = [];
  for (let i = 0; i < (options.jurors ?? 3); i++) jurors.push(await t.factories.juror());
  await onlyTheseJurors(
    t,
    jurors.map((j) => j.id),
  );
  const organizer = await t.factories.organizer();
  return { hackathon, schools, teams, jurors, organizer };
}

/**
 * Everything the jury and leaderboard features write about one hackathon (plus the audit log
 * size), to assert that a refused call changed nothing.
 */
export async function jurySnapshot(t: Pick<TestApp, 'db'>, hackathonId: string): Promise<string> {
  const q = (sql: string) => t.db.query(sql, [hackathonId]);
  return JSON.stringify({
    assignments: await q(
      `SELECT id, submission_id, juror_id, status, recusal_reason FROM jury_assignments WHERE hackathon_id = $1 ORDER BY id`,
    ),
    evaluations: await q(
      `SELECT id, assignment_id, comment, weighted_score, updated_at FROM evaluations WHERE hackathon_id = $1 ORDER BY id`,
    ),
    scores: await q(
      `SELECT cs.* FROM criterion_scores cs JOIN evaluations e ON e.id = cs.evaluation_id WHERE e.hackathon_id = $1 ORDER BY 1, 2`,
    ),
    jurorStats: await q(
      `SELECT * FROM leaderboard_juror_stats WHERE hackathon_id = $1 ORDER BY juror_id`,
    ),
    teamStats: await q(
      `SELECT * FROM leaderboard_team_stats WHERE hackathon_id = $1 ORDER BY team_id`,
    ),
    publications: await q(`SELECT * FROM leaderboard_publications WHERE hackathon_id = $1`),
    phase: await q(`SELECT phase FROM hackathons WHERE id = $1`),
    audit: await t.db.query(`SELECT count(*)::int AS n FROM audit_log`),
  });
}

/** GraphQL documents of the jury and leaderboard features, for tests. */
export const JURY_OPS = {
  assign: `mutation($hackathonId: ID!, $k: Int!) {
    assignJurors(hackathonId: $hackathonId, jurorsPerSubmission: $k) { assignments submissions jurors minPerSubmission maxPerJuror } }`,
  mine: `query($hackathonId: ID!) { myAssignments(hackathonId: $hackathonId) {
    id status juror { id } submission { id team { id } } evaluation { id weightedScore comment scores { criterion { id } value } } } }`,
  all: `query($hackathonId: ID!) { juryAssignments(hackathonId: $hackathonId) { id status juror { id } submission { id } } }`,
  conflict: `mutation($id: ID!, $reason: String!) { declareConflict(assignmentId: $id, reason: $reason) { id status } }`,
  score: `mutation($id: ID!, $scores: [CriterionScoreInput!]!, $comment: String!) {
    scoreSubmission(assignmentId: $id, scores: $scores, comment: $comment) {
      id weightedScore comment updatedAt scores { criterion { id maxScore } value } assignment { id status } } }`,
  leaderboard: `query($hackathonId: ID!, $method: RankingMethod, $category: SchoolLevel, $trackId: ID, $first: Int) {
    leaderboard(hackathonId: $hackathonId, method: $method, category: $category, trackId: $trackId, first: $first) {
      method published updatedAt hackathon { id } entries { rank score evaluations team { id name } } } }`,
  publish: `mutation($hackathonId: ID!) { publishResults(hackathonId: $hackathonId) {
    published method entries { rank score evaluations team { id name } } hackathon { id phase } } }`,
  setPhase: `mutation($hackathonId: ID!, $phase: HackathonPhase!) { setPhase(hackathonId: $hackathonId, phase: $phase) { id phase } }`,
  auditLog: `query($hackathonId: ID!, $first: Int, $after: String) { auditLog(hackathonId: $hackathonId, first: $first, after: $after) {
    id action entityType entityId before after createdAt actor { id } } }`,
} as const;

/** Scores for every criterion of a hackathon: `values[i]` for criterion i. */
export const scoresFor = (hackathon: HackathonRow, values: number[]) =>
  hackathon.criteria.map((c, i) => ({ criterionId: c.id, value: values[i] }));

/** The ids of a juror's assignments in a hackathon, by submission id. */
export async function assignmentsOf(
  t: Pick<TestApp, 'db'>,
  hackathonId: string,
  jurorId: string,
): Promise<Map<string, string>> {
  const rows: { id: string; submission_id: string }[] = await t.db.query(
    `SELECT id, submission_id FROM jury_assignments WHERE hackathon_id = $1 AND juror_id = $2 AND status <> 'RECUSED'`,
    [hackathonId, jurorId],
  );
  return new Map(rows.map((r) => [r.submission_id, r.id]));
}
