// Running totals (n, Σs, Σs²) of DONE, non-recused weighted scores per juror and per team,
// changed in the caller's transaction so a board never re-reads every evaluation to rank teams.
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface ScoreChange {
  hackathonId: string;
  jurorId: string;
  teamId: string;
  /** The weighted score that counted before (null: none did). */
  before: number | null;
  /** The weighted score that counts after (null: none does, e.g. recused). */
  after: number | null;
}

/** $4: the score that counts after, $5: the one that counted before (text, null: none). */
const DELTA_SUM = `coalesce($4::numeric, 0) - coalesce($5::numeric, 0)`;
const DELTA_SQ = `coalesce($4::numeric * $4::numeric, 0) - coalesce($5::numeric * $5::numeric, 0)`;

@Injectable()
export class LeaderboardStatsService {
  /**
   * Applies one evaluation's change as a delta (a recusal; scoreSubmission applies its own in
   * its one write statement). Lock order is juror row then team row (each update locks its row
   * until commit). Sums are exact numerics, so an emptied row is back to exactly 0.
   */
  async apply(m: EntityManager, change: ScoreChange): Promise<void> {
    const dn = (change.after === null ? 0 : 1) - (change.before === null ? 0 : 1);
    // Exact: the scores (numeric, 9 decimals) travel as text; sums and squares are numeric.
    const after = change.after === null ? null : change.after.toFixed(9);
    const before = change.before === null ? null : change.before.toFixed(9);
    // Make sure both rows exist (a zero row changes nothing), then apply the delta with an
    // UPDATE, which locks the row until commit. (A single INSERT … ON CONFLICT cannot carry a
    // negative delta: CHECK (n >= 0) is evaluated on the proposed row first.)
    await m.query(
      `INSERT INTO leaderboard_juror_stats (hackathon_id, juror_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [change.hackathonId, change.jurorId],
    );
    await m.query(
      `UPDATE leaderboard_juror_stats SET
         n = n + $3,
         sum = CASE WHEN n + $3 = 0 THEN 0 ELSE sum + ${DELTA_SUM} END,
         sum_sq = CASE WHEN n + $3 = 0 THEN 0 ELSE sum_sq + ${DELTA_SQ} END,
         version = version + 1,
         updated_at = now()
       WHERE hackathon_id = $1 AND juror_id = $2`,
      [change.hackathonId, change.jurorId, dn, after, before],
    );
    await m.query(
      `INSERT INTO leaderboard_team_stats (team_id, hackathon_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [change.teamId, change.hackathonId],
    );
    await m.query(
      `UPDATE leaderboard_team_stats SET
         n = n + $3,
         sum = CASE WHEN n + $3 = 0 THEN 0 ELSE sum + ${DELTA_SUM} END,
         sum_sq = CASE WHEN n + $3 = 0 THEN 0 ELSE sum_sq + ${DELTA_SQ} END,
         updated_at = now()
       WHERE team_id = $1 AND hackathon_id = $2`,
      [change.teamId, change.hackathonId, dn, after, before],
    );
  }
}
