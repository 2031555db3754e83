// scoreSubmission: validation of the marks, the evaluation, the running totals and the audit in one transaction.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { weightedScore } from '@ensemble/domain';
import { Viewer } from '../auth/viewer';
import {
  AppError,
  conflict,
  ErrorCode,
  FieldErrorCollector,
  forbidden,
  notFound,
} from '../common/errors';
import { EntityColumns, queryPrepared, Statement } from '../database/prepared';
import { AssignmentStatus } from '../graphql/enums';
import { HackathonEntity } from '../hackathons/hackathon.entity';
import { HackathonsService } from '../hackathons/hackathons.service';
import { LeaderboardEvents } from '../leaderboard/leaderboard-events.service';
import { CriterionScoreInput } from './dto/criterion-score.input';
import { EvaluationEntity } from './evaluation.entity';

export const COMMENT_MAX = 5000;

/** A criterion as scoring needs it (read with the locked assignment). */
interface ScoredCriterion {
  id: string;
  name: string;
  weight: number;
  maxScore: number;
}

interface LockedAssignment {
  juror_id: string;
  status: AssignmentStatus;
  submission_id: string;
  team_id: string;
  /** The hackathon's criteria in position order (null: none). */
  criteria: ScoredCriterion[] | null;
}

interface EvaluationRow {
  id: string;
  assignment_id: string;
  hackathon_id: string;
  submission_id: string;
  team_id: string;
  juror_id: string;
  comment: string;
  weighted_score: string;
  created_at: Date;
  updated_at: Date;
}

/** The two locking reads (the first needs the hackathon entity's columns). */
function lockStatements(hackathon: EntityColumns<HackathonEntity>) {
  return {
    hackathon,
    /** Whose assignment it is, and its hackathon locked FOR SHARE (not the assignment yet). */
    lockHackathon: {
      name: 'scoring.lockHackathon',
      text: `SELECT a.juror_id, ${hackathon.select}
               FROM jury_assignments a JOIN hackathons h ON h.id = a.hackathon_id
              WHERE a.id = $1
                FOR SHARE OF h`,
    } satisfies Statement,
    /** The assignment locked (its latest status), its team and the criteria to score. */
    lockAssignment: {
      name: 'scoring.lockAssignment',
      text: `SELECT a.juror_id, a.status, a.submission_id, s.team_id,
                    (SELECT json_agg(json_build_object('id', c.id, 'name', c.name, 'weight', c.weight,
                                                       'maxScore', c.max_score) ORDER BY c.position, c.id)
                       FROM criteria c WHERE c.hackathon_id = a.hackathon_id) AS criteria
               FROM jury_assignments a JOIN submissions s ON s.id = a.submission_id
              WHERE a.id = $1
                FOR UPDATE OF a`,
    } satisfies Statement,
  };
}

/**
 * Every write of a scoring, as one statement run under the assignment's lock (so `old` is the
 * latest evaluation). The marks are upserted per criterion and the marks of criteria no longer
 * scored are deleted (disjoint rows). What counted before (an evaluation of a DONE assignment)
 * is replaced in the juror's and the team's totals: numeric deltas, exact. This statement and
 * recusals (which hold the hackathon row exclusively, so never run beside it) are the only
 * writers of those totals, so their row locks are always taken in the same order.
 * $1 assignment, $2 hackathon, $3 submission, $4 team, $5 juror, $6 comment, $7 weighted score
 * (stored to 9 decimals), $8–$10 criteria / values / max scores, $11 assignment was DONE,
 * $12 the marks as {criterionId: value}, $13 actor.
 */
const WRITE_EVALUATION: Statement = {
  name: 'scoring.write',
  text: `
    WITH old AS (
      SELECT e.id, e.comment, e.weighted_score,
             (SELECT coalesce(jsonb_object_agg(cs.criterion_id, cs.value), '{}'::jsonb)
                FROM criterion_scores cs WHERE cs.evaluation_id = e.id) AS scores
        FROM evaluations e WHERE e.assignment_id = $1
    ), ev AS (
      INSERT INTO evaluations (assignment_id, hackathon_id, submission_id, team_id, juror_id, comment, weighted_score)
      VALUES ($1, $2, $3, $4, $5, $6, $7::numeric(12, 9))
      ON CONFLICT ON CONSTRAINT evaluations_assignment_key
      DO UPDATE SET comment = excluded.comment, weighted_score = excluded.weighted_score, updated_at = now()
      RETURNING *
    ), marks AS (
      INSERT INTO criterion_scores (evaluation_id, criterion_id, value, max_score)
      SELECT ev.id, m.criterion_id, m.value, m.max_score
        FROM ev, unnest($8::uuid[], $9::int[], $10::int[]) AS m (criterion_id, value, max_score)
      ON CONFLICT (evaluation_id, criterion_id) DO UPDATE SET value = excluded.value, max_score = excluded.max_score
    ), unscored AS (
      DELETE FROM criterion_scores cs USING ev
       WHERE cs.evaluation_id = ev.id AND cs.criterion_id <> ALL ($8::uuid[])
    ), done AS (
      UPDATE jury_assignments SET status = 'DONE', updated_at = now() WHERE id = $1 AND status <> 'DONE'
    ), counted AS (
      SELECT (SELECT weighted_score FROM old WHERE $11::boolean) AS before, ev.weighted_score AS after FROM ev
    ), delta AS (
      SELECT CASE WHEN before IS NULL THEN 1 ELSE 0 END AS n,
             after - coalesce(before, 0) AS sum,
             after * after - coalesce(before * before, 0) AS sum_sq
        FROM counted
    ), juror AS (
      INSERT INTO leaderboard_juror_stats AS x (hackathon_id, juror_id, n, sum, sum_sq, version)
      SELECT $2::uuid, $5::uuid, n, sum, sum_sq, 1 FROM delta
      ON CONFLICT (hackathon_id, juror_id) DO UPDATE
        SET n = x.n + excluded.n, sum = x.sum + excluded.sum, sum_sq = x.sum_sq + excluded.sum_sq,
            version = x.version + 1, updated_at = now()
    ), team AS (
      INSERT INTO leaderboard_team_stats AS x (team_id, hackathon_id, n, sum, sum_sq)
      SELECT $4::uuid, $2::uuid, n, sum, sum_sq FROM delta
      ON CONFLICT (team_id) DO UPDATE
        SET n = x.n + excluded.n, sum = x.sum + excluded.sum, sum_sq = x.sum_sq + excluded.sum_sq,
            updated_at = now()
    ), audit AS (
      INSERT INTO audit_log (hackathon_id, actor_id, action, entity_type, entity_id, before, after)
      SELECT $2::uuid, $13::uuid, CASE WHEN old.id IS NULL THEN 'evaluation.score' ELSE 'evaluation.rescore' END,
             'evaluation', ev.id,
             CASE WHEN old.id IS NOT NULL THEN
               jsonb_build_object('scores', old.scores, 'comment', old.comment, 'weightedScore', old.weighted_score)
             END,
             jsonb_build_object('scores', $12::jsonb, 'comment', ev.comment, 'weightedScore', ev.weighted_score)
        FROM ev LEFT JOIN old ON true
    )
    SELECT id, assignment_id, hackathon_id, submission_id, team_id, juror_id, comment,
           weighted_score::text AS weighted_score, created_at, updated_at
      FROM ev`,
};

@Injectable()
export class ScoringService {
  private reads?: ReturnType<typeof lockStatements>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: LeaderboardEvents,
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

  /**
   * Three statements in one transaction, whatever the number of criteria: the hackathon row
   * locked FOR SHARE (a phase change waits for this scoring), then the assignment row FOR
   * UPDATE (lock order everywhere: hackathon row, assignment row, juror stats, team stats), then
   * every write at once (WRITE_EVALUATION): the evaluation, its criterion scores, the DONE
   * status, the exact running totals and the audit entry, with the old evaluation read after
   * the assignment lock so a concurrent re-score of the same assignment is never missed.
   */
  private write(
    viewer: Viewer,
    assignmentId: string,
    scores: CriterionScoreInput[],
    comment: string,
  ): Promise<EvaluationEntity> {
    this.reads ??= lockStatements(new EntityColumns(this.dataSource, HackathonEntity, 'h'));
    const reads = this.reads;
    return this.dataSource.transaction(async (m) => {
      const [found] = await queryPrepared<Record<string, unknown> & { juror_id: string }>(
        m,
        reads.lockHackathon,
        [assignmentId],
      );
      if (!found) throw notFound('Assignment');
      if (found.juror_id !== viewer.id)
        throw forbidden('Only the assigned juror can score this submission');
      const h = reads.hackathon.fromRow(found);
      this.hackathons.assertPhase('scoreSubmission', h);
      const [a] = await queryPrepared<LockedAssignment>(m, reads.lockAssignment, [assignmentId]);
      if (a.status === AssignmentStatus.RECUSED)
        throw conflict('This assignment is recused: it can no longer be scored');

      const criteria = a.criteria ?? [];
      const text = this.validate(criteria, scores, comment);
      const marks = scores.map((s) => ({
        criterionId: s.criterionId.toLowerCase(),
        value: s.value,
      }));
      const value = weightedScore(marks, criteria);
      const maxScore = new Map(criteria.map((c) => [c.id, c.maxScore]));
      const [row] = await queryPrepared<EvaluationRow>(m, WRITE_EVALUATION, [
        assignmentId,
        h.id,
        a.submission_id,
        a.team_id,
        a.juror_id,
        text,
        value,
        marks.map((s) => s.criterionId),
        marks.map((s) => s.value),
        marks.map((s) => maxScore.get(s.criterionId)!),
        a.status === AssignmentStatus.DONE,
        JSON.stringify(Object.fromEntries(marks.map((s) => [s.criterionId, s.value]))),
        viewer.id,
      ]);
      return Object.assign(new EvaluationEntity(), {
        id: row.id,
        assignmentId: row.assignment_id,
        hackathonId: row.hackathon_id,
        submissionId: row.submission_id,
        teamId: row.team_id,
        jurorId: row.juror_id,
        comment: row.comment,
        weightedScore: Number(row.weighted_score),
        createdAt: row.created_at,
        updatedAt: row.updated_at,
      });
    });
  }

  private validate(
    criteria: ScoredCriterion[],
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
