import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('team_members')
export class TeamMemberEntity {
  @PrimaryColumn('uuid', { name: 'team_id' })
  teamId: string;

  @PrimaryColumn('uuid', { name: 'user_id' })
  userId: string;

  @Column({ type: 'uuid', name: 'hackathon_id' })
  hackathonId: string;

  @Column({ type: 'boolean' })
  captain: boolean;

  @Column({ type: 'timestamptz', name: 'joined_at' })
  joinedAt: Date;
}
