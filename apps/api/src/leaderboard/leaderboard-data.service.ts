// Reads the scored teams of a hackathon: live from the running totals, or frozen at publication.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  JurorStats,
  MEAN_DECIMALS,
  roundHalfAwayFromZero,
  zScoresFromStats,
} from '@ensemble/domain';
import { EntityColumns, queryPrepared, Statement } from '../database/prepared';
import { SchoolLevel, TeamStatus } from '../graphql/enums';
import { HackathonEntity } from '../hackathons/hackathon.entity';
import type { TeamColumns } from '../teams/team.model';
import { ScoredTeam } from './leaderboard.types';

type Db = Pick<EntityManager | DataSource, 'query'>;

/** Teams per read of a whole board (see pages()). */
const PAGE_SIZE = 1000;

/** The teams table's columns a board carries (TeamColumns), as selected below with the `t` alias. */
const TEAM_COLUMNS = `t.id AS team_id, t.hackathon_id, t.name, t.category, t.track_id, t.school_id,
  t.status AS team_status, t.mentor_id, t.invite_code`;

interface TeamColumnsRow {
  team_id: string;
  hackathon_id: string;
  name: string;
  category: SchoolLevel;
  track_id: string;
  school_id: string;
  team_status: TeamStatus;
  mentor_id: string | null;
  invite_code: string;
}

interface TeamRow extends TeamColumnsRow {
  n: number;
  sum: number;
}

const teamColumns = (r: TeamColumnsRow): TeamColumns => ({
  id: r.team_id,
  hackathonId: r.hackathon_id,
  name: r.name,
  category: r.category,
  trackId: r.track_id,
  schoolId: r.school_id,
  status: r.team_status,
  mentorId: r.mentor_id,
  inviteCode: r.invite_code,
});

@Injectable()
export class LeaderboardDataService {
  private hackathonRead?: { columns: EntityColumns<HackathonEntity>; statement: Statement };

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Judged teams (SUBMITTED submission, VALIDATED team) with their MEAN score from
   * leaderboard_team_stats: indexed reads, whatever the number of evaluations.
   */
  async liveTeams(hackathonId: string, db: Db = this.dataSource): Promise<ScoredTeam[]> {
    const rows = await this.pages<TeamRow>(
      db,
      `SELECT ${TEAM_COLUMNS}, coalesce(ts.n, 0)::int AS n, coalesce(ts.sum, 0)::float8 AS sum
         FROM teams t
         JOIN submissions s ON s.team_id = t.id AND s.status = 'SUBMITTED'
         LEFT JOIN leaderboard_team_stats ts ON ts.team_id = t.id
        WHERE t.hackathon_id = $1 AND t.status = 'VALIDATED'`,
      hackathonId,
    );
    return rows.map((r) => ({
      teamId: r.team_id,
      name: r.name,
      category: r.category,
      trackId: r.track_id,
      schoolId: r.school_id,
      mean: r.n > 0 ? roundHalfAwayFromZero(r.sum / r.n, MEAN_DECIMALS) : 0,
      z: null,
      evaluations: r.n,
      team: teamColumns(r),
    }));
  }

  /**
   * The judged teams with their scores, and the digest they were read at. Knowing the teams
   * (`known`, after a score), only the running totals are read again — one narrow query — and
   * the teams stay those of `known` with its digest: a team change is then noticed by the next
   * digest check (LIVE_TTL_MS), as it would be without a score. Otherwise the digest and every
   * team are read in one REPEATABLE READ snapshot.
   */
  async liveTeamsAfter(
    hackathonId: string,
    known: { digest: string; teams: ScoredTeam[] } | null,
  ): Promise<{ digest: string; teams: ScoredTeam[] }> {
    if (!known) {
      return this.dataSource.transaction('REPEATABLE READ', async (m) => {
        const [{ digest }] = await queryPrepared<{ digest: string }>(m, TEAMS_DIGEST, [
          hackathonId,
        ]);
        return { digest, teams: await this.liveTeams(hackathonId, m) };
      });
    }
    const totals = await queryPrepared<{ team_id: string; n: number; sum: number }>(
      this.dataSource,
      TEAM_TOTALS,
      [hackathonId],
    );
    const byTeam = new Map(totals.map((r) => [r.team_id, r]));
    // Team objects are immutable and shared: only the teams whose totals moved are new.
    const teams = known.teams.map((t): ScoredTeam => {
      const r = byTeam.get(t.teamId);
      const n = r?.n ?? 0;
      const mean = n > 0 ? roundHalfAwayFromZero(r!.sum / n, MEAN_DECIMALS) : 0;
      return n === t.evaluations && mean === t.mean ? t : { ...t, mean, evaluations: n };
    });
    return { digest: known.digest, teams };
  }

  /**
   * A digest of the hackathon's teams and their submissions as they are (any write to one of
   * them changes it): what tells a cached board that team data changed without a score. One
   * aggregate row, so a board checks it every few seconds instead of re-reading thousands of teams.
   */
  async teamsDigest(hackathonId: string): Promise<string> {
    const [row] = await queryPrepared<{ digest: string }>(this.dataSource, TEAMS_DIGEST, [
      hackathonId,
    ]);
    return row.digest;
  }

  /**
   * The rows of `select` (over teams `t`, for hackathon $1) in pages of PAGE_SIZE along the
   * teams_hackathon_idx index (name, id): a hackathon's ~10 000 teams read as one result arrive
   * in one turn of the event loop (~50 ms without answering anyone). Outside a transaction the
   * pages are read in one REPEATABLE READ snapshot, so they fit together.
   */
  private async pages<R extends { team_id: string; name: string }>(
    db: Db,
    select: string,
    hackathonId: string,
  ): Promise<R[]> {
    const read = async (q: Db) => {
      const out: R[] = [];
      let after: [string, string] | null = null;
      for (;;) {
        const page: R[] = await q.query(
          `${select}
             AND ($2::varchar IS NULL OR (t.name, t.id) > ($2::varchar, $3::uuid))
           ORDER BY t.name, t.id LIMIT ${PAGE_SIZE}`,
          [hackathonId, after?.[0] ?? null, after?.[1] ?? null],
        );
        out.push(...page);
        if (page.length < PAGE_SIZE) return out;
        const last = page[page.length - 1];
        after = [last.name, last.team_id];
      }
    };
    return db === this.dataSource
      ? this.dataSource.transaction('REPEATABLE READ', (m) => read(m))
      : read(db);
  }

  /**
   * Z_SCORE of every team: each counted evaluation standardised with its juror's running
   * totals (leaderboard_juror_stats, measured over the whole hackathon). Two queries: the
   * counted evaluations (a few per team) and the jurors' totals.
   */
  async liveZScores(hackathonId: string, db: Db = this.dataSource): Promise<Map<string, number>> {
    // One after the other: `db` may be a transaction's single connection.
    const evaluations: { team_id: string; juror_id: string; weighted_score: number }[] =
      await db.query(
        `SELECT e.team_id, e.juror_id, e.weighted_score::float8 AS weighted_score
         FROM evaluations e JOIN jury_assignments a ON a.id = e.assignment_id AND a.status = 'DONE'
        WHERE e.hackathon_id = $1`,
        [hackathonId],
      );
    const stats: { juror_id: string; n: number; sum: number; sum_sq: number }[] = await db.query(
      `SELECT juror_id, n, sum::float8 AS sum, sum_sq::float8 AS sum_sq
         FROM leaderboard_juror_stats WHERE hackathon_id = $1`,
      [hackathonId],
    );
    const byJuror = new Map<string, JurorStats>(
      stats.map((s) => [s.juror_id, { n: s.n, sum: s.sum, sumSq: s.sum_sq }]),
    );
    const scores = zScoresFromStats(
      evaluations.map((e) => ({
        teamId: e.team_id,
        jurorId: e.juror_id,
        weightedScore: e.weighted_score,
      })),
      byJuror,
    );
    return new Map([...scores].map(([teamId, s]) => [teamId, s.score]));
  }

  /** Both scores of every judged team, as publication freezes them. */
  async liveTeamsWithZ(hackathonId: string, db: Db = this.dataSource): Promise<ScoredTeam[]> {
    const teams = await this.liveTeams(hackathonId, db);
    const z = await this.liveZScores(hackathonId, db);
    return teams.map((t) => ({ ...t, z: z.get(t.teamId) ?? 0 }));
  }

  async frozenTeams(hackathonId: string, db: Db = this.dataSource): Promise<ScoredTeam[]> {
    // Ranked on the frozen columns; `team` is the team as it is now (teams are never deleted,
    // and a frozen entry goes with its team).
    const rows = await this.pages<
      TeamColumnsRow & {
        frozen_name: string;
        frozen_category: SchoolLevel;
        frozen_track_id: string;
        frozen_school_id: string;
        mean_score: number;
        z_score: number;
        evaluations: number;
      }
    >(
      db,
      `SELECT ${TEAM_COLUMNS}, f.team_name AS frozen_name, f.category AS frozen_category,
              f.track_id AS frozen_track_id, f.school_id AS frozen_school_id, f.mean_score, f.z_score, f.evaluations
         FROM leaderboard_frozen_entries f JOIN teams t ON t.id = f.team_id
        WHERE f.hackathon_id = $1`,
      hackathonId,
    );
    return rows.map((r) => ({
      teamId: r.team_id,
      name: r.frozen_name,
      category: r.frozen_category,
      trackId: r.frozen_track_id,
      schoolId: r.frozen_school_id,
      mean: r.mean_score,
      z: r.z_score,
      evaluations: r.evaluations,
      team: teamColumns(r),
    }));
  }

  /** Replaces the hackathon's frozen board with the current scores (inside the caller's transaction). */
  async freeze(
    m: EntityManager,
    hackathonId: string,
    actorId: string | null,
    at: Date,
  ): Promise<number> {
    const teams = await this.liveTeamsWithZ(hackathonId, m);
    await m.query(`DELETE FROM leaderboard_publications WHERE hackathon_id = $1`, [hackathonId]);
    await m.query(
      `INSERT INTO leaderboard_publications (hackathon_id, published_by, published_at) VALUES ($1, $2, $3)`,
      [hackathonId, actorId, at],
    );
    if (teams.length) {
      await m.query(
        `INSERT INTO leaderboard_frozen_entries
           (hackathon_id, team_id, team_name, category, track_id, school_id, mean_score, z_score, evaluations)
         SELECT $1, * FROM unnest($2::uuid[], $3::varchar[], $4::varchar[], $5::uuid[], $6::uuid[],
                                  $7::float8[], $8::float8[], $9::int[])`,
        [
          hackathonId,
          teams.map((t) => t.teamId),
          teams.map((t) => t.name),
          teams.map((t) => t.category),
          teams.map((t) => t.trackId),
          teams.map((t) => t.schoolId),
          teams.map((t) => t.mean),
          teams.map((t) => t.z ?? 0),
          teams.map((t) => t.evaluations),
        ],
      );
    }
    return teams.length;
  }

  /** Drops the frozen board: reopening JUDGING makes the ranking live again. */
  async unfreeze(m: EntityManager, hackathonId: string): Promise<boolean> {
    const [, deleted] = await m.query(
      `DELETE FROM leaderboard_publications WHERE hackathon_id = $1`,
      [hackathonId],
    );
    return Number(deleted) > 0;
  }

  /** What tells a cached board it is stale: the publication time and the jurors' change counters. */
  async stamp(hackathonId: string): Promise<BoardStamp> {
    const [row] = await queryPrepared<StampRow>(this.dataSource, STAMP, [hackathonId]);
    return stampOf(row);
  }

  /** The hackathon and its board's stamp in one prepared statement: what every board read starts with. */
  async hackathonWithStamp(
    hackathonId: string,
  ): Promise<{ hackathon: HackathonEntity; stamp: BoardStamp } | null> {
    this.hackathonRead ??= (() => {
      const columns = new EntityColumns(this.dataSource, HackathonEntity, 'h');
      return {
        columns,
        statement: {
          name: 'leaderboard.hackathonWithStamp',
          text: `SELECT ${columns.select}, ${STAMP_COLUMNS} FROM hackathons h WHERE h.id = $1`,
        },
      };
    })();
    const { columns, statement } = this.hackathonRead;
    const [row] = await queryPrepared<StampRow & Record<string, unknown>>(
      this.dataSource,
      statement,
      [hackathonId],
    );
    return row ? { hackathon: columns.fromRow(row), stamp: stampOf(row) } : null;
  }
}

export interface BoardStamp {
  publishedAt: Date | null;
  version: string;
  changedAt: Date | null;
}

interface StampRow {
  published_at: Date | null;
  version: string;
  changed_at: Date | null;
}

const STAMP_COLUMNS = `
  (SELECT published_at FROM leaderboard_publications WHERE hackathon_id = $1) AS published_at,
  (SELECT coalesce(sum(version), 0)::text FROM leaderboard_juror_stats WHERE hackathon_id = $1) AS version,
  (SELECT max(updated_at) FROM leaderboard_juror_stats WHERE hackathon_id = $1) AS changed_at`;

export const TEAMS_DIGEST: Statement = {
  name: 'leaderboard.teamsDigest',
  // xmin changes with every new version of a row (and survives freezing): counts and sums of
  // the teams' and their submissions' xmin change whenever one of them is written.
  text: `SELECT count(*) || ':' || coalesce(sum(t.xmin::text::bigint), 0) || ':' ||
                coalesce(sum(s.xmin::text::bigint), 0) AS digest
           FROM teams t LEFT JOIN submissions s ON s.team_id = t.id
          WHERE t.hackathon_id = $1`,
};

export const TEAM_TOTALS: Statement = {
  name: 'leaderboard.teamTotals',
  text: `SELECT team_id, n, sum::float8 AS sum FROM leaderboard_team_stats WHERE hackathon_id = $1`,
};

export const STAMP: Statement = { name: 'leaderboard.stamp', text: `SELECT ${STAMP_COLUMNS}` };

const stampOf = (row: StampRow): BoardStamp => ({
  publishedAt: row.published_at,
  version: row.version,
  changedAt: row.changed_at,
});
