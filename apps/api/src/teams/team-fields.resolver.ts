// Relations of Team and TeamMember, each through a per-request DataLoader (no N+1).
// `Team.submission` belongs to the submissions feature, which adds it as its own field resolver.
import { ResolveField, Resolver } from '@nestjs/graphql';
import { AccountsService } from '../accounts/accounts.service';
import { UserModel } from '../accounts/user.model';
import { viewerOf } from '../auth/auth.decorators';
import type { GqlContext, NoArgs } from '../graphql/gql-context';
import { HackathonModel, TrackModel } from '../hackathons/hackathon.model';
import { HackathonsService } from '../hackathons/hackathons.service';
import { TracksAndCriteriaService } from '../hackathons/tracks-and-criteria.service';
import { SchoolModel } from '../schools/school.model';
import { SchoolsService } from '../schools/schools.service';
import { TeamAccessPolicy } from './team-access.policy';
import { TeamMemberModel } from './team-member.model';
import { TeamModel } from './team.model';
import { TeamLoaders } from './team.loaders';

const missing = (what: string, id: string) => new Error(`${what} ${id} is missing`);

@Resolver(() => TeamModel)
export class TeamFieldsResolver {
  constructor(
    private readonly loaders: TeamLoaders,
    private readonly schools: SchoolsService,
    private readonly accounts: AccountsService,
    private readonly access: TeamAccessPolicy,
    private readonly hackathons: HackathonsService,
    private readonly tracks: TracksAndCriteriaService,
  ) {}

  @ResolveField(() => HackathonModel, { description: 'The hackathon the team takes part in.' })
  async hackathon(team: TeamModel, _args: NoArgs, ctx: GqlContext): Promise<HackathonModel> {
    const hackathon = await this.hackathons.loader(ctx.loaders).load(team.hackathonId);
    if (!hackathon) throw missing('Hackathon', team.hackathonId);
    return HackathonModel.from(hackathon);
  }

  @ResolveField(() => TrackModel, { description: 'The track the team chose.' })
  async track(team: TeamModel, _args: NoArgs, ctx: GqlContext): Promise<TrackModel> {
    const track = await this.tracks.trackLoader(ctx.loaders).load(team.trackId);
    if (!track) throw missing('Track', team.trackId);
    return TrackModel.from(track);
  }

  @ResolveField(() => SchoolModel, { description: 'The school of its members.' })
  async school(team: TeamModel, _args: NoArgs, ctx: GqlContext): Promise<SchoolModel> {
    const school = await this.schools.loader(ctx.loaders).load(team.schoolId);
    if (!school) throw missing('School', team.schoolId);
    return SchoolModel.from(school);
  }

  @ResolveField(() => [TeamMemberModel], {
    description: 'Current members, longest-standing first.',
  })
  async members(team: TeamModel, _args: NoArgs, ctx: GqlContext): Promise<TeamMemberModel[]> {
    return (await this.loaders.members(ctx.loaders).load(team.id)).map(TeamMemberModel.from);
  }

  @ResolveField(() => UserModel, {
    nullable: true,
    description: 'The teacher who mentors the team, if any.',
  })
  async mentor(team: TeamModel, _args: NoArgs, ctx: GqlContext): Promise<UserModel | null> {
    const viewer = viewerOf(ctx);
    if (!team.mentorId) return null;
    const mentor = await this.accounts.loader(ctx.loaders).load(team.mentorId);
    return mentor ? UserModel.from(mentor, viewer) : null;
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'Code to join the team: members, the mentor and organizers only; null otherwise.',
  })
  async inviteCode(team: TeamModel, _args: NoArgs, ctx: GqlContext): Promise<string | null> {
    const viewer = viewerOf(ctx);
    return (await this.access.canSeeInviteCode(viewer, team, ctx.loaders))
      ? team.secretInviteCode
      : null;
  }
}

@Resolver(() => TeamMemberModel)
export class TeamMemberFieldsResolver {
  constructor(private readonly accounts: AccountsService) {}

  @ResolveField(() => UserModel, {
    description: 'The pupil; personal data only for those allowed to see it.',
  })
  async user(member: TeamMemberModel, _args: NoArgs, ctx: GqlContext): Promise<UserModel> {
    const viewer = viewerOf(ctx);
    const user = await this.accounts.loader(ctx.loaders).load(member.userId);
    if (!user) throw missing('User', member.userId);
    return UserModel.from(user, viewer);
  }
}
