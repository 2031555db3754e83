// scoreSubmission: validation of the marks, the evaluation, the running totals and the audit in one transaction.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { weightedScore } from '@ensemble/domain';
import { AuditService } from '../audit/audit.service';
import { Viewer } from '../auth/viewer';
import {
  AppError,
  conflict,
  ErrorCode,
  FieldErrorCollector,
  forbidden,
  notFound,
} from '../common/errors';
import { AssignmentStatus } from '../graphql/enums';
import { CriterionEntity } from '../hackathons/criterion.entity';
import { HackathonEntity } from '../hackathons/hackathon.entity';
import { HackathonsService } from '../hackathons/hackathons.service';
import { LeaderboardEvents } from '../leaderboard/leaderboard-events.service';
import { LeaderboardStatsService } from '../leaderboard/leaderboard-stats.service';
import { SubmissionEntity } from '../submissions/submission.entity';
import { CriterionScoreInput } from './dto/criterion-score.input';
import { CriterionScoreEntity, EvaluationEntity } from './evaluation.entity';
import { JuryAssignmentEntity } from './jury-assignment.entity';
import { JuryService } from './jury.service';

export const COMMENT_MAX = 5000;

/** What the audit log keeps of an evaluation, before and after each change. */
interface EvaluationSnapshot {
  scores: Record<string, number>;
  comment: string;
  weightedScore: number;
}

@Injectable()
export class ScoringService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jury: JuryService,
    private readonly stats: LeaderboardStatsService,
    private readonly events: LeaderboardEvents,
    private readonly audit: AuditService,
    private readonly hackathons: HackathonsService,
  ) {}

  /**
   * The assigned juror only (FORBIDDEN), JUDGING only (PHASE_CLOSED), not on a RECUSED
   * assignment (CONFLICT); exactly one integer per criterion within 0..maxScore and a moderated
   * comment of at most 5 000 characters (BAD_USER_INPUT naming the fields). Scoring again
   * replaces the evaluation; the assignment becomes DONE.
   */
  async score(
    viewer: Viewer,
    assignmentId: string,
    scores: CriterionScoreInput[],
    comment: string,
  ): Promise<EvaluationEntity> {
    const result = await this.write(viewer, assignmentId, scores, comment).catch((err: unknown) => {
      throw isRangeViolation(err) ? rangeViolation() : err;
    });
    await this.events.changed(result.hackathonId);
    return result;
  }

  private write(
    viewer: Viewer,
    assignmentId: string,
    scores: CriterionScoreInput[],
    comment: string,
  ): Promise<EvaluationEntity> {
    return this.dataSource.transaction(async (m) => {
      const found = await m.findOneBy(JuryAssignmentEntity, { id: assignmentId });
      if (!found) throw notFound('Assignment');
      if (found.jurorId !== viewer.id)
        throw forbidden('Only the assigned juror can score this submission');
      // Lock order everywhere: hackathon row (shared: scorings run in parallel, a phase change
      // waits for them), assignment row, juror stats, team stats.
      const h = await m.findOneOrFail(HackathonEntity, {
        where: { id: found.hackathonId },
        lock: { mode: 'pessimistic_read' },
      });
      this.hackathons.assertPhase('scoreSubmission', h);
      const a = await m.findOneOrFail(JuryAssignmentEntity, {
        where: { id: assignmentId },
        lock: { mode: 'pessimistic_write' },
      });
      if (a.status === AssignmentStatus.RECUSED)
        throw conflict('This assignment is recused: it can no longer be scored');

      const criteria = await m.find(CriterionEntity, {
        where: { hackathonId: h.id },
        order: { position: 'ASC', id: 'ASC' },
      });
      const text = this.validate(criteria, scores, comment);
      const value = weightedScore(
        scores.map((s) => ({ criterionId: s.criterionId.toLowerCase(), value: s.value })),
        criteria,
      );

      const submission = await m.findOneByOrFail(SubmissionEntity, { id: a.submissionId });
      const old = await m.findOneBy(EvaluationEntity, { assignmentId });
      const before = old ? await this.snapshot(m, old) : undefined;
      const counted = old !== null && a.status === AssignmentStatus.DONE;

      const [row] = await m.query(
        `INSERT INTO evaluations (assignment_id, hackathon_id, submission_id, team_id, juror_id, comment, weighted_score)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT ON CONSTRAINT evaluations_assignment_key
         DO UPDATE SET comment = excluded.comment, weighted_score = excluded.weighted_score, updated_at = now()
         RETURNING id`,
        [a.id, h.id, submission.id, submission.teamId, a.jurorId, text, value],
      );
      await m.delete(CriterionScoreEntity, { evaluationId: row.id });
      const byId = new Map(criteria.map((c) => [c.id, c]));
      await m.insert(
        CriterionScoreEntity,
        scores.map((s) => {
          const criterionId = s.criterionId.toLowerCase();
          return {
            evaluationId: row.id,
            criterionId,
            value: s.value,
            maxScore: byId.get(criterionId)!.maxScore,
          };
        }),
      );
      if (a.status !== AssignmentStatus.DONE) {
        await m.update(JuryAssignmentEntity, { id: a.id }, { status: AssignmentStatus.DONE });
      }
      await this.stats.apply(m, {
        hackathonId: h.id,
        jurorId: a.jurorId,
        teamId: submission.teamId,
        before: counted ? old.weightedScore : null,
        after: value,
      });
      const evaluation = await m.findOneByOrFail(EvaluationEntity, { id: row.id });
      await this.audit.record(m, {
        hackathonId: h.id,
        actorId: viewer.id,
        action: old ? 'evaluation.rescore' : 'evaluation.score',
        entityType: 'evaluation',
        entityId: evaluation.id,
        before,
        after: await this.snapshot(m, evaluation),
      });
      return evaluation;
    });
  }

  private validate(
    criteria: CriterionEntity[],
    scores: CriterionScoreInput[],
    comment: string,
  ): string {
    const errors = new FieldErrorCollector();
    const byId = new Map(criteria.map((c) => [c.id, c]));
    if (criteria.length === 0) errors.add('scores', 'the hackathon has no criteria to score yet');
    const seen = new Set<string>();
    scores.forEach((s, i) => {
      const id = String(s.criterionId ?? '').toLowerCase();
      const criterion = byId.get(id);
      if (!criterion) {
        errors.add(`scores[${i}].criterionId`, 'is not a criterion of this hackathon');
        return;
      }
      if (seen.has(id))
        errors.add(`scores[${i}].criterionId`, `"${criterion.name}" is scored more than once`);
      seen.add(id);
      if (!Number.isInteger(s.value) || s.value < 0 || s.value > criterion.maxScore) {
        errors.add(
          `scores[${i}].value`,
          `must be an integer from 0 to ${criterion.maxScore} for "${criterion.name}"`,
        );
      }
    });
    const missing = criteria.filter((c) => !seen.has(c.id));
    if (missing.length)
      errors.add(
        'scores',
        `every criterion needs one score; missing: ${missing.map((c) => `"${c.name}"`).join(', ')}`,
      );
    if (comment.length > COMMENT_MAX)
      errors.add('comment', `must be at most ${COMMENT_MAX} characters`);
    else errors.moderate('comment', comment);
    errors.throwIfAny();
    return comment;
  }

  private async snapshot(m: EntityManager, e: EvaluationEntity): Promise<EvaluationSnapshot> {
    const rows = await m.find(CriterionScoreEntity, { where: { evaluationId: e.id } });
    return {
      scores: Object.fromEntries(rows.map((r) => [r.criterionId, r.value])),
      comment: e.comment,
      weightedScore: e.weightedScore,
    };
  }
}

/** The database CHECK criterion_scores_range is the last line of defence; map it if it ever fires. */
function isRangeViolation(err: unknown): boolean {
  const e = err as {
    code?: string;
    constraint?: string;
    driverError?: { code?: string; constraint?: string };
  };
  return (
    (e.code ?? e.driverError?.code) === '23514' &&
    (e.constraint ?? e.driverError?.constraint) === 'criterion_scores_range'
  );
}

const rangeViolation = () =>
  new AppError(ErrorCode.BAD_USER_INPUT, 'A score is outside its criterion’s range', {
    scores: 'out of range',
  });
