import { Args, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import { AccountsService } from '../accounts/accounts.service';
import { UserModel } from '../accounts/user.model';
import { CurrentViewer, Roles, viewerOf } from '../auth/auth.decorators';
import { Viewer } from '../auth/viewer';
import { IdArg } from '../common/id-arg';
import { Role } from '../graphql/enums';
import type { GqlContext, NoArgs } from '../graphql/gql-context';
import { FeedbackModel } from './feedback.model';
import { FeedbackService } from './feedback.service';

@Resolver(() => FeedbackModel)
export class FeedbackResolver {
  constructor(
    private readonly feedback: FeedbackService,
    private readonly accounts: AccountsService,
  ) {}

  @Roles(Role.TEACHER, Role.ORGANIZER)
  @Mutation(() => FeedbackModel, {
    description: 'Adds feedback to a submission (the team’s mentor or an organizer).',
  })
  async addFeedback(
    @CurrentViewer() viewer: Viewer,
    @IdArg('submissionId', 'The submission commented on.') submissionId: string,
    @Args('body', { description: 'The remark, 1–5000 characters.' }) body: string,
  ): Promise<FeedbackModel> {
    return FeedbackModel.from(await this.feedback.add(viewer, submissionId, body));
  }

  // The contract makes author non-null; accounts are erased, not deleted, so the row stays.
  @ResolveField(() => UserModel, { description: 'Who wrote it.' })
  async author(feedback: FeedbackModel, _args: NoArgs, ctx: GqlContext): Promise<UserModel | null> {
    if (!feedback.authorId) return null;
    const user = await this.accounts.loader(ctx.loaders).load(feedback.authorId);
    return user ? UserModel.from(user, viewerOf(ctx)) : null;
  }
}
