import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { CriterionModel } from '../hackathons/hackathon.model';
import { EvaluationEntity } from './evaluation.entity';

@ObjectType('CriterionScore', { description: 'A juror’s mark for one criterion.' })
export class CriterionScoreModel {
  @Field(() => CriterionModel, { description: 'The criterion marked.' })
  criterion: CriterionModel;

  @Field(() => Int, { description: 'The mark, an integer from 0 to the criterion’s maxScore.' })
  value: number;
}

@ObjectType('Evaluation', {
  description: 'A juror’s scores and comment for an assigned submission.',
})
export class EvaluationModel {
  @Field(() => ID, { description: 'Identifier (UUID).' })
  id: string;

  @Field({ description: 'The juror’s comment (at most 5 000 characters).' })
  comment: string;

  @Field(() => Float, {
    description: '100 × Σ(weight × value / maxScore) / Σ weight, in 0..100 (to 9 decimals).',
  })
  weightedScore: number;

  @Field({ description: 'When the evaluation was last scored.' })
  updatedAt: Date;

  // assignment and scores are field resolvers (DataLoaders).
  assignmentId: string;

  static from(e: EvaluationEntity): EvaluationModel {
    return Object.assign(new EvaluationModel(), {
      id: e.id,
      comment: e.comment,
      weightedScore: e.weightedScore,
      updatedAt: e.updatedAt,
      assignmentId: e.assignmentId,
    });
  }
}
