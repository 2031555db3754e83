import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Roles } from '../auth/auth.decorators';
import { Viewer } from '../auth/viewer';
import { Role } from '../graphql/enums';
import { PendingTeachersArgs, UsersArgs } from './dto/user-directory.args';
import { UserDirectoryService } from './user-directory.service';
import { UserModel } from './user.model';

@Resolver(() => UserModel)
export class UserDirectoryResolver {
  constructor(private readonly directory: UserDirectoryService) {}

  @Roles(Role.ORGANIZER)
  @Query(() => [UserModel], {
    description: 'Teachers awaiting validation, oldest sign-up first (organizers).',
  })
  async pendingTeachers(
    @CurrentViewer() viewer: Viewer,
    @Args() args: PendingTeachersArgs,
  ): Promise<UserModel[]> {
    const rows = await this.directory.pendingTeachers(args.first, args.after?.toLowerCase());
    return rows.map((u) => UserModel.from(u, viewer));
  }

  @Roles(Role.ORGANIZER)
  @Query(() => [UserModel], {
    description:
      'Accounts found by name, email or login, by last name then first name (organizers; erased accounts are left out).',
  })
  async users(@CurrentViewer() viewer: Viewer, @Args() args: UsersArgs): Promise<UserModel[]> {
    const rows = await this.directory.search({ ...args, after: args.after?.toLowerCase() });
    return rows.map((u) => UserModel.from(u, viewer));
  }
}
