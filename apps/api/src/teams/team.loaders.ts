// Per-request DataLoaders of the teams feature (teams, members, jury links); hackathons and tracks use the hackathons feature's loaders.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LoaderRegistry, groupBy, orderBy } from '../graphql/gql-context';
import { TeamMemberEntity } from './team-member.entity';
import { TeamEntity } from './team.entity';
import { AccountsService } from '../accounts/accounts.service';
import { UserEntity } from '../accounts/user.entity';
import { EntityColumns, queryPrepared, readByKeys, Statement } from '../database/prepared';
import type { TeamPagePart } from './team-page';

/** Members are listed longest-standing first (ties by user id), in every read. */
const MEMBER_ORDER = 'tm.joined_at, tm.user_id';

type Json = Record<string, unknown>;

@Injectable()
export class TeamLoaders {
  private membersRead?: {
    member: EntityColumns<TeamMemberEntity>;
    user: EntityColumns<UserEntity>;
    statement: Statement;
  };

  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: AccountsService,
  ) {}

  team(loaders: LoaderRegistry) {
    return loaders.get<string, TeamEntity | null>('team.byId', async (ids) =>
      orderBy(
        ids,
        await readByKeys(this.dataSource.getRepository(TeamEntity), 'id', ids),
        (t) => t.id,
      ),
    );
  }

  /**
   * Members of many teams in one query, longest-standing first, read with their users: the
   * request's user loader is primed, so `members { user { … } }` costs no further round trip.
   */
  members(loaders: LoaderRegistry) {
    return loaders.get<string, TeamMemberEntity[]>('team.membersByTeamId', async (teamIds) => {
      const { member, user, statement } = this.read();
      const rows = await queryPrepared<Json>(this.dataSource, statement, [[...teamIds]]);
      const members = this.accounts.withUsersPrimed(
        loaders,
        member,
        rows.map((row) => [row[member.alias] as Json, row[user.alias] as Json]),
      );
      return groupBy(teamIds, members, (r) => r.teamId);
    });
  }

  /**
   * A team page asking for `members` reads them in the team's own statement, with their users, as
   * one JSON array; they are primed in the request's loaders as `members()` would have read them.
   */
  readonly membersPagePart: TeamPagePart = {
    path: ['members'],
    sql: `(SELECT coalesce(json_agg(json_build_array(row_to_json(tm), row_to_json(u)) ORDER BY ${MEMBER_ORDER}), '[]')
             FROM team_members tm JOIN users u ON u.id = tm.user_id
            WHERE tm.team_id = t.id)`,
    prime: (loaders, value, teamId) =>
      this.members(loaders).prime(
        teamId,
        this.accounts.withUsersPrimed(loaders, this.read().member, value as [Json, Json][]),
      ),
  };

  private read() {
    return (this.membersRead ??= (() => {
      const member = new EntityColumns(this.dataSource, TeamMemberEntity, 'tm');
      const user = new EntityColumns(this.dataSource, UserEntity, 'u');
      const text = `SELECT ${member.select}, ${user.select}
                      FROM team_members tm JOIN users u ON u.id = tm.user_id
                     WHERE tm.team_id = ANY($1::uuid[])
                     ORDER BY ${MEMBER_ORDER}`;
      return { member, user, statement: { name: 'team.membersWithUsers', text } };
    })());
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
