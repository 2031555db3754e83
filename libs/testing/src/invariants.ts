// Database invariants that every sequence of API calls (and every crash) must leave true, as SQL
// queries that return the offending rows. Shared by the fuzz tests and the fault tests.

/** Runs one SQL statement and returns its rows (a TypeORM DataSource's or a pg Client's query). */
export type SqlRunner = (sql: string, params?: unknown[]) => Promise<unknown[]>;

export interface InvariantViolation {
  invariant: string;
  /** The first offending rows. */
  rows: unknown[];
}

/** Each query returns the rows that break the invariant named by its key. */
export const DATABASE_INVARIANTS: Record<string, string> = {
  // Teams (RULES.md § Teams)
  'teams without members that are not WITHDRAWN': `
    SELECT t.id, t.status FROM teams t
     WHERE t.status <> 'WITHDRAWN' AND NOT EXISTS (SELECT 1 FROM team_members m WHERE m.team_id = t.id)`,
  'WITHDRAWN teams that still have members': `
    SELECT t.id FROM teams t WHERE t.status = 'WITHDRAWN' AND EXISTS (SELECT 1 FROM team_members m WHERE m.team_id = t.id)`,
  'teams larger than their hackathon allows': `
    SELECT t.id, count(*) AS members, h.max_team_size
      FROM teams t JOIN hackathons h ON h.id = t.hackathon_id JOIN team_members m ON m.team_id = t.id
     GROUP BY t.id, h.max_team_size HAVING count(*) > h.max_team_size`,
  'pupils in two teams of one hackathon, or a membership filed under another hackathon': `
    SELECT m.user_id, m.hackathon_id FROM team_members m JOIN teams t ON t.id = m.team_id
     GROUP BY m.user_id, m.hackathon_id HAVING count(*) > 1 OR bool_or(t.hackathon_id <> m.hackathon_id)`,
  'teams with members but not exactly one captain': `
    SELECT team_id FROM team_members GROUP BY team_id HAVING count(*) FILTER (WHERE captain) <> 1`,
  'members who are not pupils of the team’s school, or whose account is deleted': `
    SELECT m.team_id, m.user_id, u.role FROM team_members m JOIN teams t ON t.id = m.team_id JOIN users u ON u.id = m.user_id
     WHERE u.role <> 'PUPIL' OR u.school_id IS DISTINCT FROM t.school_id OR u.deleted_at IS NOT NULL`,
  'teams whose category or track does not match their school or hackathon': `
    SELECT t.id FROM teams t JOIN schools s ON s.id = t.school_id JOIN tracks tr ON tr.id = t.track_id
     WHERE t.category <> s.level OR tr.hackathon_id <> t.hackathon_id`,

  // Submissions (RULES.md § Submissions)
  'submissions whose history does not hold exactly versions 1..version': `
    SELECT s.id, s.version, count(v.*) AS n, min(v.version) AS lo, max(v.version) AS hi
      FROM submissions s LEFT JOIN submission_versions v ON v.submission_id = s.id
     GROUP BY s.id HAVING count(v.*) <> s.version OR min(v.version) <> 1 OR max(v.version) <> s.version`,
  'submissions of another hackathon than their team': `
    SELECT s.id FROM submissions s JOIN teams t ON t.id = s.team_id WHERE s.hackathon_id <> t.hackathon_id`,
  'orphan rows': `
    SELECT 'team_members' AS t, team_id AS id FROM team_members m WHERE NOT EXISTS (SELECT 1 FROM teams WHERE id = m.team_id)
    UNION ALL SELECT 'submission_versions', submission_id FROM submission_versions v WHERE NOT EXISTS (SELECT 1 FROM submissions WHERE id = v.submission_id)
    UNION ALL SELECT 'submissions', team_id FROM submissions s WHERE NOT EXISTS (SELECT 1 FROM teams WHERE id = s.team_id)`,

  // Mentoring
  'help requests whose claim does not match their status, or filed under another hackathon or school': `
    SELECT r.id, r.status FROM help_requests r JOIN teams t ON t.id = r.team_id
     WHERE (r.status = 'OPEN' AND r.claimed_by IS NOT NULL) OR (r.status = 'CLAIMED' AND r.claimed_by IS NULL)
        OR r.hackathon_id <> t.hackathon_id OR r.school_id <> t.school_id`,

  // Jury (RULES.md § Jury)
  'criterion scores outside the criterion’s scale, or for another hackathon’s criterion': `
    SELECT cs.evaluation_id, cs.criterion_id, cs.value, c.max_score
      FROM criterion_scores cs JOIN criteria c ON c.id = cs.criterion_id JOIN evaluations e ON e.id = cs.evaluation_id
     WHERE cs.value < 0 OR cs.value > c.max_score OR cs.max_score <> c.max_score OR c.hackathon_id <> e.hackathon_id`,
  'evaluations that disagree with their assignment or submission': `
    SELECT e.id FROM evaluations e JOIN jury_assignments a ON a.id = e.assignment_id JOIN submissions s ON s.id = e.submission_id
     WHERE e.juror_id <> a.juror_id OR e.submission_id <> a.submission_id OR e.hackathon_id <> a.hackathon_id
        OR e.team_id <> s.team_id OR s.hackathon_id <> a.hackathon_id`,
  'assignments whose status disagrees with their evaluation (DONE ⇔ scored, unless RECUSED)': `
    SELECT a.id, a.status FROM jury_assignments a LEFT JOIN evaluations e ON e.assignment_id = a.id
     WHERE (a.status = 'DONE' AND e.id IS NULL) OR (a.status = 'PENDING' AND e.id IS NOT NULL)`,
  'live assignments to someone who is not a juror, or to a juror of the team’s school': `
    SELECT a.id FROM jury_assignments a JOIN users u ON u.id = a.juror_id
      JOIN submissions s ON s.id = a.submission_id JOIN teams t ON t.id = s.team_id
     WHERE a.status <> 'RECUSED' AND (u.role <> 'JUROR' OR u.school_id = t.school_id)`,
  'weighted scores that do not follow from the criterion scores': `
    SELECT e.id, e.weighted_score, 100 * sum(c.weight * cs.value / c.max_score) / sum(c.weight) AS expected
      FROM evaluations e JOIN criterion_scores cs ON cs.evaluation_id = e.id JOIN criteria c ON c.id = cs.criterion_id
     GROUP BY e.id, e.weighted_score
    HAVING abs(e.weighted_score - 100 * sum(c.weight * cs.value / c.max_score) / sum(c.weight)) > 1e-6`,
  'evaluations without criterion scores': `
    SELECT e.id FROM evaluations e WHERE NOT EXISTS (SELECT 1 FROM criterion_scores cs WHERE cs.evaluation_id = e.id)`,

  // Leaderboard running totals (kept in the scoring transaction; numeric, so exactly equal)
  'team totals that disagree with the counted evaluations': `
    WITH counted AS (
      SELECT e.team_id, e.hackathon_id, count(*) AS n, sum(e.weighted_score) AS total,
             sum(e.weighted_score * e.weighted_score) AS total_sq
        FROM evaluations e JOIN jury_assignments a ON a.id = e.assignment_id WHERE a.status = 'DONE'
       GROUP BY e.team_id, e.hackathon_id)
    SELECT coalesce(c.team_id, s.team_id) AS team_id, c.n, s.n AS stats_n, c.total, s.sum AS stats_sum
      FROM counted c FULL JOIN leaderboard_team_stats s ON s.team_id = c.team_id
     WHERE coalesce(c.n, 0) <> coalesce(s.n, 0) OR coalesce(c.total, 0) <> coalesce(s.sum, 0)
        OR coalesce(c.total_sq, 0) <> coalesce(s.sum_sq, 0)
        OR (c.team_id IS NOT NULL AND s.team_id IS NOT NULL AND c.hackathon_id <> s.hackathon_id)`,
  'juror totals that disagree with the counted evaluations': `
    WITH counted AS (
      SELECT e.juror_id, e.hackathon_id, count(*) AS n, sum(e.weighted_score) AS total,
             sum(e.weighted_score * e.weighted_score) AS total_sq
        FROM evaluations e JOIN jury_assignments a ON a.id = e.assignment_id WHERE a.status = 'DONE'
       GROUP BY e.juror_id, e.hackathon_id)
    SELECT coalesce(c.juror_id, s.juror_id) AS juror_id, c.n, s.n AS stats_n, c.total, s.sum AS stats_sum
      FROM counted c FULL JOIN leaderboard_juror_stats s ON s.juror_id = c.juror_id AND s.hackathon_id = c.hackathon_id
     WHERE coalesce(c.n, 0) <> coalesce(s.n, 0) OR coalesce(c.total, 0) <> coalesce(s.sum, 0)
        OR coalesce(c.total_sq, 0) <> coalesce(s.sum_sq, 0)`,

  // Hackathons (RULES.md § Hackathon phases)
  'hackathons whose settings break the rules': `
    SELECT id FROM hackathons
     WHERE NOT (1 <= min_team_size AND min_team_size <= max_team_size AND max_team_size <= 10)
        OR registration_closes_at > submission_deadline OR slug !~ '^[a-z0-9-]{3,60}$'
        OR (phase = 'ARCHIVED') <> (archived_at IS NOT NULL)`,
  'frozen boards of hackathons that are not in RESULTS or ARCHIVED': `
    SELECT p.hackathon_id, h.phase FROM leaderboard_publications p JOIN hackathons h ON h.id = p.hackathon_id
     WHERE h.phase NOT IN ('RESULTS', 'ARCHIVED')`,
};

/** Every broken invariant with its first offending rows; empty when the database is sound. */
export async function databaseInvariantViolations(run: SqlRunner): Promise<InvariantViolation[]> {
  const violations: InvariantViolation[] = [];
  for (const [invariant, sql] of Object.entries(DATABASE_INVARIANTS)) {
    const rows = await run(`${sql} LIMIT 5`);
    if (rows.length) violations.push({ invariant, rows });
  }
  return violations;
}

/** The saved versions of every submission, to check later that history only grows. */
export async function submissionHistory(run: SqlRunner): Promise<Map<string, string>> {
  const rows = (await run(
    `SELECT submission_id, version, title, summary, description, repository_url, demo_url, video_url, saved_at
       FROM submission_versions`,
  )) as { submission_id: string; version: number }[];
  return new Map(rows.map((r) => [`${r.submission_id}#${r.version}`, JSON.stringify(r)]));
}

/** Versions that were saved before and have since changed or disappeared (history is append-only). */
export function historyRegressions(
  before: Map<string, string>,
  after: Map<string, string>,
): string[] {
  return [...before].filter(([key, row]) => after.get(key) !== row).map(([key]) => key);
}
