// Announcements: organizers post to a hackathon; everyone who can see it reads them and follows them live.
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { Viewer } from '../auth/viewer';
import { FieldErrorCollector } from '../common/errors';
import { HackathonsService } from '../hackathons/hackathons.service';
import { PubSubService } from '../pubsub/pubsub.service';
import { AnnouncementEntity } from './announcement.entity';
import { AnnouncementEvent, AnnouncementModel } from './announcement.model';

const TITLE_MIN = 3;
const TITLE_MAX = 200;
const BODY_MAX = 10_000;

export const announcementTopic = (hackathonId: string) => `announcement:${hackathonId}`;

@Injectable()
export class AnnouncementsService {
  constructor(
    @InjectRepository(AnnouncementEntity)
    private readonly announcements: Repository<AnnouncementEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hackathons: HackathonsService,
    private readonly pubsub: PubSubService,
  ) {}

  async post(
    actor: Viewer,
    hackathonId: string,
    rawTitle: string,
    body: string,
  ): Promise<AnnouncementEntity> {
    const title = rawTitle.trim();
    const announcement = await this.dataSource.transaction(async (m) => {
      const h = await this.hackathons.getForUpdate(m, hackathonId);
      this.hackathons.assertPhase('postAnnouncement', h);
      this.checkText(title, body).throwIfAny();
      const repo = m.getRepository(AnnouncementEntity);
      return repo.save(repo.create({ hackathonId, authorId: actor.id, title, body }));
    });
    // After the commit, so followers never receive an announcement that was rolled back.
    await this.pubsub.publish<AnnouncementEvent>(
      announcementTopic(hackathonId),
      AnnouncementModel.toEvent(announcement),
    );
    return announcement;
  }

  /** Newest first, keyset-paginated on (created_at, id); NOT_FOUND when the hackathon is not visible. */
  async list(
    viewer: Viewer,
    hackathonId: string,
    first: number,
    after?: string | null,
  ): Promise<AnnouncementEntity[]> {
    await this.hackathons.requireVisible(viewer, hackathonId);
    const qb = this.announcements
      .createQueryBuilder('a')
      .where('a.hackathon_id = :hackathonId', { hackathonId })
      .orderBy('a.created_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(first);
    if (after) {
      qb.andWhere(
        '(a.created_at, a.id) < (SELECT c.created_at, c.id FROM announcements c WHERE c.id = :after AND c.hackathon_id = :hackathonId)',
        { after },
      );
    }
    return qb.getMany();
  }

  /** The live stream of a hackathon's announcements; refused (NOT_FOUND) when the viewer may not see it. */
  async follow(
    viewer: Viewer,
    hackathonId: string,
  ): Promise<AsyncIterableIterator<AnnouncementEvent>> {
    await this.hackathons.requireVisible(viewer, hackathonId);
    return this.pubsub.subscribe<AnnouncementEvent>(announcementTopic(hackathonId));
  }

  /** Lengths and moderation together: a platform against bullying does not broadcast insults. */
  private checkText(title: string, body: string): FieldErrorCollector {
    const errors = new FieldErrorCollector();
    errors.check(
      [...title].length >= TITLE_MIN && [...title].length <= TITLE_MAX,
      'title',
      `must be ${TITLE_MIN}–${TITLE_MAX} characters`,
    );
    errors.check(
      body.trim().length > 0 && [...body].length <= BODY_MAX,
      'body',
      'must be 1–10 000 characters',
    );
    errors.moderate('title', title).moderate('body', body);
    return errors;
  }
}
