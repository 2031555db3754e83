import { Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AccountsService } from '../accounts/accounts.service';
import { UserModel } from '../accounts/user.model';
import { Roles, viewerOf } from '../auth/auth.decorators';
import { IdArg } from '../common/id-arg';
import { Role } from '../graphql/enums';
import type { GqlContext, NoArgs } from '../graphql/gql-context';
import { JurorScoreDistributionModel } from './juror-score-distribution.model';
import { ScoreDistributionService } from './score-distribution.service';

@Resolver(() => JurorScoreDistributionModel)
export class ScoreDistributionResolver {
  constructor(
    private readonly distribution: ScoreDistributionService,
    private readonly accounts: AccountsService,
  ) {}

  @Roles(Role.ORGANIZER)
  @Query(() => [JurorScoreDistributionModel], {
    description:
      'For each juror with a live assignment in the hackathon, the distribution of the weighted scores they gave (organizers).',
  })
  jurorScoreDistribution(
    @IdArg('hackathonId', 'The hackathon.') hackathonId: string,
  ): Promise<JurorScoreDistributionModel[]> {
    return this.distribution.byJuror(hackathonId);
  }

  @ResolveField(() => UserModel, { description: 'The juror.' })
  async juror(d: JurorScoreDistributionModel, _args: NoArgs, ctx: GqlContext): Promise<UserModel> {
    const viewer = viewerOf(ctx);
    const user = await this.accounts.loader(ctx.loaders).load(d.jurorId);
    return UserModel.from(user!, viewer);
  }
}
