import { Args, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { CurrentViewer, Roles } from '../auth/auth.decorators';
import { Viewer } from '../auth/viewer';
import { IdArg } from '../common/id-arg';
import { Role } from '../graphql/enums';
import { GqlContext, LoaderRegistry } from '../graphql/gql-context';
import { HelpRequestsArgs } from './dto/help-requests.args';
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

  @Roles(Role.TEACHER, Role.ORGANIZER)
  @Subscription(() => HelpRequestModel, {
    description:
      'Each creation, claim or resolution of a help request: teachers get their school’s, organizers all.',
    // Runs with the subscriber's context: the viewer resolved once when the subscription started.
    filter(
      this: HelpRequestsResolver,
      event: HelpRequestEvent,
      _variables: unknown,
      ctx: GqlContext,
    ) {
      return this.help.mayHandle(ctx.viewer ?? Viewer.anonymous(), event);
    },
    resolve(event: HelpRequestEvent, _args: unknown, ctx: GqlContext) {
      // The context lives as long as the subscription: fresh DataLoaders per event, never a stale cache.
      ctx.loaders = LoaderRegistry.forEvent(event);
      return HelpRequestModel.fromEvent(event);
    },
  })
  async helpRequestChanged(@IdArg('hackathonId', 'The hackathon to watch.') hackathonId: string) {
    await this.help.assertHackathonExists(hackathonId);
    return this.help.subscribe(hackathonId);
  }
}
