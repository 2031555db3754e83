import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Roles } from '../auth/auth.decorators';
import { Viewer } from '../auth/viewer';
import { IdArg } from '../common/id-arg';
import { Role } from '../graphql/enums';
import { SubmissionInput } from './dto/submission.input';
import { SubmissionModel } from './submission.model';
import { SubmissionVersionModel } from './submission-version.model';
import { SubmissionsService } from './submissions.service';

@Resolver(() => SubmissionModel)
export class SubmissionsResolver {
  constructor(private readonly submissions: SubmissionsService) {}

  // Only pupils can be team members; membership itself is checked by the service.
  @Roles(Role.PUPIL)
  @Mutation(() => SubmissionModel, {
    description:
      'Creates or updates the team’s submission (members, until the deadline); CONFLICT when expectedVersion is stale.',
  })
  async saveSubmission(
    @CurrentViewer() viewer: Viewer,
    @IdArg('teamId', 'The team whose submission this is.') teamId: string,
    @Args('input', { description: 'The new content.' }) input: SubmissionInput,
    @Args('expectedVersion', {
      type: () => Int,
      nullable: true,
      description:
        'The version the client last saw (0: none yet). When stale the save is refused; omitted: last writer wins.',
    })
    expectedVersion?: number | null,
  ): Promise<SubmissionModel> {
    return SubmissionModel.from(
      await this.submissions.save(viewer, teamId, input, expectedVersion),
    );
  }

  @Roles(Role.PUPIL)
  @Mutation(() => SubmissionModel, {
    description: 'Hands the submission in (members, until the deadline); idempotent.',
  })
  async submitSubmission(
    @CurrentViewer() viewer: Viewer,
    @IdArg('teamId', 'The team whose submission to hand in.') teamId: string,
  ): Promise<SubmissionModel> {
    return SubmissionModel.from(await this.submissions.submit(viewer, teamId));
  }

  @Roles(Role.ORGANIZER)
  @Query(() => [SubmissionVersionModel], {
    description:
      'Every saved version of a team’s submission, oldest first (organizers); empty before the first save.',
  })
  async submissionHistory(
    @IdArg('teamId', 'The team.') teamId: string,
  ): Promise<SubmissionVersionModel[]> {
    return (await this.submissions.history(teamId)).map(SubmissionVersionModel.from);
  }
}
