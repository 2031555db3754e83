import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { SchoolLevel, TeamStatus } from '../graphql/enums';

@Entity('teams')
export class TeamEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'hackathon_id' })
  hackathonId: string;

  @Column({ type: 'uuid', name: 'track_id' })
  trackId: string;

  @Column({ type: 'uuid', name: 'school_id' })
  schoolId: string;

  @Column({ type: 'varchar' })
  category: SchoolLevel;

  @Column({ type: 'varchar' })
  name: string;

  @Column({ type: 'varchar', name: 'invite_code' })
  inviteCode: string;

  @Column({ type: 'varchar' })
  status: TeamStatus;

  @Column({ type: 'uuid', name: 'mentor_id', nullable: true })
  mentorId: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
