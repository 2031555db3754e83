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

@Injectable()
export class LeaderboardStatsService {
  /**
   * Applies one evaluation's change as a delta. Lock order is always juror row then
   * team row (each upsert locks its row until commit), so concurrent scorings cannot
   * deadlock. When a row's count drops to 0 its sums reset to exactly 0, so float
   * drift cannot outlive an emptied history.
   */
  async apply(m: EntityManager, change: ScoreChange): Promise<void> {
    const dn = (change.after === null ? 0 : 1) - (change.before === null ? 0 : 1);
    const dsum = (change.after ?? 0) - (change.before ?? 0);
    const dsq = (change.after ?? 0) ** 2 - (change.before ?? 0) ** 2;
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
         sum = CASE WHEN n + $3 = 0 THEN 0 ELSE sum + $4 END,
         sum_sq = CASE WHEN n + $3 = 0 THEN 0 ELSE sum_sq + $5 END,
         version = version + 1,
         updated_at = now()
       WHERE hackathon_id = $1 AND juror_id = $2`,
      [change.hackathonId, change.jurorId, dn, dsum, dsq],
    );
    await m.query(
      `INSERT INTO leaderboard_team_stats (team_id, hackathon_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [change.teamId, change.hackathonId],
    );
    await m.query(
      `UPDATE leaderboard_team_stats SET
         n = n + $2,
         sum = CASE WHEN n + $2 = 0 THEN 0 ELSE sum + $3 END,
         sum_sq = CASE WHEN n + $2 = 0 THEN 0 ELSE sum_sq + $4 END,
         updated_at = now()
       WHERE team_id = $1`,
      [change.teamId, dn, dsum, dsq],
    );
  }
}
