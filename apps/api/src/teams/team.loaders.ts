// Per-request DataLoaders of the teams feature (teams, members, jury links); hackathons and tracks use the hackathons feature's loaders.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LoaderRegistry, groupBy, orderBy } from '../graphql/gql-context';
import { TeamMemberEntity } from './team-member.entity';
import { TeamEntity } from './team.entity';
import { readByKeys } from '../database/prepared';

@Injectable()
export class TeamLoaders {
  constructor(private readonly dataSource: DataSource) {}

  team(loaders: LoaderRegistry) {
    return loaders.get<string, TeamEntity | null>('team.byId', async (ids) =>
      orderBy(
        ids,
        await readByKeys(this.dataSource.getRepository(TeamEntity), 'id', ids),
        (t) => t.id,
      ),
    );
  }

  /** Members of many teams in one query, longest-standing first. */
  members(loaders: LoaderRegistry) {
    return loaders.get<string, TeamMemberEntity[]>('team.membersByTeamId', async (teamIds) => {
      const rows = await readByKeys(
        this.dataSource.getRepository(TeamMemberEntity),
        'teamId',
        teamIds,
        ['joinedAt', 'userId'],
      );
      return groupBy(teamIds, rows, (r) => r.teamId);
    });
  }

  /** Whether this juror holds a live (not RECUSED) assignment on the team's submission. */
  assignedToJuror(loaders: LoaderRegistry, jurorId: string) {
    return loaders.get<string, boolean>(`team.assignedToJuror:${jurorId}`, async (teamIds) => {
      const rows: { team_id: string }[] = await this.dataSource.query(
        `SELECT DISTINCT s.team_id
           FROM jury_assignments ja
           JOIN submissions s ON s.id = ja.submission_id
          WHERE ja.juror_id = $1 AND ja.status <> 'RECUSED' AND s.team_id = ANY($2::uuid[])`,
        [jurorId, [...teamIds]],
      );
      const assigned = new Set(rows.map((r) => r.team_id));
      return teamIds.map((id) => assigned.has(id));
    });
  }
}
