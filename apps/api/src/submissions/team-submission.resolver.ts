// Team.submission: the teams feature leaves this field to submissions. Team visibility is checked upstream.
import { ResolveField, Resolver } from '@nestjs/graphql';
import type { GqlContext, NoArgs } from '../graphql/gql-context';
import { TeamModel } from '../teams/team.model';
import { SubmissionModel } from './submission.model';
import { SubmissionsService } from './submissions.service';

@Resolver(() => TeamModel)
export class TeamSubmissionResolver {
  constructor(private readonly submissions: SubmissionsService) {}

  @ResolveField(() => SubmissionModel, {
    nullable: true,
    description: 'The team’s project, once saved.',
  })
  async submission(
    team: TeamModel,
    _args: NoArgs,
    ctx: GqlContext,
  ): Promise<SubmissionModel | null> {
    const submission = await this.submissions.byTeamLoader(ctx.loaders).load(team.id);
    return submission ? SubmissionModel.from(submission) : null;
  }
}
