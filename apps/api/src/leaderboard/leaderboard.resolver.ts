import { Args, Int, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { CurrentViewer, Public, Roles } from '../auth/auth.decorators';
import { Viewer } from '../auth/viewer';
import { badInput } from '../common/errors';
import { IdArg, OptionalIdArg } from '../common/id-arg';
import { RankingMethod, Role, SchoolLevel } from '../graphql/enums';
import { GqlContext, LoaderRegistry } from '../graphql/gql-context';
import { LeaderboardEvents } from './leaderboard-events.service';
import { LeaderboardLiveService } from './leaderboard-live.service';
import { LeaderboardModel } from './leaderboard.model';
import { LeaderboardService } from './leaderboard.service';
import { BoardFilter } from './leaderboard.types';

const categoryArg = () =>
  Args('category', {
    type: () => SchoolLevel,
    nullable: true,
    description: 'Only teams of this category (ranks within it).',
  });
const trackArg = () => OptionalIdArg('trackId', 'Only teams of this track (ranks within it).');
const methodArg = () =>
  Args('method', {
    type: () => RankingMethod,
    nullable: true,
    defaultValue: RankingMethod.MEAN,
    description: 'MEAN or Z_SCORE.',
  });
const firstArg = () =>
  Args('first', {
    type: () => Int,
    nullable: true,
    description: 'Only the first entries (unset: every entry).',
  });

function filterOf(
  category: SchoolLevel | null | undefined,
  trackId: string | null | undefined,
  method: RankingMethod | null,
  first: number | null | undefined,
): BoardFilter {
  if (first != null && first < 0) throw badInput({ first: 'must be 0 or more' });
  return {
    category: category ?? null,
    trackId: trackId ?? null,
    method: method ?? RankingMethod.MEAN,
    first: first ?? null,
  };
}

@Resolver(() => LeaderboardModel)
export class LeaderboardResolver {
  constructor(
    private readonly boards: LeaderboardService,
    private readonly live: LeaderboardLiveService,
    private readonly events: LeaderboardEvents,
  ) {}

  // Public so that everyone reads a published board; before publication the service answers
  // FORBIDDEN to anyone but organizers, anonymous visitors included (RULES.md "Leaderboard").
  @Public()
  @Query(() => LeaderboardModel, {
    description: 'The ranking: organizers while judging, everyone once published (frozen).',
  })
  async leaderboard(
    @CurrentViewer() viewer: Viewer,
    @IdArg('hackathonId', 'The hackathon.') hackathonId: string,
    @categoryArg() category: SchoolLevel | null,
    @trackArg() trackId: string | null,
    @methodArg() method: RankingMethod | null,
    @firstArg() first: number | null,
  ): Promise<LeaderboardModel> {
    const { hackathon, board } = await this.boards.read(
      viewer,
      hackathonId,
      filterOf(category, trackId, method, first),
    );
    return LeaderboardModel.from(hackathon, board);
  }

  @Roles(Role.ORGANIZER)
  @Mutation(() => LeaderboardModel, {
    description:
      'Moves JUDGING to RESULTS and freezes the ranking for everyone; in RESULTS, publishing again replaces it.',
  })
  async publishResults(
    @CurrentViewer() viewer: Viewer,
    @IdArg('hackathonId', 'The hackathon.') hackathonId: string,
  ): Promise<LeaderboardModel> {
    const h = await this.boards.publish(viewer, hackathonId);
    await this.events.changed(hackathonId);
    return LeaderboardModel.from(h, await this.boards.board(h, { method: RankingMethod.MEAN }));
  }

  @Public()
  @Subscription(() => LeaderboardModel, {
    description:
      'A fresh board within a second of each score (bursts coalesced): organizers while judging, everyone once published.',
    // Each pushed board is a new moment: relations are loaded afresh, once for all its subscribers.
    resolve: (payload: LeaderboardModel, _args: unknown, ctx: GqlContext) => {
      ctx.loaders = LoaderRegistry.forEvent(payload);
      return payload;
    },
  })
  async leaderboardUpdated(
    @CurrentViewer() viewer: Viewer,
    @IdArg('hackathonId', 'The hackathon.') hackathonId: string,
    @categoryArg() category: SchoolLevel | null,
    @trackArg() trackId: string | null,
    @methodArg() method: RankingMethod | null,
    @firstArg() first: number | null,
  ): Promise<AsyncIterableIterator<LeaderboardModel>> {
    const filter = filterOf(category, trackId, method, first);
    const h = await this.boards.readable(viewer, hackathonId);
    return this.live.subscribe(h, filter, viewer.isOrganizer);
  }
}
