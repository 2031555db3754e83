import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

@Entity('evaluations')
export class EvaluationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'assignment_id' })
  assignmentId: string;

  @Column({ type: 'uuid', name: 'hackathon_id' })
  hackathonId: string;

  @Column({ type: 'uuid', name: 'submission_id' })
  submissionId: string;

  @Column({ type: 'uuid', name: 'team_id' })
  teamId: string;

  @Column({ type: 'uuid', name: 'juror_id' })
  jurorId: string;

  @Column({ type: 'text' })
  comment: string;

  /**
   * 0..100 (RULES.md "weightedScore"), kept to 9 decimals: numeric, so the leaderboard's running
   * totals are exact sums of these values.
   */
  @Column({
    type: 'numeric',
    precision: 12,
    scale: 9,
    name: 'weighted_score',
    transformer: { to: (v: number) => v, from: (v: string | null) => (v === null ? v : Number(v)) },
  })
  weightedScore: number;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}

@Entity('criterion_scores')
export class CriterionScoreEntity {
  @PrimaryColumn('uuid', { name: 'evaluation_id' })
  evaluationId: string;

  @PrimaryColumn('uuid', { name: 'criterion_id' })
  criterionId: string;

  @Column({ type: 'integer' })
  value: number;

  /** Copied from the criterion so the database CHECK criterion_scores_range enforces the scale. */
  @Column({ type: 'integer', name: 'max_score' })
  maxScore: number;
}
