// Submission use cases: save (optimistic locking + history), submit, history; loaders for field resolvers.
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Viewer } from '../auth/viewer';
import { Clock } from '../common/clock';
import { badInput, conflict, forbidden, notFound } from '../common/errors';
import { LoaderRegistry } from '../graphql/gql-context';
import { SubmissionStatus } from '../graphql/enums';
import { TeamEntity } from '../teams/team.entity';
import { HackathonsService } from '../hackathons/hackathons.service';
import { SubmissionInput } from './dto/submission.input';
import { SubmissionEntity } from './submission.entity';
import { SubmissionVersionEntity } from './submission-version.entity';
import { SubmissionContent, validateSubmissionInput } from './submission-input.validation';
import { TeamContextService } from './team-context.service';
import { submissionByTeamLoader } from './submission.loaders';

type Row = Record<string, any>;

/** TypeORM answers UPDATE … RETURNING with [rows, count] but INSERT … RETURNING with rows. */
async function returning(m: EntityManager, sql: string, params: unknown[]): Promise<Row[]> {
  const result = await m.query(sql, params);
  return (Array.isArray(result[0]) ? result[0] : result) as Row[];
}

function toEntity(row: Row): SubmissionEntity {
  return Object.assign(new SubmissionEntity(), {
    id: row.id,
    teamId: row.team_id,
    hackathonId: row.hackathon_id,
    title: row.title,
    summary: row.summary,
    description: row.description,
    repositoryUrl: row.repository_url,
    demoUrl: row.demo_url,
    videoUrl: row.video_url,
    status: row.status,
    version: row.version,
    submittedAt: row.submitted_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}

const CONTENT_COLUMNS = 'title, summary, description, repository_url, demo_url, video_url';

@Injectable()
export class SubmissionsService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(SubmissionEntity) private readonly submissions: Repository<SubmissionEntity>,
    @InjectRepository(SubmissionVersionEntity)
    private readonly versions: Repository<SubmissionVersionEntity>,
    private readonly teams: TeamContextService,
    private readonly hackathons: HackathonsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Members only, while submissions are open; refused calls change nothing. */
  private async memberContext(
    m: EntityManager,
    viewer: Viewer,
    teamId: string,
    action: 'saveSubmission' | 'submitSubmission',
  ) {
    const ctx = await this.teams.load(m, teamId);
    if (!(await this.teams.isMember(m, teamId, viewer.id)))
      throw forbidden('Only the team’s members may do this');
    this.hackathons.assertPhase(action, ctx.hackathon);
    return ctx;
  }

  /**
   * Creates or updates the team's submission and records the new version.
   * - expectedVersion omitted: last writer wins, the version still bumps atomically.
   * - expectedVersion 0: "there is no submission yet"; CONFLICT if someone created it meanwhile.
   * - expectedVersion n: applies only if the stored version is still n (CONFLICT otherwise).
   */
  async save(
    viewer: Viewer,
    teamId: string,
    input: SubmissionInput,
    expectedVersion: number | null | undefined,
  ) {
    if (expectedVersion != null && expectedVersion < 0)
      throw badInput({ expectedVersion: 'must be 0 or more' });
    return this.dataSource.transaction(async (m) => {
      const { team } = await this.memberContext(m, viewer, teamId, 'saveSubmission');
      const content = validateSubmissionInput(input);
      const row = await this.write(m, team, content, expectedVersion);
      if (!row) {
        throw conflict(
          expectedVersion === 0
            ? 'The team’s submission was created meanwhile: reload it before saving'
            : `The submission changed since version ${expectedVersion}: reload it before saving`,
        );
      }
      const saved = toEntity(row);
      await m.query(
        `INSERT INTO submission_versions (submission_id, version, ${CONTENT_COLUMNS}, saved_by, saved_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [saved.id, saved.version, ...this.params(content), viewer.id, saved.updatedAt],
      );
      return saved;
    });
  }

  private params(c: SubmissionContent): unknown[] {
    return [c.title, c.summary, c.description, c.repositoryUrl, c.demoUrl, c.videoUrl];
  }

  /** One statement per case, so the version check and bump are atomic (row lock, no read-then-write). */
  private async write(
    m: EntityManager,
    team: TeamEntity,
    content: SubmissionContent,
    expected: number | null | undefined,
  ): Promise<Row | undefined> {
    const now = this.clock.now();
    if (expected == null || expected === 0) {
      // Two first saves at once: the unique team_id decides; the loser updates (or conflicts with expectedVersion 0).
      const onConflict =
        expected === 0
          ? 'DO NOTHING'
          : `DO UPDATE SET title = EXCLUDED.title, summary = EXCLUDED.summary, description = EXCLUDED.description,
               repository_url = EXCLUDED.repository_url, demo_url = EXCLUDED.demo_url, video_url = EXCLUDED.video_url,
               version = submissions.version + 1, updated_at = EXCLUDED.updated_at`;
      const rows = await returning(
        m,
        `INSERT INTO submissions (team_id, hackathon_id, ${CONTENT_COLUMNS}, status, version, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'DRAFT', 1, $9, $9)
         ON CONFLICT (team_id) ${onConflict}
         RETURNING *`,
        [team.id, team.hackathonId, ...this.params(content), now],
      );
      return rows[0];
    }
    const rows = await returning(
      m,
      `UPDATE submissions
          SET title = $3, summary = $4, description = $5, repository_url = $6, demo_url = $7, video_url = $8,
              version = version + 1, updated_at = $9
        WHERE team_id = $1 AND version = $2
        RETURNING *`,
      [team.id, expected, ...this.params(content), now],
    );
    return rows[0];
  }

  /** Marks the submission SUBMITTED once; calling again succeeds and changes nothing. */
  async submit(viewer: Viewer, teamId: string): Promise<SubmissionEntity> {
    return this.dataSource.transaction(async (m) => {
      const { team } = await this.memberContext(m, viewer, teamId, 'submitSubmission');
      const now = this.clock.now();
      const [row] = await returning(
        m,
        `UPDATE submissions SET status = $2, submitted_at = COALESCE(submitted_at, $3), updated_at = $3
          WHERE team_id = $1 AND status <> $2
          RETURNING *`,
        [teamId, SubmissionStatus.SUBMITTED, now],
      );
      if (row) {
        const submitted = toEntity(row);
        await this.audit.record(m, {
          hackathonId: team.hackathonId,
          actorId: viewer.id,
          action: 'submitSubmission',
          entityType: 'submission',
          entityId: submitted.id,
          after: { status: submitted.status, version: submitted.version },
        });
        return submitted;
      }
      const existing = await m.findOneBy(SubmissionEntity, { teamId });
      if (!existing) throw badInput({ submission: 'save the project before submitting it' });
      return existing;
    });
  }

  /** Every saved version, oldest first (organizers). */
  async history(teamId: string): Promise<SubmissionVersionEntity[]> {
    if (!(await this.dataSource.getRepository(TeamEntity).existsBy({ id: teamId })))
      throw notFound('Team');
    return this.versions
      .createQueryBuilder('v')
      .innerJoin(SubmissionEntity, 's', 's.id = v.submission_id')
      .where('s.team_id = :teamId', { teamId })
      .orderBy('v.version', 'ASC')
      .getMany();
  }

  /** The submission of each team (or null), per request. */
  byTeamLoader(loaders: LoaderRegistry) {
    return submissionByTeamLoader(this.dataSource, loaders);
  }
}
