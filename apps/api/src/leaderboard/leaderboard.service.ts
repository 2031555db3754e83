// Leaderboard use cases: who may read which board, the per-instance board cache, publication.
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { MEAN_DECIMALS, rankEntries, Z_SCORE_DECIMALS } from '@ensemble/domain';
import { AuditService } from '../audit/audit.service';
import { Viewer } from '../auth/viewer';
import { Clock } from '../common/clock';
import { forbidden, notFound, phaseClosed } from '../common/errors';
import { HackathonPhase, RankingMethod } from '../graphql/enums';
import { HackathonEntity } from '../hackathons/hackathon.entity';
import { HackathonsService } from '../hackathons/hackathons.service';
import { BoardStamp, LeaderboardDataService } from './leaderboard-data.service';
import { Board, BoardFilter, RankedEntry, ScoredTeam } from './leaderboard.types';

/**
 * Team data that changes without a score (a team validated, renamed or withdrawn, a
 * submission handed in) carries no version counter: this often, a cached board checks the
 * teams' digest (and is read again if it changed).
 */
const LIVE_TTL_MS = 5_000;
const MAX_CACHED_HACKATHONS = 200;

interface CacheEntry {
  stamp: string;
  /** Dropped by invalidate(): read again on next use (its teams still serve a light refresh). */
  stale: boolean;
  /** The teams' digest moved since they were read: the next read takes every team again. */
  teamsChanged?: boolean;
  frozen: boolean;
  /** LeaderboardDataService.teamsDigest() when the teams were read. */
  teamsDigest: string;
  expiresAt: number;
  published: boolean;
  updatedAt: Date;
  teams: ScoredTeam[];
  zComputed: boolean;
  /** Z_SCORE of each team once computed (the team objects are shared between entries: immutable). */
  z: Map<string, number>;
  /** The Z scores being read (every Z_SCORE reader waits for the same read). */
  zLoading?: Promise<void>;
  /** Ranked boards by filter key: computed once, shared by every reader and subscriber. */
  boards: Map<string, RankedEntry[]>;
}

const PUBLISHED_PHASES: readonly HackathonPhase[] = [
  HackathonPhase.RESULTS,
  HackathonPhase.ARCHIVED,
];

/**
 * Cache: one entry per hackathon in this process, keyed by a stamp read from the database
 * on every request (publication time + sum of the jurors' change counters, one cheap query).
 * Scoring in any API instance bumps a counter in its transaction, so every instance sees its
 * cache is stale on the next read; the instance that scored also drops it at once (invalidate).
 */
@Injectable()
export class LeaderboardService {
  private readonly logger = new Logger(LeaderboardService.name);
  private readonly cache = new Map<string, CacheEntry>();
  private readonly loading = new Map<string, Promise<CacheEntry>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly data: LeaderboardDataService,
    private readonly hackathons: HackathonsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  isPublished(h: HackathonEntity): boolean {
    return PUBLISHED_PHASES.includes(h.phase);
  }

  /** Before publication only organizers may read a board (FORBIDDEN otherwise, anonymous included). */
  async readable(viewer: Viewer, hackathonId: string): Promise<HackathonEntity> {
    const h = await this.dataSource.getRepository(HackathonEntity).findOneBy({ id: hackathonId });
    return this.check(viewer, h);
  }

  /** readable() and board() with one statement for the hackathon and the board's stamp. */
  async read(
    viewer: Viewer,
    hackathonId: string,
    filter: BoardFilter,
  ): Promise<{ hackathon: HackathonEntity; board: Board }> {
    const found = await this.data.hackathonWithStamp(hackathonId);
    const h = this.check(viewer, found?.hackathon ?? null);
    return { hackathon: h, board: await this.board(h, filter, found!.stamp) };
  }

  private check(viewer: Viewer, h: HackathonEntity | null): HackathonEntity {
    if (!h) throw notFound('Hackathon');
    if (!viewer.isOrganizer && !this.isPublished(h)) {
      throw forbidden('The leaderboard is visible to organizers only until results are published');
    }
    return h;
  }

  /** `stamp`: the board's stamp when the caller has just read it (else read here). */
  async board(h: HackathonEntity, filter: BoardFilter, stamp?: BoardStamp): Promise<Board> {
    const entry = await this.entry(h, filter.method, stamp ?? (await this.data.stamp(h.id)));
    const key = `${filter.method}|${filter.category ?? '*'}|${filter.trackId ?? '*'}`;
    let ranked = entry.boards.get(key);
    if (!ranked) {
      const teams = entry.teams.filter(
        (t) =>
          (!filter.category || t.category === filter.category) &&
          (!filter.trackId || t.trackId === filter.trackId),
      );
      const z = filter.method === RankingMethod.Z_SCORE;
      ranked = rankEntries(
        teams.map((t) => ({
          teamId: t.teamId,
          name: t.name,
          score: z ? (entry.z.get(t.teamId) ?? 0) : t.mean,
          evaluations: t.evaluations,
          category: t.category,
          trackId: t.trackId,
          schoolId: t.schoolId,
          team: t.team,
        })),
        { decimals: z ? Z_SCORE_DECIMALS : MEAN_DECIMALS },
      );
      entry.boards.set(key, ranked);
    }
    const entries = filter.first != null ? ranked.slice(0, Math.max(0, filter.first)) : ranked;
    return {
      hackathonId: h.id,
      method: filter.method,
      published: entry.published,
      updatedAt: entry.updatedAt,
      entries,
    };
  }

  /** Marks this instance's cached board stale (called after a score or recusal commits here). */
  invalidate(hackathonId: string): void {
    const entry = this.cache.get(hackathonId);
    if (entry) entry.stale = true;
  }

  /**
   * Organizers: from JUDGING, moves to RESULTS through setPhase (whose hook freezes the board);
   * from RESULTS, publishing again replaces the frozen board. Any other phase: PHASE_CLOSED.
   */
  async publish(viewer: Viewer, hackathonId: string): Promise<HackathonEntity> {
    const current = await this.dataSource
      .getRepository(HackathonEntity)
      .findOneBy({ id: hackathonId });
    if (!current) throw notFound('Hackathon');
    if (current.phase === HackathonPhase.JUDGING) {
      const h = await this.hackathons.setPhase(viewer.id, hackathonId, HackathonPhase.RESULTS);
      this.invalidate(hackathonId);
      return h;
    }
    if (current.phase !== HackathonPhase.RESULTS) {
      throw phaseClosed(
        `Results can be published from JUDGING (or again in RESULTS); the hackathon is in ${current.phase}.`,
      );
    }
    const h = await this.dataSource.transaction(async (m) => {
      const locked = await this.hackathons.getForUpdate(m, hackathonId);
      if (locked.phase !== HackathonPhase.RESULTS) {
        throw phaseClosed(
          `Results can be published from JUDGING (or again in RESULTS); the hackathon is in ${locked.phase}.`,
        );
      }
      await this.freezeIn(m, hackathonId, viewer.id);
      return locked;
    });
    this.invalidate(hackathonId);
    return h;
  }

  /** Freezes the board inside a phase-change (or re-publication) transaction, audited. */
  async freezeIn(m: EntityManager, hackathonId: string, actorId: string | null): Promise<void> {
    const teams = await this.data.freeze(m, hackathonId, actorId, this.clock.now());
    await this.audit.record(m, {
      hackathonId,
      actorId,
      action: 'leaderboard.publish',
      entityType: 'hackathon',
      entityId: hackathonId,
      after: { teams },
    });
  }

  /** Unfreezes the board when JUDGING reopens, audited. */
  async unfreezeIn(m: EntityManager, hackathonId: string, actorId: string | null): Promise<void> {
    const had = await this.data.unfreeze(m, hackathonId);
    await this.audit.record(m, {
      hackathonId,
      actorId,
      action: 'leaderboard.unfreeze',
      entityType: 'hackathon',
      entityId: hackathonId,
      before: { published: had },
      after: { published: false },
    });
  }

  private async entry(
    h: HackathonEntity,
    method: RankingMethod,
    parts: BoardStamp,
  ): Promise<CacheEntry> {
    // RESULTS without a snapshot only happens if the phase moved outside setPhase: read live then.
    const frozen = this.isPublished(h) && parts.publishedAt !== null;
    const stamp = frozen
      ? `frozen:${parts.publishedAt!.toISOString()}`
      : `live:${this.isPublished(h)}:${parts.version}`;
    let entry = this.cache.get(h.id);
    if (entry?.stamp === stamp && !entry.stale) {
      // Same scores: past its TTL, the teams' digest says in the background whether team data
      // changed (names, statuses, submissions); only then is the board read again. Readers
      // keep being answered from the current board meanwhile.
      if (entry.expiresAt < Date.now()) {
        const current = entry;
        current.expiresAt = Date.now() + LIVE_TTL_MS;
        this.data
          .teamsDigest(h.id)
          .then((digest) => {
            if (digest === current.teamsDigest) return undefined;
            current.teamsChanged = true;
            return this.load(h, stamp, frozen, parts);
          })
          .catch((err: Error) =>
            this.logger.warn(`Could not refresh the board of ${h.id}: ${err.message}`),
          );
      }
    } else {
      entry = await this.load(h, stamp, frozen, parts);
    }
    if (method === RankingMethod.Z_SCORE && !entry.zComputed) {
      const e = entry;
      e.zLoading ??= this.data
        .liveZScores(h.id)
        .then((z) => {
          e.z = z;
          e.zComputed = true;
        })
        .finally(() => (e.zLoading = undefined));
      await e.zLoading;
    }
    return entry;
  }

  /** One read per hackathon and stamp at a time, however many requests are waiting for it. */
  private load(
    h: HackathonEntity,
    stamp: string,
    frozen: boolean,
    { publishedAt, changedAt }: BoardStamp,
  ): Promise<CacheEntry> {
    const key = `${h.id}|${stamp}`;
    let pending = this.loading.get(key);
    if (!pending) {
      pending = (async () => {
        const previous = this.cache.get(h.id);
        let teams: ScoredTeam[];
        let teamsDigest: string;
        if (frozen) {
          // Before the teams: a change landing in between makes the next check read them again.
          teamsDigest = await this.data.teamsDigest(h.id);
          teams = await this.data.frozenTeams(h.id);
        } else {
          // After a score only the totals are read again (the teams' digest check still runs
          // every LIVE_TTL_MS); after the digest changed, everything.
          const known = previous && !previous.frozen && !previous.teamsChanged ? previous : null;
          ({ teams, digest: teamsDigest } = await this.data.liveTeamsAfter(
            h.id,
            known && { digest: known.teamsDigest, teams: known.teams },
          ));
        }
        // A refresh that finds nothing changed keeps the ranked boards (thousands of teams to
        // sort again otherwise, a pause in every reader's answer).
        if (previous?.stamp === stamp && !previous.stale && sameTeams(previous.teams, teams)) {
          previous.expiresAt = Date.now() + LIVE_TTL_MS;
          previous.teamsDigest = teamsDigest;
          previous.teamsChanged = false;
          return previous;
        }
        const entry: CacheEntry = {
          stamp,
          stale: false,
          frozen,
          teamsDigest,
          // A frozen board's scores never change, but its entries carry the teams as they are now.
          expiresAt: Date.now() + LIVE_TTL_MS,
          published: this.isPublished(h),
          updatedAt: frozen ? publishedAt! : (changedAt ?? h.updatedAt),
          teams,
          zComputed: frozen,
          z: frozen ? new Map(teams.map((t) => [t.teamId, t.z ?? 0])) : new Map(),
          boards: new Map(),
        };
        this.remember(h.id, entry);
        return entry;
      })().finally(() => this.loading.delete(key));
      this.loading.set(key, pending);
    }
    return pending;
  }

  private remember(hackathonId: string, entry: CacheEntry): void {
    this.cache.delete(hackathonId);
    this.cache.set(hackathonId, entry);
    if (this.cache.size > MAX_CACHED_HACKATHONS) this.cache.delete(this.cache.keys().next().value!);
  }
}

/** Same teams with the same scores and columns. */
function sameTeams(a: ScoredTeam[], b: ScoredTeam[]): boolean {
  if (a.length !== b.length) return false;
  const byId = new Map(a.map((t) => [t.teamId, t]));
  return b.every((t) => {
    const o = byId.get(t.teamId);
    if (!o) return false;
    return (
      o.name === t.name &&
      o.category === t.category &&
      o.trackId === t.trackId &&
      o.schoolId === t.schoolId &&
      o.mean === t.mean &&
      o.evaluations === t.evaluations &&
      o.z === t.z &&
      TEAM_COLUMNS.every((c) => o.team[c] === t.team[c])
    );
  });
}

const TEAM_COLUMNS = [
  'id',
  'name',
  'category',
  'status',
  'hackathonId',
  'trackId',
  'schoolId',
  'mentorId',
  'inviteCode',
] as const satisfies readonly (keyof ScoredTeam['team'])[];
// Every column is compared: a column added to TeamColumns and not listed above fails to compile.
const _everyTeamColumn: Record<
  Exclude<keyof ScoredTeam['team'], (typeof TEAM_COLUMNS)[number]>,
  never
> = {};
