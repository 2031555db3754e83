import { Args, Context, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { CurrentViewer, Roles, viewerOf } from '../auth/auth.decorators';
import { Viewer } from '../auth/viewer';
import { badInput, forbidden } from '../common/errors';
import { IdArg, OptionalIdArg } from '../common/id-arg';
import { Role } from '../graphql/enums';
import { GqlContext, LoaderRegistry } from '../graphql/gql-context';
import { HelpRequestsArgs } from './dto/help-requests.args';
import { TeamHelpRequestsArgs } from './dto/team-help-requests.args';
import { HelpRequestEvent, HelpRequestModel } from './help-request.model';
import { HelpRequestsService } from './help-requests.service';

@Resolver(() => HelpRequestModel)
export class HelpRequestsResolver {
  constructor(private readonly help: HelpRequestsService) {}

  @Roles(Role.TEACHER, Role.ORGANIZER)
  @Query(() => [HelpRequestModel], {
    description:
      'Help requests of a hackathon, newest first: teachers see their school’s, organizers all.',
  })
  async helpRequests(
    @CurrentViewer() viewer: Viewer,
    @Args() args: HelpRequestsArgs,
  ): Promise<HelpRequestModel[]> {
    const rows = await this.help.list(
      viewer,
      args.hackathonId.toLowerCase(),
      args.first,
      args.after?.toLowerCase(),
    );
    return rows.map(HelpRequestModel.from);
  }

  @Roles(Role.PUPIL, Role.TEACHER, Role.ORGANIZER)
  @Query(() => [HelpRequestModel], {
    description:
      'Help requests of one team, newest first: its members and mentor, teachers of its school and organizers; FORBIDDEN otherwise.',
  })
  async teamHelpRequests(
    @CurrentViewer() viewer: Viewer,
    @Args() args: TeamHelpRequestsArgs,
    @Context() ctx: GqlContext,
  ): Promise<HelpRequestModel[]> {
    const team = await this.help.assertMayReadTeam(viewer, args.teamId.toLowerCase(), ctx.loaders);
    const rows = await this.help.listForTeam(team, args.first, args.after?.toLowerCase());
    return rows.map(HelpRequestModel.from);
  }

  @Roles(Role.PUPIL)
  @Mutation(() => HelpRequestModel, {
    description: 'A team member asks the teachers of their school for help.',
  })
  async requestHelp(
    @CurrentViewer() viewer: Viewer,
    @IdArg('teamId', 'The team asking.') teamId: string,
    @Args('topic', { description: 'What the team needs help with (3–200 characters).' })
    topic: string,
  ): Promise<HelpRequestModel> {
    return HelpRequestModel.from(await this.help.request(viewer, teamId, topic));
  }

  @Roles(Role.TEACHER, Role.ORGANIZER)
  @Mutation(() => HelpRequestModel, {
    description:
      'Takes an OPEN request (teachers of the team’s school, organizers); CONFLICT if someone else has it.',
  })
  async claimHelpRequest(
    @CurrentViewer() viewer: Viewer,
    @IdArg('id', 'The help request.') id: string,
  ): Promise<HelpRequestModel> {
    return HelpRequestModel.from(await this.help.claim(viewer, id));
  }

  @Roles(Role.TEACHER, Role.ORGANIZER)
  @Mutation(() => HelpRequestModel, {
    description:
      'Marks an OPEN or CLAIMED request RESOLVED (teachers of the team’s school, organizers); idempotent.',
  })
  async resolveHelpRequest(
    @CurrentViewer() viewer: Viewer,
    @IdArg('id', 'The help request.') id: string,
  ): Promise<HelpRequestModel> {
    return HelpRequestModel.from(await this.help.resolve(viewer, id));
  }

  @Roles(Role.TEACHER, Role.ORGANIZER, Role.PUPIL)
  @Subscription(() => HelpRequestModel, {
    description:
      'Each creation, claim or resolution of a help request: teachers get their school’s, organizers all; with teamId, only that team’s (its members may follow it too).',
    // Runs with the subscriber's context: the viewer resolved once when the subscription started.
    filter(
      this: HelpRequestsResolver,
      event: HelpRequestEvent,
      variables: { teamId?: string | null },
      ctx: GqlContext,
    ) {
      const viewer = viewerOf(ctx);
      if (!variables.teamId) return this.help.mayHandle(viewer, event);
      if (event.teamId !== variables.teamId.toLowerCase()) return false;
      return this.help.mayFollow(viewer, event);
    },
    resolve(event: HelpRequestEvent, _args: unknown, ctx: GqlContext) {
      // The context lives as long as the subscription: fresh DataLoaders per event, never a stale cache.
      ctx.loaders = LoaderRegistry.forEvent(event);
      return HelpRequestModel.fromEvent(event);
    },
  })
  async helpRequestChanged(
    @CurrentViewer() viewer: Viewer,
    @IdArg('hackathonId', 'The hackathon to watch.') hackathonId: string,
    @OptionalIdArg('teamId', 'Only this team’s requests (required for pupils: their own team).')
    teamId: string | null | undefined,
    @Context() ctx: GqlContext,
  ) {
    await this.help.assertHackathonExists(hackathonId);
    if (teamId) {
      const team = await this.help.assertMayReadTeam(viewer, teamId, ctx.loaders);
      if (team.hackathonId !== hackathonId)
        throw badInput({ teamId: 'is not a team of this hackathon' });
    } else if (!viewer.isOrganizer && !viewer.is(Role.TEACHER)) {
      throw forbidden('Pupils follow their own team’s requests (teamId)');
    }
    return this.help.subscribe(hackathonId);
  }
}
