import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { SubmissionStatus } from '../graphql/enums';

@Entity('submissions')
export class SubmissionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'team_id' })
  teamId: string;

  @Column({ type: 'uuid', name: 'hackathon_id' })
  hackathonId: string;

  @Column({ type: 'varchar' })
  title: string;

  @Column({ type: 'varchar' })
  summary: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'varchar', name: 'repository_url', nullable: true })
  repositoryUrl: string | null;

  @Column({ type: 'varchar', name: 'demo_url', nullable: true })
  demoUrl: string | null;

  @Column({ type: 'varchar', name: 'video_url', nullable: true })
  videoUrl: string | null;

  @Column({ type: 'varchar' })
  status: SubmissionStatus;

  /** Optimistic lock: saves use UPDATE … WHERE version = expected (see SubmissionsService). */
  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'timestamptz', name: 'submitted_at', nullable: true })
  submittedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
