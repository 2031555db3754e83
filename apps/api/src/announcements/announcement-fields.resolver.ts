import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AccountsService } from '../accounts/accounts.service';
import { UserModel } from '../accounts/user.model';
import { CurrentViewer } from '../auth/auth.decorators';
import { Viewer } from '../auth/viewer';
import { notFound } from '../common/errors';
import type { GqlContext } from '../graphql/gql-context';
import { AnnouncementModel } from './announcement.model';

@Resolver(() => AnnouncementModel)
export class AnnouncementFieldsResolver {
  constructor(private readonly accounts: AccountsService) {}

  @ResolveField(() => UserModel, {
    description: 'The organizer who posted it, as the viewer may see them.',
  })
  async author(
    @Parent() a: AnnouncementModel,
    @CurrentViewer() viewer: Viewer,
    @Context() ctx: GqlContext,
  ): Promise<UserModel> {
    const user = a.authorId ? await this.accounts.loader(ctx.loaders).load(a.authorId) : null;
    if (!user) throw notFound('Author');
    return UserModel.from(user, viewer);
  }
}
