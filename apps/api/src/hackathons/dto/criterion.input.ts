import { Field, Float, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsNumber, IsString } from 'class-validator';

@InputType('CriterionInput', { description: 'A new judging criterion of a hackathon.' })
export class CriterionInput {
  @Field({ description: 'Name, 2–80 characters.' })
  @IsString()
  name: string;

  @Field({ description: 'What jurors look at (at most 2 000 characters).' })
  @IsString()
  description: string;

  @Field(() => Float, { description: 'Weight, > 0 and at most 1 000; weights need not sum to 1.' })
  @IsNumber()
  weight: number;

  @Field(() => Int, { description: 'Scores are integers from 0 to maxScore (1–100).' })
  @IsInt()
  maxScore: number;
}
