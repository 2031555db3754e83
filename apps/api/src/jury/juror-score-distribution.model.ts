import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('JurorScoreDistribution', {
  description:
    'How one juror scored in a hackathon: the spread of the weighted scores of their DONE evaluations, to spot severe and lenient jurors (organizers).',
})
export class JurorScoreDistributionModel {
  /** Resolved through the accounts DataLoader. */
  jurorId: string;

  @Field(() => Int, { description: 'DONE (scored) evaluations the figures are made of.' })
  count: number;

  @Field(() => Int, { description: 'Assignments still waiting for this juror’s score.' })
  pending: number;

  @Field(() => Float, { nullable: true, description: 'Mean weighted score (null without score).' })
  mean: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Population standard deviation, as used by Z_SCORE ranking (null without score; 0 with one).',
  })
  stddev: number | null;

  @Field(() => Float, { nullable: true, description: 'Lowest weighted score.' })
  min: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'First quartile (linear interpolation between scores).',
  })
  q1: number | null;

  @Field(() => Float, { nullable: true, description: 'Median weighted score.' })
  median: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Third quartile (linear interpolation between scores).',
  })
  q3: number | null;

  @Field(() => Float, { nullable: true, description: 'Highest weighted score.' })
  max: number | null;

  @Field(() => [Float], {
    description: 'Every weighted score the juror gave (0..100, to 9 decimals), lowest first.',
  })
  scores: number[];
}
