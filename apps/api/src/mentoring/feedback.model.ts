import { Field, ID, ObjectType } from '@nestjs/graphql';
import { FeedbackEntity } from './feedback.entity';

@ObjectType('Feedback', {
  description: 'A mentor’s or organizer’s remark on a submission (never shown to jurors).',
})
export class FeedbackModel {
  @Field(() => ID, { description: 'Identifier (UUID).' })
  id: string;

  /** Resolved through the users DataLoader (author field). */
  authorId: string | null;

  @Field({ description: 'The remark (plain text, 1–5000 characters).' })
  body: string;

  @Field({ description: 'When it was written.' })
  createdAt: Date;

  static from(e: FeedbackEntity): FeedbackModel {
    return Object.assign(new FeedbackModel(), {
      id: e.id,
      authorId: e.authorId,
      body: e.body,
      createdAt: e.createdAt,
    });
  }
}
