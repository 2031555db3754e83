import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { AssignmentStatus } from '../graphql/enums';

@Entity('jury_assignments')
export class JuryAssignmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'hackathon_id' })
  hackathonId: string;

  @Column({ type: 'uuid', name: 'submission_id' })
  submissionId: string;

  @Column({ type: 'uuid', name: 'juror_id' })
  jurorId: string;

  @Column({ type: 'varchar' })
  status: AssignmentStatus;

  @Column({ type: 'text', name: 'recusal_reason', nullable: true })
  recusalReason: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
