// The projects gallery: the ranked teams of a published hackathon, by name, a page at a time.
import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Public } from '../auth/auth.decorators';
import { Viewer } from '../auth/viewer';
import { RankingMethod } from '../graphql/enums';
import type { GqlContext } from '../graphql/gql-context';
import { TeamLoaders } from '../teams/team.loaders';
import { TeamModel } from '../teams/team.model';
import { ProjectGalleryArgs } from './dto/project-gallery.args';
import { LeaderboardService } from './leaderboard.service';

const byName = (a: { name: string; teamId: string }, b: { name: string; teamId: string }) =>
  a.name.localeCompare(b.name, 'fr', { sensitivity: 'base' }) ||
  (a.teamId < b.teamId ? -1 : a.teamId > b.teamId ? 1 : 0);

@Resolver(() => TeamModel)
export class ProjectGalleryResolver {
  constructor(
    private readonly boards: LeaderboardService,
    private readonly teams: TeamLoaders,
  ) {}

  // Public like the leaderboard, with the same rule: organizers before publication, everyone after.
  // The teams are those of the board (judged submissions), so their submissions are public too.
  @Public()
  @Query(() => [TeamModel], {
    description:
      'The projects gallery: teams with a judged submission, by name; everyone once results are published (organizers before), FORBIDDEN otherwise.',
  })
  async projectGallery(
    @CurrentViewer() viewer: Viewer,
    @Args() args: ProjectGalleryArgs,
    @Context() ctx: GqlContext,
  ): Promise<TeamModel[]> {
    const h = await this.boards.readable(viewer, args.hackathonId.toLowerCase());
    const board = await this.boards.board(h, {
      method: RankingMethod.MEAN,
      category: args.category ?? null,
      trackId: args.trackId?.toLowerCase() ?? null,
    });
    const sorted = [...board.entries].sort(byName);
    let start = 0;
    if (args.after) {
      // An unknown cursor gives an empty page, never a wrong one.
      const index = sorted.findIndex((e) => e.teamId === args.after!.toLowerCase());
      if (index < 0) return [];
      start = index + 1;
    }
    const page = sorted.slice(start, start + args.first);
    const teams = await this.teams.team(ctx.loaders).loadMany(page.map((e) => e.teamId));
    return teams.flatMap((t) => (t && !(t instanceof Error) ? [TeamModel.from(t)] : []));
  }
}
