// Tracks and judging criteria of a hackathon: adding them, and batch loaders for other features.
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { isUniqueViolation } from '../accounts/accounts.service';
import { AuditService } from '../audit/audit.service';
import { Viewer } from '../auth/viewer';
import { conflict, phaseClosed } from '../common/errors';
import { HackathonPhase } from '../graphql/enums';
import { groupBy, LoaderRegistry, orderBy } from '../graphql/gql-context';
import { CriterionEntity } from './criterion.entity';
import { CriterionInput } from './dto/criterion.input';
import { TrackInput } from './dto/track.input';
import { checkCriterionInput, checkTrackInput } from './hackathon-input.validation';
import { HackathonsService } from './hackathons.service';
import { TrackEntity } from './track.entity';
import { readByKeys } from '../database/prepared';

const TRACK_NAME_KEY = 'tracks_hackathon_name_key';

/**
 * Criteria are fixed once judging starts: a criterion added later would leave every
 * existing evaluation without a score for it (scoreSubmission wants one per criterion).
 */
const CRITERIA_OPEN: HackathonPhase[] = [
  HackathonPhase.DRAFT,
  HackathonPhase.REGISTRATION,
  HackathonPhase.BUILDING,
];

@Injectable()
export class TracksAndCriteriaService {
  constructor(
    @InjectRepository(TrackEntity) private readonly tracks: Repository<TrackEntity>,
    @InjectRepository(CriterionEntity) private readonly criteria: Repository<CriterionEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hackathons: HackathonsService,
    private readonly audit: AuditService,
  ) {}

  /** Appends a track (any phase but ARCHIVED); names are unique per hackathon ignoring case. */
  async addTrack(actor: Viewer, hackathonId: string, input: TrackInput): Promise<TrackEntity> {
    const name = input.name.trim();
    try {
      return await this.dataSource.transaction(async (m) => {
        // The lock serialises concurrent additions: positions stay distinct and the name check holds.
        const h = await this.hackathons.getForUpdate(m, hackathonId);
        this.hackathons.assertWritable(h);
        checkTrackInput(input).throwIfAny();
        const taken = await m
          .getRepository(TrackEntity)
          .createQueryBuilder('t')
          .where('t.hackathon_id = :hackathonId AND lower(t.name) = lower(:name)', {
            hackathonId,
            name,
          })
          .getExists();
        if (taken) throw this.trackNameTaken(name);
        const track = await m.getRepository(TrackEntity).save(
          m.getRepository(TrackEntity).create({
            hackathonId,
            name,
            description: input.description,
            position: await this.nextPosition(m, 'tracks', hackathonId),
          }),
        );
        await this.audit.record(m, {
          hackathonId,
          actorId: actor.id,
          action: 'track.add',
          entityType: 'track',
          entityId: track.id,
          after: { name },
        });
        return track;
      });
    } catch (err) {
      if (isUniqueViolation(err, TRACK_NAME_KEY)) throw this.trackNameTaken(name);
      throw err;
    }
  }

  /** Appends a criterion; only before JUDGING (PHASE_CLOSED from then on, ARCHIVED included). */
  async addCriterion(
    actor: Viewer,
    hackathonId: string,
    input: CriterionInput,
  ): Promise<CriterionEntity> {
    return this.dataSource.transaction(async (m) => {
      const h = await this.hackathons.getForUpdate(m, hackathonId);
      this.hackathons.assertWritable(h);
      if (!CRITERIA_OPEN.includes(h.phase)) {
        throw phaseClosed(
          `Criteria can only be added before JUDGING; the hackathon is in ${h.phase}.`,
        );
      }
      checkCriterionInput(input).throwIfAny();
      const criterion = await m.getRepository(CriterionEntity).save(
        m.getRepository(CriterionEntity).create({
          hackathonId,
          name: input.name.trim(),
          description: input.description,
          weight: input.weight,
          maxScore: input.maxScore,
          position: await this.nextPosition(m, 'criteria', hackathonId),
        }),
      );
      await this.audit.record(m, {
        hackathonId,
        actorId: actor.id,
        action: 'criterion.add',
        entityType: 'criterion',
        entityId: criterion.id,
        after: { name: criterion.name, weight: criterion.weight, maxScore: criterion.maxScore },
      });
      return criterion;
    });
  }

  /** Per-request batch loader: tracks of each hackathon, in position order. */
  tracksOfHackathonLoader(loaders: LoaderRegistry) {
    return loaders.get<string, TrackEntity[]>('hackathon.tracks', async (ids) =>
      groupBy(
        ids,
        await readByKeys(this.tracks, 'hackathonId', ids, ['position', 'createdAt']),
        (t) => t.hackathonId,
      ),
    );
  }

  /** Per-request batch loader: criteria of each hackathon, in position order. */
  criteriaOfHackathonLoader(loaders: LoaderRegistry) {
    return loaders.get<string, CriterionEntity[]>('hackathon.criteria', async (ids) =>
      groupBy(
        ids,
        await readByKeys(this.criteria, 'hackathonId', ids, ['position', 'createdAt']),
        (c) => c.hackathonId,
      ),
    );
  }

  /** Per-request batch loader of tracks by id (e.g. Team.track). */
  trackLoader(loaders: LoaderRegistry) {
    return loaders.get<string, TrackEntity | null>('track.byId', async (ids) =>
      orderBy(ids, await readByKeys(this.tracks, 'id', ids), (t) => t.id),
    );
  }

  /** Per-request batch loader of criteria by id (e.g. CriterionScore.criterion). */
  criterionLoader(loaders: LoaderRegistry) {
    return loaders.get<string, CriterionEntity | null>('criterion.byId', async (ids) =>
      orderBy(ids, await readByKeys(this.criteria, 'id', ids), (c) => c.id),
    );
  }

  private async nextPosition(
    m: EntityManager,
    table: 'tracks' | 'criteria',
    hackathonId: string,
  ): Promise<number> {
    const [{ next }] = await m.query(
      `SELECT coalesce(max(position) + 1, 0)::int AS next FROM ${table} WHERE hackathon_id = $1`,
      [hackathonId],
    );
    return next;
  }

  private trackNameTaken(name: string) {
    return conflict(`A track named "${name}" already exists in this hackathon`);
  }
}
