import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Running totals of weighted scores (per team and per juror) kept in the same
 * transaction as every score or recusal, so a leaderboard read never scans
 * every evaluation; and the frozen boards stored by publishResults.
 */
export class CreateLeaderboardStatsAndSnapshots1764500000000 implements MigrationInterface {
  name = 'CreateLeaderboardStatsAndSnapshots1764500000000';

  async up(q: QueryRunner): Promise<void> {
    // Totals over DONE, non-recused evaluations. `version` grows on every change:
    // the sum over a hackathon's jurors tells any API instance its cached board is stale.
    await q.query(`
      CREATE TABLE leaderboard_juror_stats (
        hackathon_id uuid NOT NULL REFERENCES hackathons (id) ON DELETE CASCADE,
        juror_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        n integer NOT NULL DEFAULT 0 CHECK (n >= 0),
        sum double precision NOT NULL DEFAULT 0,
        sum_sq double precision NOT NULL DEFAULT 0,
        version bigint NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (hackathon_id, juror_id)
      )`);
    await q.query(`
      CREATE TABLE leaderboard_team_stats (
        team_id uuid PRIMARY KEY REFERENCES teams (id) ON DELETE CASCADE,
        hackathon_id uuid NOT NULL REFERENCES hackathons (id) ON DELETE CASCADE,
        n integer NOT NULL DEFAULT 0 CHECK (n >= 0),
        sum double precision NOT NULL DEFAULT 0,
        sum_sq double precision NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX leaderboard_team_stats_hackathon_idx ON leaderboard_team_stats (hackathon_id)`,
    );

    // One row per publication; the frozen per-team scores below belong to it.
    await q.query(`
      CREATE TABLE leaderboard_publications (
        hackathon_id uuid PRIMARY KEY REFERENCES hackathons (id) ON DELETE CASCADE,
        published_by uuid REFERENCES users (id) ON DELETE SET NULL,
        published_at timestamptz NOT NULL
      )`);
    // Team scores do not depend on the category/track filter (a juror's leniency is
    // measured on all their evaluations), so one frozen row per team serves every board.
    await q.query(`
      CREATE TABLE leaderboard_frozen_entries (
        hackathon_id uuid NOT NULL REFERENCES leaderboard_publications (hackathon_id) ON DELETE CASCADE,
        team_id uuid NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
        team_name varchar(40) NOT NULL,
        category varchar(10) NOT NULL,
        track_id uuid NOT NULL,
        school_id uuid NOT NULL,
        mean_score double precision NOT NULL,
        z_score double precision NOT NULL,
        evaluations integer NOT NULL,
        PRIMARY KEY (hackathon_id, team_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP TABLE leaderboard_frozen_entries, leaderboard_publications, leaderboard_team_stats, leaderboard_juror_stats`,
    );
  }
}
