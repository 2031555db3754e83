// Help requests: a team asks, teachers of its school (or organizers) claim and resolve; every change is pushed live.
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { Viewer } from '../auth/viewer';
import { Clock } from '../common/clock';
import { badInput, conflict, forbidden, notFound } from '../common/errors';
import { HelpRequestStatus } from '../graphql/enums';
import { HackathonEntity } from '../hackathons/hackathon.entity';
import { HackathonsService } from '../hackathons/hackathons.service';
import { LoaderRegistry } from '../graphql/gql-context';
import { PubSubService } from '../pubsub/pubsub.service';
import { TeamContextService } from '../submissions/team-context.service';
import { TeamAccessPolicy } from '../teams/team-access.policy';
import { TeamLoaders } from '../teams/team.loaders';
import { HelpRequestEntity } from './help-request.entity';
import { HelpRequestEvent, HelpRequestModel } from './help-request.model';
import { checkText } from './mentoring-text';

export const TOPIC_MIN = 3;
export const TOPIC_MAX = 200;

export const helpTopic = (hackathonId: string) => `help:${hackathonId}`;

@Injectable()
export class HelpRequestsService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(HelpRequestEntity) private readonly requests: Repository<HelpRequestEntity>,
    private readonly teams: TeamContextService,
    private readonly teamLoaders: TeamLoaders,
    private readonly teamAccess: TeamAccessPolicy,
    private readonly hackathons: HackathonsService,
    private readonly pubsub: PubSubService,
    private readonly clock: Clock,
  ) {}

  async request(viewer: Viewer, teamId: string, topic: string): Promise<HelpRequestEntity> {
    const created = await this.dataSource.transaction(async (m) => {
      const { team, hackathon } = await this.teams.load(m, teamId);
      if (!(await this.teams.isMember(m, teamId, viewer.id)))
        throw forbidden('Only the team’s members may ask for help');
      this.hackathons.assertPhase('requestHelp', hackathon);
      const text = checkText('topic', topic, TOPIC_MIN, TOPIC_MAX);
      const now = this.clock.now();
      return m.save(
        m.create(HelpRequestEntity, {
          teamId,
          hackathonId: team.hackathonId,
          schoolId: team.schoolId,
          topic: text,
          status: HelpRequestStatus.OPEN,
          requestedBy: viewer.id,
          createdAt: now,
          updatedAt: now,
        }),
      );
    });
    await this.publish(created);
    return created;
  }

  /** OPEN → CLAIMED by the viewer. Claiming one's own claim again is a no-op; anyone else's is CONFLICT. */
  async claim(viewer: Viewer, id: string): Promise<HelpRequestEntity> {
    return this.change(viewer, id, (request) => {
      if (request.status === HelpRequestStatus.CLAIMED && request.claimedBy === viewer.id)
        return false;
      if (request.status === HelpRequestStatus.CLAIMED)
        throw conflict('Someone else already took this request');
      if (request.status === HelpRequestStatus.RESOLVED)
        throw conflict('This request is already resolved');
      request.status = HelpRequestStatus.CLAIMED;
      request.claimedBy = viewer.id;
      request.claimedAt = this.clock.now();
      return true;
    });
  }

  /** OPEN or CLAIMED → RESOLVED (by any teacher of the school or organizer); resolving again is a no-op. */
  async resolve(viewer: Viewer, id: string): Promise<HelpRequestEntity> {
    return this.change(viewer, id, (request) => {
      if (request.status === HelpRequestStatus.RESOLVED) return false;
      request.status = HelpRequestStatus.RESOLVED;
      request.resolvedAt = this.clock.now();
      return true;
    });
  }

  /** Locks the request, checks who may act, applies `mutate` (false: nothing to do) and publishes after commit. */
  private async change(
    viewer: Viewer,
    id: string,
    mutate: (request: HelpRequestEntity) => boolean,
  ): Promise<HelpRequestEntity> {
    let changed = false;
    const request = await this.dataSource.transaction(async (m: EntityManager) => {
      const found = await m.findOne(HelpRequestEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!found) throw notFound('Help request');
      if (!this.mayHandle(viewer, found))
        throw forbidden('Only teachers of the team’s school and organizers may do this');
      this.hackathons.assertPhase('write', await this.teams.lockHackathon(m, found.hackathonId));
      changed = mutate(found);
      if (!changed) return found;
      found.updatedAt = this.clock.now();
      return m.save(found);
    });
    if (changed) await this.publish(request);
    return request;
  }

  mayHandle(viewer: Viewer, request: { schoolId: string }): boolean {
    return viewer.isOrganizer || viewer.isTeacherOf(request.schoolId);
  }

  /** Newest first; teachers see their school's requests, organizers all. `after` is the id of the last one seen. */
  async list(
    viewer: Viewer,
    hackathonId: string,
    first: number,
    after: string | null | undefined,
  ): Promise<HelpRequestEntity[]> {
    await this.assertHackathonExists(hackathonId);
    const qb = this.requests
      .createQueryBuilder('r')
      .where('r.hackathon_id = :hackathonId', { hackathonId })
      .orderBy('r.created_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(first);
    if (!viewer.isOrganizer)
      qb.andWhere('r.school_id = :schoolId', { schoolId: viewer.user?.schoolId });
    if (after) {
      const cursor = await this.requests.findOneBy({ id: after, hackathonId });
      if (!cursor) throw badInput({ after: 'unknown help request' });
      qb.andWhere('(r.created_at, r.id) < (:createdAt, :id)', {
        createdAt: cursor.createdAt,
        id: cursor.id,
      });
    }
    return qb.getMany();
  }

  /**
   * Who may follow one team's requests: its members and mentor, teachers of its school and
   * organizers. Jurors and, after publication, the public see the team but not its requests.
   */
  async assertMayReadTeam(
    viewer: Viewer,
    teamId: string,
    registry: LoaderRegistry,
  ): Promise<{ id: string; hackathonId: string }> {
    const team = await this.teamLoaders.team(registry).load(teamId);
    if (!team) throw notFound('Team');
    const allowed =
      this.mayHandle(viewer, team) ||
      (viewer.active && team.mentorId === viewer.id) ||
      (await this.teamAccess.isMember(viewer, teamId, registry));
    if (!allowed)
      throw forbidden('Only the team, its school’s teachers and organizers see its help requests');
    return team;
  }

  /** One team's requests, newest first (the caller checked `assertMayReadTeam`). */
  async listForTeam(
    team: { id: string; hackathonId: string },
    first: number,
    after: string | null | undefined,
  ): Promise<HelpRequestEntity[]> {
    const qb = this.requests
      .createQueryBuilder('r')
      // hackathon_id first: the (hackathon_id, status, created_at) index narrows the scan.
      .where('r.hackathon_id = :hackathonId AND r.team_id = :teamId', {
        hackathonId: team.hackathonId,
        teamId: team.id,
      })
      .orderBy('r.created_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(first);
    if (after) {
      const cursor = await this.requests.findOneBy({ id: after, teamId: team.id });
      if (!cursor) throw badInput({ after: 'unknown help request' });
      qb.andWhere('(r.created_at, r.id) < (:createdAt, :id)', {
        createdAt: cursor.createdAt,
        id: cursor.id,
      });
    }
    return qb.getMany();
  }

  /**
   * Whether a live event still reaches someone following one team: teachers of its school and
   * organizers always; anyone else only while a member (read afresh: they may have left the team).
   */
  async mayFollow(viewer: Viewer, event: HelpRequestEvent): Promise<boolean> {
    if (this.mayHandle(viewer, event)) return true;
    if (!viewer.active) return false;
    return this.teams.isMember(this.dataSource.manager, event.teamId, viewer.id);
  }

  private async publish(request: HelpRequestEntity): Promise<void> {
    await this.pubsub.publish(helpTopic(request.hackathonId), HelpRequestModel.toEvent(request));
  }

  subscribe(hackathonId: string) {
    return this.pubsub.subscribe(helpTopic(hackathonId));
  }

  async assertHackathonExists(hackathonId: string): Promise<void> {
    if (!(await this.dataSource.getRepository(HackathonEntity).existsBy({ id: hackathonId })))
      throw notFound('Hackathon');
  }
}
