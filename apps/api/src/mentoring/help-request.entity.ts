import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { HelpRequestStatus } from '../graphql/enums';

@Entity('help_requests')
export class HelpRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'team_id' })
  teamId: string;

  @Column({ type: 'uuid', name: 'hackathon_id' })
  hackathonId: string;

  /** Copied from the team so teachers' lists and live events filter without a join. */
  @Column({ type: 'uuid', name: 'school_id' })
  schoolId: string;

  @Column({ type: 'varchar' })
  topic: string;

  @Column({ type: 'varchar' })
  status: HelpRequestStatus;

  @Column({ type: 'uuid', name: 'requested_by', nullable: true })
  requestedBy: string | null;

  @Column({ type: 'uuid', name: 'claimed_by', nullable: true })
  claimedBy: string | null;

  @Column({ type: 'timestamptz', name: 'claimed_at', nullable: true })
  claimedAt: Date | null;

  @Column({ type: 'timestamptz', name: 'resolved_at', nullable: true })
  resolvedAt: Date | null;

  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
