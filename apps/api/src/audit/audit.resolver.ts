import { Args, Int, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AccountsService } from '../accounts/accounts.service';
import { UserModel } from '../accounts/user.model';
import { CurrentViewer, Roles, viewerOf } from '../auth/auth.decorators';
import { Viewer } from '../auth/viewer';
import { badInput, notFound } from '../common/errors';
import { IdArg } from '../common/id-arg';
import { Role } from '../graphql/enums';
import type { GqlContext, NoArgs } from '../graphql/gql-context';
import { HackathonsService } from '../hackathons/hackathons.service';
import { AuditEntryModel } from './audit-entry.model';
import { AUDIT_PAGE_DEFAULT, AUDIT_PAGE_MAX, AuditService } from './audit.service';

@Resolver(() => AuditEntryModel)
export class AuditResolver {
  constructor(
    private readonly audit: AuditService,
    private readonly hackathons: HackathonsService,
    private readonly accounts: AccountsService,
  ) {}

  @Roles(Role.ORGANIZER)
  @Query(() => [AuditEntryModel], {
    description: 'The audit log of a hackathon, newest first (organizers).',
  })
  async auditLog(
    @CurrentViewer() viewer: Viewer,
    @IdArg('hackathonId', 'The hackathon.') hackathonId: string,
    @Args('first', {
      type: () => Int,
      nullable: true,
      description: `Page size (default ${AUDIT_PAGE_DEFAULT}, at most ${AUDIT_PAGE_MAX}).`,
    })
    first: number | null,
    @Args('after', {
      type: () => String,
      nullable: true,
      description: 'Cursor: the id of the last entry already read.',
    })
    after: string | null,
  ): Promise<AuditEntryModel[]> {
    const size = first ?? AUDIT_PAGE_DEFAULT;
    if (size < 1 || size > AUDIT_PAGE_MAX)
      throw badInput({ first: `must be from 1 to ${AUDIT_PAGE_MAX}` });
    if (after != null && !/^[1-9][0-9]{0,17}$/.test(after))
      throw badInput({ after: 'must be the id of an audit entry' });
    if (!(await this.hackathons.findVisible(viewer, { id: hackathonId })))
      throw notFound('Hackathon');
    return this.audit.list(hackathonId, size, after ?? null);
  }

  @ResolveField(() => UserModel, {
    nullable: true,
    description: 'Who did it (null: the system, or an account since removed).',
  })
  async actor(entry: AuditEntryModel, _args: NoArgs, ctx: GqlContext): Promise<UserModel | null> {
    const viewer = viewerOf(ctx);
    if (!entry.actorId) return null;
    const user = await this.accounts.loader(ctx.loaders).load(entry.actorId);
    return user ? UserModel.from(user, viewer) : null;
  }
}
