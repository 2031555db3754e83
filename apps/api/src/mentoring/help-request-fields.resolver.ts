import { ResolveField, Resolver } from '@nestjs/graphql';
import { AccountsService } from '../accounts/accounts.service';
import { UserModel } from '../accounts/user.model';
import type { GqlContext, NoArgs } from '../graphql/gql-context';
import { viewerOf } from '../auth/auth.decorators';
import { TeamLoaders } from '../teams/team.loaders';
import { TeamModel } from '../teams/team.model';
import { HelpRequestModel } from './help-request.model';

@Resolver(() => HelpRequestModel)
export class HelpRequestFieldsResolver {
  constructor(
    private readonly accounts: AccountsService,
    private readonly teamLoaders: TeamLoaders,
  ) {}

  // Only the team's school teachers, organizers and the team itself ever receive a help request,
  // and they may all see the team.
  @ResolveField(() => TeamModel, { description: 'The team asking.' })
  async team(request: HelpRequestModel, _args: NoArgs, ctx: GqlContext): Promise<TeamModel | null> {
    const team = await this.teamLoaders.team(ctx.loaders).load(request.teamId);
    return team ? TeamModel.from(team) : null;
  }

  @ResolveField(() => UserModel, {
    nullable: true,
    description: 'The teacher or organizer who took it, if any.',
  })
  async claimedBy(
    request: HelpRequestModel,
    _args: NoArgs,
    ctx: GqlContext,
  ): Promise<UserModel | null> {
    if (!request.claimedById) return null;
    const user = await this.accounts.loader(ctx.loaders).load(request.claimedById);
    return user ? UserModel.from(user, viewerOf(ctx)) : null;
  }
}
