// Team queries and mutations: authorise, validate arguments, delegate to the services.
import { Args, Context, Info, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { CurrentViewer, Public, Roles } from '../auth/auth.decorators';
import { Viewer } from '../auth/viewer';
import { IdArg } from '../common/id-arg';
import { Role } from '../graphql/enums';
import type { GqlContext } from '../graphql/gql-context';
import { TeamInput } from './dto/team.input';
import { DEFAULT_TEAMS_PAGE, TeamsArgs } from './dto/teams.args';
import { TeamAccessPolicy } from './team-access.policy';
import { TeamModel } from './team.model';
import { TeamsQueryService } from './teams-query.service';
import { TeamsService } from './teams.service';

@Resolver(() => TeamModel)
export class TeamsResolver {
  constructor(
    private readonly commands: TeamsService,
    private readonly queries: TeamsQueryService,
    private readonly access: TeamAccessPolicy,
  ) {}

  @Query(() => [TeamModel], {
    description: 'Teams the signed-in user belongs to (pupils) or mentors (teachers).',
  })
  async myTeams(@CurrentViewer() viewer: Viewer): Promise<TeamModel[]> {
    return (await this.queries.mine(viewer)).map(TeamModel.from);
  }

  // Public: once results are published everyone, signed in or not, sees the teams.
  @Public()
  @Query(() => TeamModel, {
    nullable: true,
    description:
      'One team, or null if unknown. FORBIDDEN unless the viewer may see it (RULES.md "Who sees what").',
  })
  async team(
    @CurrentViewer() viewer: Viewer,
    @Context() ctx: GqlContext,
    @IdArg('id', 'The team.') id: string,
    @Info() info: GraphQLResolveInfo,
  ): Promise<TeamModel | null> {
    const team = await this.queries.findById(id, ctx.loaders, this.queries.readAhead(info));
    if (!team) return null;
    await this.access.assertCanView(viewer, team, ctx.loaders);
    return TeamModel.from(team);
  }

  @Roles(Role.ORGANIZER, Role.TEACHER)
  @Query(() => [TeamModel], {
    description:
      'Teams of a hackathon, by name: organizers see all, teachers their school’s; others FORBIDDEN.',
  })
  async teams(@CurrentViewer() viewer: Viewer, @Args() args: TeamsArgs): Promise<TeamModel[]> {
    return (
      await this.queries.list(
        viewer,
        args.hackathonId.toLowerCase(),
        args.first ?? DEFAULT_TEAMS_PAGE,
        args.after,
      )
    ).map(TeamModel.from);
  }

  @Roles(Role.PUPIL)
  @Mutation(() => TeamModel, {
    description: 'An active pupil creates a team and becomes its captain.',
  })
  async createTeam(
    @CurrentViewer() viewer: Viewer,
    @Args('input', { description: 'The new team.' }) input: TeamInput,
  ): Promise<TeamModel> {
    return TeamModel.from(
      await this.commands.create(viewer, {
        ...input,
        hackathonId: input.hackathonId.toLowerCase(),
        trackId: input.trackId.toLowerCase(),
      }),
    );
  }

  @Roles(Role.PUPIL)
  @Mutation(() => TeamModel, {
    description: 'A pupil of the same school joins a team with its invite code.',
  })
  async joinTeam(
    @CurrentViewer() viewer: Viewer,
    @Args('inviteCode', { description: 'The team’s invite code (case does not matter).' })
    inviteCode: string,
  ): Promise<TeamModel> {
    return TeamModel.from(await this.commands.join(viewer, inviteCode));
  }

  @Mutation(() => Boolean, {
    description: 'Leaves a team; a leaving captain hands over to the longest-standing member.',
  })
  leaveTeam(
    @CurrentViewer() viewer: Viewer,
    @IdArg('teamId', 'The team.') teamId: string,
  ): Promise<boolean> {
    return this.commands.leave(viewer, teamId);
  }

  @Mutation(() => TeamModel, {
    description: 'Removes a member (the captain, the mentor or an organizer).',
  })
  async removeTeamMember(
    @CurrentViewer() viewer: Viewer,
    @IdArg('teamId', 'The team.') teamId: string,
    @IdArg('userId', 'The member to remove.') userId: string,
  ): Promise<TeamModel> {
    return TeamModel.from(await this.commands.removeMember(viewer, teamId, userId));
  }

  @Roles(Role.TEACHER)
  @Mutation(() => TeamModel, {
    description: 'An active teacher of the team’s school becomes its mentor.',
  })
  async mentorTeam(
    @CurrentViewer() viewer: Viewer,
    @IdArg('teamId', 'The team.') teamId: string,
  ): Promise<TeamModel> {
    return TeamModel.from(await this.commands.mentor(viewer, teamId));
  }

  @Roles(Role.TEACHER, Role.ORGANIZER)
  @Mutation(() => TeamModel, {
    description:
      'The mentor or an organizer validates the team: mentor, size, active members, parental consents.',
  })
  async validateTeam(
    @CurrentViewer() viewer: Viewer,
    @IdArg('teamId', 'The team.') teamId: string,
  ): Promise<TeamModel> {
    return TeamModel.from(await this.commands.validate(viewer, teamId));
  }
}
