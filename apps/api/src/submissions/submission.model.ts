import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { SubmissionStatus } from '../graphql/enums';
import { SubmissionEntity } from './submission.entity';

@ObjectType('Submission', {
  description: 'A team’s project: one per team, saved many times, submitted once.',
})
export class SubmissionModel {
  @Field(() => ID, { description: 'Identifier (UUID).' })
  id: string;

  /** Resolved by SubmissionFieldsResolver (team) and the mentoring module (feedback). */
  teamId: string;
  hackathonId: string;

  @Field({ description: 'Title of the project.' })
  title: string;

  @Field({ description: 'Short pitch.' })
  summary: string;

  @Field({ description: 'Full description (Markdown).' })
  description: string;

  @Field(() => String, { nullable: true, description: 'Source code repository URL.' })
  repositoryUrl: string | null;

  @Field(() => String, { nullable: true, description: 'Live demo URL.' })
  demoUrl: string | null;

  @Field(() => String, { nullable: true, description: 'Video presentation URL.' })
  videoUrl: string | null;

  @Field(() => SubmissionStatus, {
    description: 'DRAFT until the team submits it; saving again keeps SUBMITTED.',
  })
  status: SubmissionStatus;

  @Field(() => Int, {
    description: 'Bumps on every save; send it back as expectedVersion for optimistic locking.',
  })
  version: number;

  @Field(() => Date, { nullable: true, description: 'When the team first submitted it.' })
  submittedAt: Date | null;

  @Field({ description: 'Last change.' })
  updatedAt: Date;

  static from(e: SubmissionEntity): SubmissionModel {
    return Object.assign(new SubmissionModel(), {
      id: e.id,
      teamId: e.teamId,
      hackathonId: e.hackathonId,
      title: e.title,
      summary: e.summary,
      description: e.description,
      repositoryUrl: e.repositoryUrl,
      demoUrl: e.demoUrl,
      videoUrl: e.videoUrl,
      status: e.status,
      version: e.version,
      submittedAt: e.submittedAt,
      updatedAt: e.updatedAt,
    });
  }
}
