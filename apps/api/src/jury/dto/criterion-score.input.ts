import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsUUID } from 'class-validator';

@InputType('CriterionScoreInput', {
  description: 'One mark: an integer for one criterion of the hackathon.',
})
export class CriterionScoreInput {
  @Field(() => ID, { description: 'The criterion.' })
  @IsUUID('all', { message: 'must be a valid ID (UUID)' })
  criterionId: string;

  @Field(() => Int, { description: 'An integer from 0 to the criterion’s maxScore.' })
  @IsInt()
  value: number;
}
