// Announcements: the public list, the organizers' mutation and the live subscription.
import { Args, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { CurrentViewer, Public, Roles } from '../auth/auth.decorators';
import { Viewer } from '../auth/viewer';
import { IdArg } from '../common/id-arg';
import { Role } from '../graphql/enums';
import { GqlContext, LoaderRegistry } from '../graphql/gql-context';
import { AnnouncementEvent, AnnouncementModel } from './announcement.model';
import { AnnouncementsService } from './announcements.service';
import { AnnouncementsArgs } from './dto/announcements.args';

@Resolver(() => AnnouncementModel)
export class AnnouncementsResolver {
  constructor(private readonly announcementsService: AnnouncementsService) {}

  @Public()
  @Query(() => [AnnouncementModel], {
    description: 'Announcements of a visible hackathon, newest first.',
  })
  async announcements(
    @CurrentViewer() viewer: Viewer,
    @Args() args: AnnouncementsArgs,
  ): Promise<AnnouncementModel[]> {
    return (
      await this.announcementsService.list(viewer, args.hackathonId, args.first, args.after)
    ).map(AnnouncementModel.from);
  }

  @Roles(Role.ORGANIZER)
  @Mutation(() => AnnouncementModel, {
    description: 'Posts an announcement to everyone following the hackathon (organizers).',
  })
  async postAnnouncement(
    @CurrentViewer() viewer: Viewer,
    @IdArg('hackathonId', 'The hackathon.') hackathonId: string,
    @Args('title', { description: 'Title, 3–200 characters.' }) title: string,
    @Args('body', { description: 'Body (Markdown), 1–10 000 characters.' }) body: string,
  ): Promise<AnnouncementModel> {
    return AnnouncementModel.from(
      await this.announcementsService.post(viewer, hackathonId, title, body),
    );
  }

  @Public()
  @Subscription(() => AnnouncementModel, {
    description:
      'Each new announcement of a hackathon the viewer can see (anonymous clients included).',
    // The context lives as long as the subscription: give every event fresh DataLoaders so the
    // author is read as it is now, not as it was cached for an earlier event.
    resolve: (event: AnnouncementEvent, _args: unknown, ctx: GqlContext) => {
      ctx.loaders = LoaderRegistry.forEvent(event);
      return AnnouncementModel.fromEvent(event);
    },
  })
  announcementPosted(
    @CurrentViewer() viewer: Viewer,
    @IdArg('hackathonId', 'The hackathon to follow.') hackathonId: string,
  ): Promise<AsyncIterableIterator<AnnouncementEvent>> {
    return this.announcementsService.follow(viewer, hackathonId);
  }
}
