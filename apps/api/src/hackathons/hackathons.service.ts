// Hackathon use cases: reading with DRAFT visibility, settings, the phase machine; helpers other features share.
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Not, Repository } from 'typeorm';
import { canTransition, checkPhaseAction, isVisibleToPublic, PhaseAction } from '@ensemble/domain';
import { isUniqueViolation } from '../accounts/accounts.service';
import { AuditService } from '../audit/audit.service';
import { Viewer } from '../auth/viewer';
import { Clock } from '../common/clock';
import { badInput, conflict, notFound, phaseClosed } from '../common/errors';
import { HackathonPhase } from '../graphql/enums';
import { LoaderRegistry, orderBy } from '../graphql/gql-context';
import { HackathonInput } from './dto/hackathon.input';
import { HackathonEntity } from './hackathon.entity';
import { checkHackathonInput } from './hackathon-input.validation';
import { PhaseChangeHooks } from './phase-change.hooks';
import { readByKeys } from '../database/prepared';

const SLUG_KEY = 'hackathons_slug_key';

/** The settings an audit entry records before and after a change. */
const settingsOf = (h: HackathonEntity) => ({
  slug: h.slug,
  title: h.title,
  registrationClosesAt: h.registrationClosesAt,
  submissionDeadline: h.submissionDeadline,
  minTeamSize: h.minTeamSize,
  maxTeamSize: h.maxTeamSize,
});

@Injectable()
export class HackathonsService {
  constructor(
    @InjectRepository(HackathonEntity) private readonly hackathons: Repository<HackathonEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly hooks: PhaseChangeHooks,
    private readonly clock: Clock,
  ) {}

  /** DRAFT hackathons are visible to organizers only. */
  canSee(viewer: Viewer, h: HackathonEntity): boolean {
    return viewer.isOrganizer || isVisibleToPublic(h.phase);
  }

  /** Visible hackathons, the latest submission deadline first (running and upcoming events lead). */
  list(viewer: Viewer): Promise<HackathonEntity[]> {
    return this.hackathons.find({
      where: viewer.isOrganizer ? {} : { phase: Not(HackathonPhase.DRAFT) },
      order: { submissionDeadline: 'DESC', createdAt: 'DESC', id: 'ASC' },
    });
  }

  /** One hackathon by id or slug; null when missing or not visible to the viewer. */
  async findVisible(
    viewer: Viewer,
    by: { id: string } | { slug: string },
  ): Promise<HackathonEntity | null> {
    const h = await this.hackathons.findOneBy(by);
    return h && this.canSee(viewer, h) ? h : null;
  }

  /** For other features: the hackathon, or NOT_FOUND when missing or a DRAFT the viewer may not see. */
  async requireVisible(viewer: Viewer, id: string): Promise<HackathonEntity> {
    const h = await this.findVisible(viewer, { id });
    if (!h) throw notFound('Hackathon');
    return h;
  }

  /** For other features' transactions: the hackathon row locked (SELECT … FOR UPDATE), or NOT_FOUND. */
  async getForUpdate(m: EntityManager, id: string): Promise<HackathonEntity> {
    const h = await m
      .getRepository(HackathonEntity)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!h) throw notFound('Hackathon');
    return h;
  }

  /** PHASE_CLOSED, with the phase machine's reason, when the phase or a deadline forbids `action` now. */
  assertPhase(action: PhaseAction, h: HackathonEntity): void {
    const decision = checkPhaseAction(action, h, this.clock.now());
    if (!decision.allowed) throw phaseClosed(decision.reason);
  }

  /** PHASE_CLOSED for any write on an ARCHIVED hackathon. */
  assertWritable(h: HackathonEntity): void {
    this.assertPhase('write', h);
  }

  async create(actor: Viewer, input: HackathonInput): Promise<HackathonEntity> {
    checkHackathonInput(input).throwIfAny();
    try {
      return await this.dataSource.transaction(async (m) => {
        if (await m.getRepository(HackathonEntity).existsBy({ slug: input.slug }))
          throw this.slugTaken(input.slug);
        const h = await m.getRepository(HackathonEntity).save(
          m.getRepository(HackathonEntity).create({
            ...this.settings(input),
            phase: HackathonPhase.DRAFT,
            archivedAt: null,
            createdBy: actor.id,
          }),
        );
        await this.audit.record(m, {
          hackathonId: h.id,
          actorId: actor.id,
          action: 'hackathon.create',
          entityType: 'hackathon',
          entityId: h.id,
          after: settingsOf(h),
        });
        return h;
      });
    } catch (err) {
      if (isUniqueViolation(err, SLUG_KEY)) throw this.slugTaken(input.slug);
      throw err;
    }
  }

  /** Replaces the settings; refused in ARCHIVED, and maxTeamSize may not drop below an existing team's size. */
  async update(actor: Viewer, id: string, input: HackathonInput): Promise<HackathonEntity> {
    try {
      return await this.dataSource.transaction(async (m) => {
        const h = await this.getForUpdate(m, id);
        this.assertWritable(h);
        const errors = checkHackathonInput(input);
        const largest = await this.largestTeamSize(m, id);
        errors.check(
          input.maxTeamSize >= largest,
          'maxTeamSize',
          `must be at least ${largest}, the size of the largest team`,
        );
        errors.throwIfAny();
        if (
          input.slug !== h.slug &&
          (await m.getRepository(HackathonEntity).existsBy({ slug: input.slug }))
        ) {
          throw this.slugTaken(input.slug);
        }
        const before = settingsOf(h);
        Object.assign(h, this.settings(input));
        await m.getRepository(HackathonEntity).update({ id }, this.settings(input));
        await this.audit.record(m, {
          hackathonId: id,
          actorId: actor.id,
          action: 'hackathon.update',
          entityType: 'hackathon',
          entityId: id,
          before,
          after: settingsOf(h),
        });
        return h;
      });
    } catch (err) {
      if (isUniqueViolation(err, SLUG_KEY)) throw this.slugTaken(input.slug);
      throw err;
    }
  }

  /**
   * Moves the phase one step (or RESULTS → JUDGING), audits it and runs the registered
   * PhaseChangeHooks in the same transaction. publishResults is setPhase(…, RESULTS).
   */
  async setPhase(actorId: string | null, id: string, to: HackathonPhase): Promise<HackathonEntity> {
    return this.dataSource.transaction(async (m) => {
      const h = await this.getForUpdate(m, id);
      this.assertWritable(h);
      const from = h.phase;
      if (!canTransition(from, to)) {
        throw badInput({
          phase: `cannot go from ${from} to ${to}: phases move forward one step at a time, and only RESULTS may go back to JUDGING`,
        });
      }
      h.phase = to;
      if (to === HackathonPhase.ARCHIVED) h.archivedAt = this.clock.now();
      await m
        .getRepository(HackathonEntity)
        .update({ id }, { phase: h.phase, archivedAt: h.archivedAt });
      await this.audit.record(m, {
        hackathonId: id,
        actorId,
        action: 'hackathon.phase',
        entityType: 'hackathon',
        entityId: id,
        before: { phase: from },
        after: { phase: to },
      });
      await this.hooks.run(m, h, from, to, actorId);
      return h;
    });
  }

  /** Per-request batch loader by id (no visibility check: callers decide). */
  loader(loaders: LoaderRegistry) {
    return loaders.get<string, HackathonEntity | null>('hackathon.byId', async (ids) =>
      orderBy(ids, await readByKeys(this.hackathons, 'id', ids), (h) => h.id),
    );
  }

  /** Per-request batch loader: number of teams that have not withdrawn, one GROUP BY for the batch. */
  teamCountLoader(loaders: LoaderRegistry) {
    return loaders.get<string, number>('hackathon.teamCount', async (ids) => {
      const rows: { hackathon_id: string; n: number }[] = await this.dataSource.query(
        `SELECT hackathon_id, count(*)::int AS n FROM teams
          WHERE hackathon_id = ANY($1::uuid[]) AND status <> 'WITHDRAWN' GROUP BY hackathon_id`,
        [ids],
      );
      const counts = new Map(rows.map((r) => [r.hackathon_id, r.n]));
      return ids.map((id) => counts.get(id) ?? 0);
    });
  }

  private async largestTeamSize(m: EntityManager, hackathonId: string): Promise<number> {
    const [{ n }] = await m.query(
      `SELECT coalesce(max(c), 0)::int AS n FROM (
         SELECT count(*) AS c FROM team_members tm JOIN teams t ON t.id = tm.team_id
          WHERE t.hackathon_id = $1 AND t.status <> 'WITHDRAWN' GROUP BY tm.team_id) sizes`,
      [hackathonId],
    );
    return n;
  }

  private settings(input: HackathonInput) {
    return {
      slug: input.slug,
      title: input.title.trim(),
      description: input.description,
      registrationClosesAt: input.registrationClosesAt,
      submissionDeadline: input.submissionDeadline,
      minTeamSize: input.minTeamSize,
      maxTeamSize: input.maxTeamSize,
    };
  }

  private slugTaken(slug: string) {
    return conflict(`The slug "${slug}" is already used by another hackathon`);
  }
}
