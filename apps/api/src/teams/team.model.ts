// The GraphQL view of a team; relations and the invite code are field resolvers (team-fields.resolver.ts).
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { SchoolLevel, TeamStatus } from '../graphql/enums';
import { TeamEntity } from './team.entity';

/** The columns a TeamModel is made of (an entity, or a row read with the leaderboard). */
export type TeamColumns = Pick<
  TeamEntity,
  | 'id'
  | 'name'
  | 'category'
  | 'status'
  | 'hackathonId'
  | 'trackId'
  | 'schoolId'
  | 'mentorId'
  | 'inviteCode'
>;

@ObjectType('Team', { description: 'A team of pupils of one school taking part in a hackathon.' })
export class TeamModel {
  @Field(() => ID, { description: 'Identifier (UUID).' })
  id: string;

  @Field({ description: 'Name, unique within the hackathon ignoring case (3–40 characters).' })
  name: string;

  @Field(() => SchoolLevel, {
    description: 'Competition category: the level of the team’s school.',
  })
  category: SchoolLevel;

  @Field(() => TeamStatus, { description: 'FORMING until a mentor or an organizer validates it.' })
  status: TeamStatus;

  // Resolved through DataLoaders, never exposed as is.
  hackathonId: string;
  trackId: string;
  schoolId: string;
  mentorId: string | null;
  /** Shown only to members, the mentor and organizers by the `inviteCode` field resolver. */
  secretInviteCode: string;

  static from(e: TeamColumns): TeamModel {
    return Object.assign(new TeamModel(), {
      id: e.id,
      name: e.name,
      category: e.category,
      status: e.status,
      hackathonId: e.hackathonId,
      trackId: e.trackId,
      schoolId: e.schoolId,
      mentorId: e.mentorId,
      secretInviteCode: e.inviteCode,
    });
  }
}
