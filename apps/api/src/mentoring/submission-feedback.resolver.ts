// Submission.feedback lives with mentoring: who may read feedback is a mentoring rule.
import { ResolveField, Resolver } from '@nestjs/graphql';
import type { GqlContext, NoArgs } from '../graphql/gql-context';
import { viewerOf } from '../auth/auth.decorators';
import { SubmissionModel } from '../submissions/submission.model';
import { FeedbackModel } from './feedback.model';
import { FeedbackService } from './feedback.service';

@Resolver(() => SubmissionModel)
export class SubmissionFeedbackResolver {
  constructor(private readonly feedbackService: FeedbackService) {}

  @ResolveField(() => [FeedbackModel], {
    description:
      'Feedback, oldest first: visible to the team, its mentor and organizers; empty for anyone else (jurors included).',
  })
  async feedback(
    submission: SubmissionModel,
    _args: NoArgs,
    ctx: GqlContext,
  ): Promise<FeedbackModel[]> {
    // Viewers who may see the submission but not its feedback (jurors, the public) get an empty list, not an error.
    if (!(await this.feedbackService.canSee(viewerOf(ctx), submission.teamId, ctx.loaders)))
      return [];
    return (await this.feedbackService.bySubmissionLoader(ctx.loaders).load(submission.id)).map(
      FeedbackModel.from,
    );
  }
}
