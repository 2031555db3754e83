// Reading teams: a viewer's own teams, one team, a hackathon's teams page by page.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Viewer } from '../auth/viewer';
import { forbidden, notFound } from '../common/errors';
import { isUuid } from '../common/id-arg';
import { HackathonEntity } from '../hackathons/hackathon.entity';
import { TeamEntity } from './team.entity';
import { AccountsService } from '../accounts/accounts.service';
import { UserEntity } from '../accounts/user.entity';
import { EntityColumns, queryPrepared, Statement } from '../database/prepared';
import type { GraphQLResolveInfo } from 'graphql';
import { LoaderRegistry } from '../graphql/gql-context';
import { selectsPath } from '../graphql/selection';
import { TrackEntity } from '../hackathons/track.entity';
import { TracksAndCriteriaService } from '../hackathons/tracks-and-criteria.service';
import { SchoolEntity } from '../schools/school.entity';
import { SchoolsService } from '../schools/schools.service';
import { SubmissionEntity } from '../submissions/submission.entity';
import { submissionByTeamLoader } from '../submissions/submission.loaders';
import { TeamLoaders } from './team.loaders';
import { TeamPagePart } from './team-page';

const MY_TEAMS_LIMIT = 200;

interface TeamRead {
  team: EntityColumns<TeamEntity>;
  school: EntityColumns<SchoolEntity>;
  track: EntityColumns<TrackEntity>;
  mentor: EntityColumns<UserEntity>;
  submission?: EntityColumns<SubmissionEntity>;
  parts: readonly TeamPagePart[];
  statement: Statement;
}

export interface TeamReadOptions {
  /** The caller will read the team's submission. */
  withSubmission?: boolean;
  /** Parts of the team page (its members, those addPagePart adds) that the caller will read. */
  parts?: readonly TeamPagePart[];
}

@Injectable()
export class TeamsQueryService {
  private readonly reads = new Map<string, TeamRead>();
  /** The team's own parts first (its members), then those other features add. */
  private readonly pageParts: TeamPagePart[];

  constructor(
    private readonly dataSource: DataSource,
    private readonly teamLoaders: TeamLoaders,
    private readonly schools: SchoolsService,
    private readonly tracks: TracksAndCriteriaService,
    private readonly accounts: AccountsService,
  ) {
    this.pageParts = [teamLoaders.membersPagePart];
  }

  private get teams() {
    return this.dataSource.getRepository(TeamEntity);
  }

  /** Lets another feature read its part of a team page in the team's statement. */
  addPagePart(part: TeamPagePart): void {
    this.pageParts.push(part);
  }

  /** What a `team` field's selection will read, so findById can read it at once. */
  readAhead(info: GraphQLResolveInfo): TeamReadOptions {
    return {
      withSubmission: selectsPath(info, ['submission']),
      parts: this.pageParts.filter((p) => selectsPath(info, p.path)),
    };
  }

  /**
   * One team with its school, track and mentor (and its submission and members when the caller
   * will read them) in one statement; the request's loaders are primed with them, so the fields
   * a team page asks next cost no further round trip.
   */
  async findById(
    id: string,
    loaders: LoaderRegistry,
    options: TeamReadOptions = {},
  ): Promise<TeamEntity | null> {
    const r = this.teamRead(options);
    const [row] = await queryPrepared<Record<string, unknown>>(this.dataSource, r.statement, [id]);
    if (!row) return null;
    const team = r.team.fromRow(row);
    this.teamLoaders.team(loaders).prime(team.id, team);
    this.schools.loader(loaders).prime(team.schoolId, r.school.fromRow(row));
    this.tracks.trackLoader(loaders).prime(team.trackId, r.track.fromRow(row));
    const mentor = r.mentor.fromRowOrNull(row);
    if (mentor) this.accounts.loader(loaders).prime(mentor.id, mentor);
    if (r.submission)
      submissionByTeamLoader(this.dataSource, loaders).prime(
        team.id,
        r.submission.fromRowOrNull(row),
      );
    r.parts.forEach((part, i) => part.prime(loaders, row[`part${i}`], team.id));
    return team;
  }

  private teamRead({ withSubmission = false, parts = [] }: TeamReadOptions): TeamRead {
    const numbers = parts.map((p) => this.pageParts.indexOf(p));
    const key = `${withSubmission ? 'Submission' : ''}${numbers.map((n) => `Part${n}`).join('')}`;
    let read = this.reads.get(key);
    if (!read) this.reads.set(key, (read = this.newTeamRead(key, withSubmission, parts)));
    return read;
  }

  private newTeamRead(
    key: string,
    withSubmission: boolean,
    parts: readonly TeamPagePart[],
  ): TeamRead {
    const team = new EntityColumns(this.dataSource, TeamEntity, 't');
    const school = new EntityColumns(this.dataSource, SchoolEntity, 's');
    const track = new EntityColumns(this.dataSource, TrackEntity, 'tr');
    const mentor = new EntityColumns(this.dataSource, UserEntity, 'm');
    const submission = withSubmission
      ? new EntityColumns(this.dataSource, SubmissionEntity, 'sub')
      : undefined;
    const text = `SELECT ${team.select}, ${school.select}, ${track.select}, ${mentor.select}${submission ? `, ${submission.select}` : ''}${parts.map((p, i) => `, ${p.sql} AS part${i}`).join('')}
                    FROM teams t JOIN schools s ON s.id = t.school_id JOIN tracks tr ON tr.id = t.track_id
                    LEFT JOIN users m ON m.id = t.mentor_id
                    ${submission ? 'LEFT JOIN submissions sub ON sub.team_id = t.id' : ''}
                   WHERE t.id = $1`;
    const name = `teams.withRelations${key}`;
    return {
      team,
      school,
      track,
      mentor,
      submission,
      parts,
      statement: { name, text },
    };
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
