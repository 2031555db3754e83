import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../graphql/gql-context';
import { TeamLoaders } from '../teams/team.loaders';
import { TeamModel } from '../teams/team.model';
import { LeaderboardEntryModel } from './leaderboard.model';

@Resolver(() => LeaderboardEntryModel)
export class LeaderboardEntryFieldsResolver {
  constructor(private readonly teams: TeamLoaders) {}

  // Whoever reads a board may see its teams: organizers, or everyone once results are published
  // (the team access policy says the same), so no per-team check here.
  @ResolveField(() => TeamModel, { description: 'The team.' })
  async team(
    @Parent() entry: LeaderboardEntryModel,
    @Context() ctx: GqlContext,
  ): Promise<TeamModel> {
    return TeamModel.from((await this.teams.team(ctx.loaders).load(entry.teamId))!);
  }
}
