// Reading teams: a viewer's own teams, one team, a hackathon's teams page by page.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Viewer } from '../auth/viewer';
import { forbidden, notFound } from '../common/errors';
import { isUuid } from '../common/id-arg';
import { HackathonEntity } from '../hackathons/hackathon.entity';
import { TeamEntity } from './team.entity';
import { readByKeys } from '../database/prepared';

const MY_TEAMS_LIMIT = 200;

@Injectable()
export class TeamsQueryService {
  constructor(private readonly dataSource: DataSource) {}

  private get teams() {
    return this.dataSource.getRepository(TeamEntity);
  }

  async findById(id: string): Promise<TeamEntity | null> {
    return (await readByKeys(this.teams, 'id', [id]))[0] ?? null;
  }

  /** Teams the viewer belongs to or mentors, newest first. */
  mine(viewer: Viewer): Promise<TeamEntity[]> {
    return this.teams
      .createQueryBuilder('t')
      .where('t.id IN (SELECT tm.team_id FROM team_members tm WHERE tm.user_id = :me)', {
        me: viewer.id,
      })
      .orWhere('t.mentor_id = :me', { me: viewer.id })
      .orderBy('t.created_at', 'DESC')
      .addOrderBy('t.id')
      .limit(MY_TEAMS_LIMIT)
      .getMany();
  }

  /**
   * Organizers see every team, teachers their school's; ordered by name then id.
   * `after` is the id of the last team already seen: keyset paging stays stable while teams are added.
   */
  async list(
    viewer: Viewer,
    hackathonId: string,
    first: number,
    after?: string | null,
  ): Promise<TeamEntity[]> {
    if (!viewer.isOrganizer && !viewer.user?.schoolId)
      throw forbidden('Only organizers and teachers list teams');
    const hackathon = await this.dataSource
      .getRepository(HackathonEntity)
      .existsBy({ id: hackathonId });
    if (!hackathon) throw notFound('Hackathon');
    const qb = this.teams
      .createQueryBuilder('t')
      .where('t.hackathon_id = :hackathonId', { hackathonId })
      .orderBy('t.name', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .limit(first);
    if (!viewer.isOrganizer)
      qb.andWhere('t.school_id = :schoolId', { schoolId: viewer.user!.schoolId });
    if (after != null) {
      // An unknown cursor matches nothing (NULL comparison): an empty page, never a wrong one.
      if (!isUuid(after)) return [];
      qb.andWhere(
        '(t.name, t.id) > (SELECT c.name, c.id FROM teams c WHERE c.id = :after AND c.hackathon_id = :hackathonId)',
        { after },
      );
    }
    return qb.getMany();
  }
}
