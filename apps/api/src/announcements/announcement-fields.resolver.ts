import { ResolveField, Resolver } from '@nestjs/graphql';
import { AccountsService } from '../accounts/accounts.service';
import { UserModel } from '../accounts/user.model';
import { viewerOf } from '../auth/auth.decorators';
import { notFound } from '../common/errors';
import type { GqlContext, NoArgs } from '../graphql/gql-context';
import { AnnouncementModel } from './announcement.model';

@Resolver(() => AnnouncementModel)
export class AnnouncementFieldsResolver {
  constructor(private readonly accounts: AccountsService) {}

  @ResolveField(() => UserModel, {
    description: 'The organizer who posted it, as the viewer may see them.',
  })
  async author(a: AnnouncementModel, _args: NoArgs, ctx: GqlContext): Promise<UserModel> {
    const viewer = viewerOf(ctx);
    const user = a.authorId ? await this.accounts.loader(ctx.loaders).load(a.authorId) : null;
    if (!user) throw notFound('Author');
    return UserModel.from(user, viewer);
  }
}
