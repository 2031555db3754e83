import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { HackathonPhase } from '../graphql/enums';

@Entity('hackathons')
export class HackathonEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar' })
  slug: string;

  @Column({ type: 'varchar' })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'varchar' })
  phase: HackathonPhase;

  @Column({ type: 'timestamptz', name: 'registration_closes_at' })
  registrationClosesAt: Date;

  @Column({ type: 'timestamptz', name: 'submission_deadline' })
  submissionDeadline: Date;

  @Column({ type: 'integer', name: 'min_team_size' })
  minTeamSize: number;

  @Column({ type: 'integer', name: 'max_team_size' })
  maxTeamSize: number;

  /** When the hackathon reached ARCHIVED (starts the retention clock). */
  @Column({ type: 'timestamptz', name: 'archived_at', nullable: true })
  archivedAt: Date | null;

  @Column({ type: 'uuid', name: 'created_by', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
