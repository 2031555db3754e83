import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One saved state of a submission, kept so organizers can see what changed. */
@Entity('submission_versions')
export class SubmissionVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'submission_id' })
  submissionId: string;

  @Column({ type: 'integer' })
  version: number;

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

  @Column({ type: 'uuid', name: 'saved_by', nullable: true })
  savedBy: string | null;

  @Column({ type: 'timestamptz', name: 'saved_at' })
  savedAt: Date;
}
