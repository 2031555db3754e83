// The checks submissions and mentoring run inside their write transactions: the team, its hackathon's
// phase and membership, read with the transaction's connection (per-request reads use TeamLoaders/TeamAccessPolicy).
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { notFound } from '../common/errors';
import { HackathonEntity } from '../hackathons/hackathon.entity';
import { TeamEntity } from '../teams/team.entity';

export interface TeamContext {
  team: TeamEntity;
  hackathon: HackathonEntity;
}

@Injectable()
export class TeamContextService {
  /**
   * The team and its hackathon, read inside the caller's transaction. The hackathon row is
   * locked FOR SHARE so a concurrent phase change waits until this write has committed.
   */
  async load(m: EntityManager, teamId: string): Promise<TeamContext> {
    const team = await m.findOneBy(TeamEntity, { id: teamId });
    if (!team) throw notFound('Team');
    const hackathon = await this.lockHackathon(m, team.hackathonId);
    return { team, hackathon };
  }

  async lockHackathon(m: EntityManager, hackathonId: string): Promise<HackathonEntity> {
    const hackathon = await m.findOne(HackathonEntity, {
      where: { id: hackathonId },
      lock: { mode: 'pessimistic_read' },
    });
    if (!hackathon) throw notFound('Hackathon');
    return hackathon;
  }

  async isMember(m: EntityManager, teamId: string, userId: string | null): Promise<boolean> {
    if (!userId) return false;
    const rows = await m.query(`SELECT 1 FROM team_members WHERE team_id = $1 AND user_id = $2`, [
      teamId,
      userId,
    ]);
    return rows.length > 0;
  }
}
