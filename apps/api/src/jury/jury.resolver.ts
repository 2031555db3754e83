import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Roles } from '../auth/auth.decorators';
import { Viewer } from '../auth/viewer';
import { IdArg } from '../common/id-arg';
import { Role } from '../graphql/enums';
import { AssignmentSummaryModel } from './assignment-summary.model';
import { CriterionScoreInput } from './dto/criterion-score.input';
import { EvaluationModel } from './evaluation.model';
import { JuryAssignmentModel } from './jury-assignment.model';
import { JuryService } from './jury.service';
import { ScoringService } from './scoring.service';

@Resolver(() => JuryAssignmentModel)
export class JuryResolver {
  constructor(
    private readonly jury: JuryService,
    private readonly scoring: ScoringService,
  ) {}

  // Any signed-in user may ask; only jurors have assignments, and only their own are returned.
  @Query(() => [JuryAssignmentModel], {
    description: 'The caller’s jury assignments in a hackathon (jurors).',
  })
  async myAssignments(
    @CurrentViewer() viewer: Viewer,
    @IdArg('hackathonId', 'The hackathon.') hackathonId: string,
  ): Promise<JuryAssignmentModel[]> {
    return (await this.jury.myAssignments(viewer, hackathonId)).map(JuryAssignmentModel.from);
  }

  @Roles(Role.ORGANIZER)
  @Query(() => [JuryAssignmentModel], {
    description: 'Every jury assignment of a hackathon, recused ones included (organizers).',
  })
  async juryAssignments(
    @IdArg('hackathonId', 'The hackathon.') hackathonId: string,
  ): Promise<JuryAssignmentModel[]> {
    return (await this.jury.hackathonAssignments(hackathonId)).map(JuryAssignmentModel.from);
  }

  @Roles(Role.ORGANIZER)
  @Mutation(() => AssignmentSummaryModel, {
    description:
      'Gives every judged submission k jurors from other schools with balanced loads (JUDGING; re-running tops up).',
  })
  assignJurors(
    @CurrentViewer() viewer: Viewer,
    @IdArg('hackathonId', 'The hackathon.') hackathonId: string,
    @Args('jurorsPerSubmission', {
      type: () => Int,
      description: 'Distinct jurors each judged submission needs.',
    })
    k: number,
  ): Promise<AssignmentSummaryModel> {
    return this.jury.assign(viewer, hackathonId, k);
  }

  @Roles(Role.JUROR)
  @Mutation(() => JuryAssignmentModel, {
    description:
      'The assigned juror declares a conflict of interest: RECUSED, and the submission goes to another juror.',
  })
  async declareConflict(
    @CurrentViewer() viewer: Viewer,
    @IdArg('assignmentId', 'The assignment.') assignmentId: string,
    @Args('reason', { description: 'Why (at most 1 000 characters; seen by organizers).' })
    reason: string,
  ): Promise<JuryAssignmentModel> {
    return JuryAssignmentModel.from(await this.jury.declareConflict(viewer, assignmentId, reason));
  }

  @Roles(Role.JUROR)
  @Mutation(() => EvaluationModel, {
    description:
      'The assigned juror scores the submission (one integer per criterion); scoring again replaces it.',
  })
  async scoreSubmission(
    @CurrentViewer() viewer: Viewer,
    @IdArg('assignmentId', 'The assignment.') assignmentId: string,
    @Args('scores', {
      type: () => [CriterionScoreInput],
      description: 'Exactly one mark per criterion of the hackathon.',
    })
    scores: CriterionScoreInput[],
    @Args('comment', { description: 'Comment for the organizers (at most 5 000 characters).' })
    comment: string,
  ): Promise<EvaluationModel> {
    return EvaluationModel.from(await this.scoring.score(viewer, assignmentId, scores, comment));
  }
}
