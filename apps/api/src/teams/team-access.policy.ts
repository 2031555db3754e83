// Who may see a team (RULES.md "Who sees what"), in one place; other features reuse it
// for submissions, feedback and the leaderboard. Batched through the request's DataLoaders.
import { Injectable } from '@nestjs/common';
import { Viewer } from '../auth/viewer';
import { forbidden } from '../common/errors';
import { HackathonPhase, Role } from '../graphql/enums';
import { LoaderRegistry } from '../graphql/gql-context';
import { HackathonsService } from '../hackathons/hackathons.service';
import { TeamLoaders } from './team.loaders';

/** What the policy reads of a team (a TeamEntity or a TeamModel both fit). */
export interface TeamRef {
  id: string;
  hackathonId: string;
  schoolId: string;
  mentorId: string | null;
}

/** Once results are published, teams are public (leaderboard and gallery). */
const PUBLIC_PHASES: readonly HackathonPhase[] = [HackathonPhase.RESULTS, HackathonPhase.ARCHIVED];

@Injectable()
export class TeamAccessPolicy {
  constructor(
    private readonly loaders: TeamLoaders,
    private readonly hackathons: HackathonsService,
  ) {}

  /**
   * Members, the mentor, ACTIVE teachers of the team's school, organizers, jurors assigned
   * to its submission (not recused), and everyone once the hackathon is in RESULTS or ARCHIVED.
   */
  async canView(viewer: Viewer, team: TeamRef, registry: LoaderRegistry): Promise<boolean> {
    if (viewer.isOrganizer || viewer.isTeacherOf(team.schoolId)) return true;
    if (viewer.active && team.mentorId === viewer.id) return true;
    const hackathon = await this.hackathons.loader(registry).load(team.hackathonId);
    if (hackathon && PUBLIC_PHASES.includes(hackathon.phase)) return true;
    if (await this.isMember(viewer, team.id, registry)) return true;
    if (viewer.is(Role.JUROR))
      return this.loaders.assignedToJuror(registry, viewer.id!).load(team.id);
    return false;
  }

  /** FORBIDDEN unless `canView`. */
  async assertCanView(viewer: Viewer, team: TeamRef, registry: LoaderRegistry): Promise<void> {
    if (!(await this.canView(viewer, team, registry)))
      throw forbidden('You are not allowed to see this team');
  }

  /** An ACTIVE viewer who is currently a member of the team. */
  async isMember(viewer: Viewer, teamId: string, registry: LoaderRegistry): Promise<boolean> {
    if (!viewer.active || !viewer.id) return false;
    const members = await this.loaders.members(registry).load(teamId);
    return members.some((m) => m.userId === viewer.id);
  }

  /** The invite code: members, the mentor and organizers only. */
  async canSeeInviteCode(
    viewer: Viewer,
    team: TeamRef,
    registry: LoaderRegistry,
  ): Promise<boolean> {
    if (viewer.isOrganizer) return true;
    if (viewer.active && team.mentorId === viewer.id) return true;
    return this.isMember(viewer, team.id, registry);
  }
}
