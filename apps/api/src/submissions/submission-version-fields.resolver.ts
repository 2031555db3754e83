import { ResolveField, Resolver } from '@nestjs/graphql';
import { AccountsService } from '../accounts/accounts.service';
import { UserModel } from '../accounts/user.model';
import type { GqlContext, NoArgs } from '../graphql/gql-context';
import { viewerOf } from '../auth/auth.decorators';
import { SubmissionVersionModel } from './submission-version.model';

@Resolver(() => SubmissionVersionModel)
export class SubmissionVersionFieldsResolver {
  constructor(private readonly accounts: AccountsService) {}

  @ResolveField(() => UserModel, {
    nullable: true,
    description: 'Who saved this version (null if the account is gone).',
  })
  async savedBy(
    version: SubmissionVersionModel,
    _args: NoArgs,
    ctx: GqlContext,
  ): Promise<UserModel | null> {
    if (!version.savedById) return null;
    const user = await this.accounts.loader(ctx.loaders).load(version.savedById);
    return user ? UserModel.from(user, viewerOf(ctx)) : null;
  }
}
