import { Field, ID, ObjectType } from '@nestjs/graphql';
import { AnnouncementEntity } from './announcement.entity';

/** What travels through pub/sub (JSON-safe, so it crosses Redis unchanged). */
export interface AnnouncementEvent {
  id: string;
  hackathonId: string;
  authorId: string | null;
  title: string;
  body: string;
  createdAt: string;
}

@ObjectType('Announcement', {
  description: 'A message from the organizers to everyone following a hackathon.',
})
export class AnnouncementModel {
  @Field(() => ID, { description: 'Identifier (UUID); also the cursor for the next page.' })
  id: string;
  @Field({ description: 'Title.' })
  title: string;
  @Field({ description: 'Body (Markdown).' })
  body: string;
  @Field({ description: 'When it was posted.' })
  createdAt: Date;
  /** Resolved by AnnouncementFieldsResolver through the users DataLoader. */
  authorId: string | null;

  static from(e: AnnouncementEntity): AnnouncementModel {
    return Object.assign(new AnnouncementModel(), {
      id: e.id,
      title: e.title,
      body: e.body,
      createdAt: e.createdAt,
      authorId: e.authorId,
    });
  }

  static toEvent(e: AnnouncementEntity): AnnouncementEvent {
    return {
      id: e.id,
      hackathonId: e.hackathonId,
      authorId: e.authorId,
      title: e.title,
      body: e.body,
      createdAt: e.createdAt.toISOString(),
    };
  }

  static fromEvent(e: AnnouncementEvent): AnnouncementModel {
    return Object.assign(new AnnouncementModel(), {
      id: e.id,
      title: e.title,
      body: e.body,
      createdAt: new Date(e.createdAt),
      authorId: e.authorId,
    });
  }
}
