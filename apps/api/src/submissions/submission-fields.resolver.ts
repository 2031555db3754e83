import { ResolveField, Resolver } from '@nestjs/graphql';
import type { GqlContext, NoArgs } from '../graphql/gql-context';
import { TeamLoaders } from '../teams/team.loaders';
import { TeamModel } from '../teams/team.model';
import { SubmissionModel } from './submission.model';

@Resolver(() => SubmissionModel)
export class SubmissionFieldsResolver {
  constructor(private readonly teamLoaders: TeamLoaders) {}

  // Whoever may see a submission may see its team (members, mentor, school's teachers, assigned jurors, organizers).
  @ResolveField(() => TeamModel, { description: 'The team that made it.' })
  async team(
    submission: SubmissionModel,
    _args: NoArgs,
    ctx: GqlContext,
  ): Promise<TeamModel | null> {
    const team = await this.teamLoaders.team(ctx.loaders).load(submission.teamId);
    return team ? TeamModel.from(team) : null;
  }
}
