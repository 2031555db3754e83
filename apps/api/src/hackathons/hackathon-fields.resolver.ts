// Hackathon fields read from other tables, batched per request through DataLoaders.
import { Int, ResolveField, Resolver } from '@nestjs/graphql';
import type { GqlContext, NoArgs } from '../graphql/gql-context';
import { CriterionModel, HackathonModel, TrackModel } from './hackathon.model';
import { HackathonsService } from './hackathons.service';
import { TracksAndCriteriaService } from './tracks-and-criteria.service';

@Resolver(() => HackathonModel)
export class HackathonFieldsResolver {
  constructor(
    private readonly hackathons: HackathonsService,
    private readonly tracksAndCriteria: TracksAndCriteriaService,
  ) {}

  @ResolveField(() => [TrackModel], { description: 'Tracks teams can choose, in order.' })
  async tracks(h: HackathonModel, _args: NoArgs, ctx: GqlContext): Promise<TrackModel[]> {
    return (await this.tracksAndCriteria.tracksOfHackathonLoader(ctx.loaders).load(h.id)).map(
      TrackModel.from,
    );
  }

  @ResolveField(() => [CriterionModel], { description: 'Judging criteria, in order.' })
  async criteria(h: HackathonModel, _args: NoArgs, ctx: GqlContext): Promise<CriterionModel[]> {
    return (await this.tracksAndCriteria.criteriaOfHackathonLoader(ctx.loaders).load(h.id)).map(
      CriterionModel.from,
    );
  }

  @ResolveField(() => Int, { description: 'Number of teams that have not withdrawn.' })
  teamCount(h: HackathonModel, _args: NoArgs, ctx: GqlContext): Promise<number> {
    return this.hackathons.teamCountLoader(ctx.loaders).load(h.id);
  }
}
