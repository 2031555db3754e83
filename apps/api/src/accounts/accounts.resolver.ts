import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AllowInactive, CurrentViewer, Public, Roles } from '../auth/auth.decorators';
import { authPayload } from '../auth/auth.resolver';
import { AuthPayloadModel } from '../auth/dto/auth-payload.model';
import { OpensCookieSession } from '../auth/session-cookie.interceptor';
import { Viewer } from '../auth/viewer';
import { IdArg, OptionalIdArg } from '../common/id-arg';
import { Role } from '../graphql/enums';
import { AccountsService } from './accounts.service';
import { CreatedPupilAccountModel, PupilAccountInput } from './dto/pupil-account.input';
import { RegisterInput } from './dto/register.input';
import { InvitationsService } from './invitations.service';
import { UserModel } from './user.model';

@Resolver(() => UserModel)
export class AccountsResolver {
  constructor(
    private readonly accounts: AccountsService,
    private readonly invitations: InvitationsService,
  ) {}

  @Public()
  @AllowInactive()
  @Query(() => UserModel, { nullable: true, description: 'The signed-in user, or null.' })
  me(@CurrentViewer() viewer: Viewer): UserModel | null {
    return viewer.user ? UserModel.from(viewer.user, viewer) : null;
  }

  @Roles(Role.TEACHER, Role.ORGANIZER)
  @Query(() => [UserModel], { description: 'Pupils of the teacher’s school awaiting validation (organizers: all schools).' })
  async pendingPupils(@CurrentViewer() viewer: Viewer): Promise<UserModel[]> {
    return (await this.accounts.pendingPupils(viewer)).map((u) => UserModel.from(u, viewer));
  }

  @Public()
  @OpensCookieSession()
  @Mutation(() => AuthPayloadModel, { description: 'Sign-up of a pupil or a teacher; the account starts PENDING.' })
  async register(@Args('input', { description: 'Who is signing up.' }) input: RegisterInput): Promise<AuthPayloadModel> {
    const { user, pair } = await this.accounts.register(input);
    return authPayload(user, pair);
  }

  @Roles(Role.ORGANIZER)
  @Mutation(() => String, { description: 'Invites a juror or an organizer; returns a one-time code valid 14 days.' })
  createInvitation(
    @CurrentViewer() viewer: Viewer,
    @Args('role', { type: () => Role, description: 'JUROR or ORGANIZER.' }) role: Role,
    @Args('email', { description: 'Email of the invited person.' }) email: string,
    @OptionalIdArg('schoolId', 'School of a juror who teaches there (conflicts of interest).') schoolId?: string | null,
  ): Promise<string> {
    return this.invitations.create(viewer, role, email, schoolId);
  }

  @Public()
  @OpensCookieSession()
  @Mutation(() => AuthPayloadModel, { description: 'Creates the invited account (ACTIVE) from a one-time code.' })
  async acceptInvitation(
    @Args('code', { description: 'The invitation code.' }) code: string,
    @Args('password', { description: 'At least 10 characters.' }) password: string,
    @Args('firstName', { description: 'First name.' }) firstName: string,
    @Args('lastName', { description: 'Last name.' }) lastName: string,
  ): Promise<AuthPayloadModel> {
    const { user, pair } = await this.invitations.accept(code, password, firstName, lastName);
    return authPayload(user, pair);
  }

  @Roles(Role.TEACHER)
  @Mutation(() => [CreatedPupilAccountModel], { description: 'Teachers create ACTIVE pupil accounts for their school.' })
  async createPupilAccounts(
    @CurrentViewer() viewer: Viewer,
    @Args('pupils', { type: () => [PupilAccountInput], description: 'The pupils (1 to 200).' }) pupils: PupilAccountInput[],
  ): Promise<CreatedPupilAccountModel[]> {
    const created = await this.accounts.createPupilAccounts(viewer.user!, pupils);
    return created.map((c) => ({ ...c, user: UserModel.from(c.user, viewer) }));
  }

  @Roles(Role.TEACHER)
  @Mutation(() => UserModel, { description: 'A teacher of the pupil’s school activates them (consent needed under 15).' })
  async validatePupil(
    @CurrentViewer() viewer: Viewer,
    @IdArg('userId', 'The pupil.') userId: string,
    @Args('parentalConsentConfirmed', { description: 'A parent agreed (required under 15).' }) consent: boolean,
  ): Promise<UserModel> {
    return UserModel.from(await this.accounts.validatePupil(viewer, userId, consent), viewer);
  }

  @Roles(Role.ORGANIZER)
  @Mutation(() => UserModel, { description: 'An organizer activates a teacher.' })
  async validateTeacher(@CurrentViewer() viewer: Viewer, @IdArg('userId', 'The teacher.') userId: string): Promise<UserModel> {
    return UserModel.from(await this.accounts.validateTeacher(viewer, userId), viewer);
  }

  @Roles(Role.ORGANIZER)
  @Mutation(() => UserModel, { description: 'An organizer suspends an account; its sessions end at once.' })
  async suspendUser(@CurrentViewer() viewer: Viewer, @IdArg('userId', 'The account.') userId: string): Promise<UserModel> {
    return UserModel.from(await this.accounts.suspendUser(viewer, userId), viewer);
  }

  @AllowInactive()
  @Mutation(() => Boolean, { description: 'Erases the caller’s personal data and credentials (password required).' })
  deleteMyAccount(
    @CurrentViewer() viewer: Viewer,
    @Args('password', { description: 'Current password.' }) password: string,
  ): Promise<boolean> {
    return this.accounts.deleteMyAccount(viewer, password);
  }
}
