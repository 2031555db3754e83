import { Field, ObjectType } from '@nestjs/graphql';
import { TeamMemberEntity } from './team-member.entity';

@ObjectType('TeamMember', { description: 'A pupil’s membership of a team.' })
export class TeamMemberModel {
  @Field({ description: 'Whether this member is the captain (exactly one per team).' })
  captain: boolean;

  @Field({
    description:
      'When the pupil joined; the longest-standing member becomes captain when the captain leaves.',
  })
  joinedAt: Date;

  /** `user` is a field resolver (AccountsService loader, personal data per viewer). */
  userId: string;
  teamId: string;

  static from(e: TeamMemberEntity): TeamMemberModel {
    return Object.assign(new TeamMemberModel(), {
      captain: e.captain,
      joinedAt: e.joinedAt,
      userId: e.userId,
      teamId: e.teamId,
    });
  }
}
