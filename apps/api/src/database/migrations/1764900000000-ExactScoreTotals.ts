import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Exact running totals: a weighted score is kept to 9 decimals (numeric), and the per-juror and
 * per-team totals (Σs, Σs²) are numeric sums of those values, so after any sequence of scores,
 * re-scores and recusals they equal a recomputation from the evaluations exactly — double
 * precision totals drifted by ~1e-13 with the order of the additions. The totals are
 * recomputed here from the evaluations that count (DONE assignments).
 */
export class ExactScoreTotals1764900000000 implements MigrationInterface {
  name = 'ExactScoreTotals1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE evaluations ALTER COLUMN weighted_score TYPE numeric(12, 9)
         USING round(weighted_score::numeric, 9)`,
    );
    for (const table of ['leaderboard_juror_stats', 'leaderboard_team_stats']) {
      await q.query(
        `ALTER TABLE ${table}
           ALTER COLUMN sum TYPE numeric USING 0, ALTER COLUMN sum_sq TYPE numeric USING 0,
           ALTER COLUMN sum SET DEFAULT 0, ALTER COLUMN sum_sq SET DEFAULT 0`,
      );
    }
    const counted = (key: string) => `
      SELECT e.hackathon_id, e.${key} AS key, count(*)::int AS n, sum(e.weighted_score) AS sum,
             sum(e.weighted_score * e.weighted_score) AS sum_sq
        FROM evaluations e JOIN jury_assignments a ON a.id = e.assignment_id AND a.status = 'DONE'
       GROUP BY e.hackathon_id, e.${key}`;
    await q.query(`
      INSERT INTO leaderboard_juror_stats (hackathon_id, juror_id, n, sum, sum_sq)
      SELECT hackathon_id, key, n, sum, sum_sq FROM (${counted('juror_id')}) r
      ON CONFLICT (hackathon_id, juror_id) DO UPDATE
        SET n = excluded.n, sum = excluded.sum, sum_sq = excluded.sum_sq`);
    await q.query(`
      INSERT INTO leaderboard_team_stats (team_id, hackathon_id, n, sum, sum_sq)
      SELECT key, hackathon_id, n, sum, sum_sq FROM (${counted('team_id')}) r
      ON CONFLICT (team_id) DO UPDATE SET n = excluded.n, sum = excluded.sum, sum_sq = excluded.sum_sq`);
    // Rows of jurors and teams with nothing counted any more.
    await q.query(`
      UPDATE leaderboard_juror_stats x SET n = 0 WHERE NOT EXISTS (
        SELECT 1 FROM evaluations e JOIN jury_assignments a ON a.id = e.assignment_id AND a.status = 'DONE'
         WHERE e.hackathon_id = x.hackathon_id AND e.juror_id = x.juror_id)`);
    await q.query(`
      UPDATE leaderboard_team_stats x SET n = 0 WHERE NOT EXISTS (
        SELECT 1 FROM evaluations e JOIN jury_assignments a ON a.id = e.assignment_id AND a.status = 'DONE'
         WHERE e.team_id = x.team_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['leaderboard_juror_stats', 'leaderboard_team_stats']) {
      await q.query(
        `ALTER TABLE ${table} ALTER COLUMN sum TYPE double precision, ALTER COLUMN sum_sq TYPE double precision`,
      );
    }
    await q.query(`ALTER TABLE evaluations ALTER COLUMN weighted_score TYPE double precision`);
  }
}
