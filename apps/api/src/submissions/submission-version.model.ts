import { Field, Int, ObjectType } from '@nestjs/graphql';
import { SubmissionVersionEntity } from './submission-version.entity';

@ObjectType('SubmissionVersion', {
  description: 'One saved state of a submission (history, organizers only).',
})
export class SubmissionVersionModel {
  @Field(() => Int, { description: 'The version number this save produced.' })
  version: number;

  @Field({ description: 'Title at this version.' })
  title: string;

  @Field({ description: 'Summary at this version.' })
  summary: string;

  @Field({ description: 'Description (Markdown) at this version.' })
  description: string;

  @Field(() => String, { nullable: true, description: 'Repository URL at this version.' })
  repositoryUrl: string | null;

  @Field(() => String, { nullable: true, description: 'Demo URL at this version.' })
  demoUrl: string | null;

  @Field(() => String, { nullable: true, description: 'Video URL at this version.' })
  videoUrl: string | null;

  /** Resolved through the users DataLoader (savedBy field). */
  savedById: string | null;

  @Field({ description: 'When this version was saved.' })
  savedAt: Date;

  static from(e: SubmissionVersionEntity): SubmissionVersionModel {
    return Object.assign(new SubmissionVersionModel(), {
      version: e.version,
      title: e.title,
      summary: e.summary,
      description: e.description,
      repositoryUrl: e.repositoryUrl,
      demoUrl: e.demoUrl,
      videoUrl: e.videoUrl,
      savedById: e.savedBy,
      savedAt: e.savedAt,
    });
  }
}
