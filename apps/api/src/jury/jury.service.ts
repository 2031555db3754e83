// Jury assignment use cases: assigning jurors, recusals, reading assignments; loaders for field resolvers.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  assignJurors,
  reassignAfterRecusal,
  type AssignmentJuror,
  type ExistingAssignment,
} from '@ensemble/domain';
import { AuditService } from '../audit/audit.service';
import { Viewer } from '../auth/viewer';
import { badInput, conflict, FieldErrorCollector, forbidden, notFound } from '../common/errors';
import { AssignmentStatus } from '../graphql/enums';
import { LoaderRegistry, groupBy, orderBy } from '../graphql/gql-context';
import { HackathonEntity } from '../hackathons/hackathon.entity';
import { HackathonsService } from '../hackathons/hackathons.service';
import { LeaderboardEvents } from '../leaderboard/leaderboard-events.service';
import { LeaderboardStatsService } from '../leaderboard/leaderboard-stats.service';
import { SubmissionEntity } from '../submissions/submission.entity';
import { AssignmentSummaryModel } from './assignment-summary.model';
import { CriterionScoreEntity, EvaluationEntity } from './evaluation.entity';
import { JuryAssignmentEntity } from './jury-assignment.entity';

const REASON_MAX = 1000;

/** A judged submission: SUBMITTED, of a VALIDATED team (RULES.md "Submissions"). */
const JUDGED_SUBMISSIONS = `
  SELECT s.id, t.school_id AS "schoolId"
    FROM submissions s JOIN teams t ON t.id = s.team_id
   WHERE s.hackathon_id = $1 AND s.status = 'SUBMITTED' AND t.status = 'VALIDATED'`;

const ACTIVE_JURORS = `SELECT id, school_id AS "schoolId" FROM users WHERE role = 'JUROR' AND status = 'ACTIVE'`;

@Injectable()
export class JuryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hackathons: HackathonsService,
    private readonly stats: LeaderboardStatsService,
    private readonly events: LeaderboardEvents,
    private readonly audit: AuditService,
  ) {}

  /**
   * Organizers, JUDGING only. Tops every judged submission up to k jurors with the domain's
   * algorithm, keeping existing assignments and evaluations. The hackathon row is locked so
   * concurrent runs (and recusals) are serialised; infeasible → BAD_USER_INPUT, nothing written.
   */
  async assign(viewer: Viewer, hackathonId: string, k: number): Promise<AssignmentSummaryModel> {
    return this.dataSource.transaction(async (m) => {
      const h = await this.hackathons.getForUpdate(m, hackathonId);
      this.hackathons.assertPhase('assignJurors', h);
      if (!Number.isInteger(k) || k < 1 || k > 50) {
        throw badInput({ jurorsPerSubmission: 'must be a whole number from 1 to 50' });
      }
      // One connection inside a transaction: its queries run one after the other (pg refuses overlaps).
      const submissions = (await m.query(JUDGED_SUBMISSIONS, [hackathonId])) as { id: string; schoolId: string }[];
      const jurors = (await m.query(ACTIVE_JURORS)) as AssignmentJuror[];
      const existing = await this.existing(m, hackathonId);
      const result = assignJurors({ submissions, jurors, existing, k });
      if (!result.ok) throw badInput({ jurorsPerSubmission: result.reason }, result.reason);
      if (result.assignments.length) {
        await m.query(
          `INSERT INTO jury_assignments (hackathon_id, submission_id, juror_id)
           SELECT $1, * FROM unnest($2::uuid[], $3::uuid[])`,
          [
            hackathonId,
            result.assignments.map((a) => a.submissionId),
            result.assignments.map((a) => a.jurorId),
          ],
        );
      }
      const summary = await this.summary(m, hackathonId);
      await this.audit.record(m, {
        hackathonId,
        actorId: viewer.id,
        action: 'jury.assign',
        entityType: 'hackathon',
        entityId: hackathonId,
        after: { jurorsPerSubmission: k, created: result.assignments.length, ...summary },
      });
      return Object.assign(new AssignmentSummaryModel(), summary);
    });
  }

  /**
   * The assigned juror only, JUDGING only: the assignment becomes RECUSED (its evaluation,
   * if any, stops counting) and the submission goes to the eligible juror with the fewest
   * assignments. When nobody is eligible the recusal still stands (the audit entry says so).
   */
  async declareConflict(
    viewer: Viewer,
    assignmentId: string,
    reason: string,
  ): Promise<JuryAssignmentEntity> {
    const trimmed = reason.trim();
    const result = await this.dataSource.transaction(async (m) => {
      const found = await m.findOneBy(JuryAssignmentEntity, { id: assignmentId });
      if (!found) throw notFound('Assignment');
      if (found.jurorId !== viewer.id)
        throw forbidden('Only the assigned juror can declare a conflict of interest');
      // Lock order everywhere: hackathon row, assignment row, juror stats, team stats.
      const h = await this.hackathons.getForUpdate(m, found.hackathonId);
      this.hackathons.assertPhase('declareConflict', h);
      const a = await m.findOneOrFail(JuryAssignmentEntity, {
        where: { id: assignmentId },
        lock: { mode: 'pessimistic_write' },
      });
      if (a.status === AssignmentStatus.RECUSED)
        throw conflict('This assignment is already recused');
      if (!trimmed) throw badInput({ reason: 'must say why (a few words)' });
      if (trimmed.length > REASON_MAX)
        throw badInput({ reason: `must be at most ${REASON_MAX} characters` });
      new FieldErrorCollector().moderate('reason', trimmed).throwIfAny();

      const evaluation = await m.findOneBy(EvaluationEntity, { assignmentId });
      const counted = a.status === AssignmentStatus.DONE && evaluation !== null;
      if (counted) {
        await this.stats.apply(m, {
          hackathonId: a.hackathonId,
          jurorId: a.jurorId,
          teamId: evaluation.teamId,
          before: evaluation.weightedScore,
          after: null,
        });
      }
      const before = { status: a.status, reason: a.recusalReason };
      await m.update(
        JuryAssignmentEntity,
        { id: a.id },
        { status: AssignmentStatus.RECUSED, recusalReason: trimmed },
      );
      a.status = AssignmentStatus.RECUSED;
      a.recusalReason = trimmed;

      const replacement = await this.reassign(m, a);
      await this.audit.record(m, {
        hackathonId: a.hackathonId,
        actorId: viewer.id,
        action: 'jury.recuse',
        entityType: 'jury_assignment',
        entityId: a.id,
        before,
        after: {
          status: a.status,
          reason: trimmed,
          evaluationDiscarded: counted,
          reassignedTo: replacement?.jurorId ?? null,
          note: replacement
            ? undefined
            : 'No eligible juror left: the submission has one juror fewer.',
        },
      });
      return { assignment: a, counted };
    });
    if (result.counted) await this.events.changed(result.assignment.hackathonId);
    return result.assignment;
  }

  /** The caller's assignments in a hackathon (a juror sees only their own). */
  async myAssignments(viewer: Viewer, hackathonId: string): Promise<JuryAssignmentEntity[]> {
    await this.hackathons.requireVisible(viewer, hackathonId);
    return this.dataSource.getRepository(JuryAssignmentEntity).find({
      where: { hackathonId, jurorId: viewer.id! },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** Every assignment of a hackathon (organizers). */
  async hackathonAssignments(hackathonId: string): Promise<JuryAssignmentEntity[]> {
    if (!(await this.dataSource.getRepository(HackathonEntity).existsBy({ id: hackathonId })))
      throw notFound('Hackathon');
    return this.dataSource.getRepository(JuryAssignmentEntity).find({
      where: { hackathonId },
      order: { submissionId: 'ASC', createdAt: 'ASC', id: 'ASC' },
    });
  }

  private async existing(m: EntityManager, hackathonId: string): Promise<ExistingAssignment[]> {
    return m.query(
      `SELECT submission_id AS "submissionId", juror_id AS "jurorId", status FROM jury_assignments WHERE hackathon_id = $1`,
      [hackathonId],
    );
  }

  /** The eligible juror with the fewest non-recused assignments takes over (domain rule). */
  private async reassign(
    m: EntityManager,
    recused: JuryAssignmentEntity,
  ): Promise<JuryAssignmentEntity | null> {
    const [submission] = (await m.query(
      `SELECT s.id, t.school_id AS "schoolId" FROM submissions s JOIN teams t ON t.id = s.team_id WHERE s.id = $1`,
      [recused.submissionId],
    )) as { id: string; schoolId: string }[];
    const jurors = (await m.query(ACTIVE_JURORS)) as AssignmentJuror[];
    const assignments = await this.existing(m, recused.hackathonId);
    const juror = reassignAfterRecusal({ submission, assignments, jurors });
    if (!juror) return null;
    const repo = m.getRepository(JuryAssignmentEntity);
    return repo.save(
      repo.create({
        hackathonId: recused.hackathonId,
        submissionId: recused.submissionId,
        jurorId: juror.id,
        status: AssignmentStatus.PENDING,
        recusalReason: null,
      }),
    );
  }

  private async summary(
    m: EntityManager,
    hackathonId: string,
  ): Promise<AssignmentSummaryModel> {
    const [row] = await m.query(
      `WITH judged AS (${JUDGED_SUBMISSIONS}),
            live AS (SELECT submission_id, juror_id FROM jury_assignments WHERE hackathon_id = $1 AND status <> 'RECUSED'),
            per_submission AS (
              SELECT j.id, count(l.juror_id)::int AS n FROM judged j LEFT JOIN live l ON l.submission_id = j.id GROUP BY j.id),
            per_juror AS (SELECT juror_id, count(*)::int AS n FROM live GROUP BY juror_id)
       SELECT (SELECT count(*)::int FROM live) AS assignments,
              (SELECT count(*)::int FROM judged) AS submissions,
              (SELECT count(*)::int FROM per_juror) AS jurors,
              (SELECT coalesce(min(n), 0)::int FROM per_submission) AS "minPerSubmission",
              (SELECT coalesce(max(n), 0)::int FROM per_juror) AS "maxPerJuror"`,
      [hackathonId],
    );
    return row;
  }

  // Per-request loaders for the field resolvers.

  assignmentLoader(loaders: LoaderRegistry) {
    return loaders.get<string, JuryAssignmentEntity | null>('jury.assignment.byId', async (ids) =>
      orderBy(
        ids,
        await this.dataSource.getRepository(JuryAssignmentEntity).findBy({ id: In([...ids]) }),
        (a) => a.id,
      ),
    );
  }

  evaluationByAssignmentLoader(loaders: LoaderRegistry) {
    return loaders.get<string, EvaluationEntity | null>(
      'jury.evaluation.byAssignmentId',
      async (ids) =>
        orderBy(
          ids,
          await this.dataSource
            .getRepository(EvaluationEntity)
            .findBy({ assignmentId: In([...ids]) }),
          (e) => e.assignmentId,
        ),
    );
  }

  scoresByEvaluationLoader(loaders: LoaderRegistry) {
    return loaders.get<string, CriterionScoreEntity[]>('jury.scores.byEvaluationId', async (ids) =>
      groupBy(
        ids,
        await this.dataSource
          .getRepository(CriterionScoreEntity)
          .findBy({ evaluationId: In([...ids]) }),
        (s) => s.evaluationId,
      ),
    );
  }

  submissionLoader(loaders: LoaderRegistry) {
    return loaders.get<string, SubmissionEntity | null>('jury.submission.byId', async (ids) =>
      orderBy(
        ids,
        await this.dataSource.getRepository(SubmissionEntity).findBy({ id: In([...ids]) }),
        (s) => s.id,
      ),
    );
  }
}
