import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('AssignmentSummary', {
  description: 'Where the jury assignment of a hackathon stands after a run.',
})
export class AssignmentSummaryModel {
  @Field(() => Int, { description: 'Non-recused assignments of the hackathon.' })
  assignments: number;

  @Field(() => Int, { description: 'Judged submissions (SUBMITTED, team VALIDATED).' })
  submissions: number;

  @Field(() => Int, { description: 'Jurors holding at least one non-recused assignment.' })
  jurors: number;

  @Field(() => Int, {
    description: 'Fewest non-recused jurors on a judged submission (0 when there is none).',
  })
  minPerSubmission: number;

  @Field(() => Int, { description: 'Most non-recused assignments held by one juror.' })
  maxPerJuror: number;
}
