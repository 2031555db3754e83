import { Field, ID, ObjectType } from '@nestjs/graphql';
import { HelpRequestStatus } from '../graphql/enums';
import { HelpRequestEntity } from './help-request.entity';

/**
 * What travels on the pub/sub topic `help:<hackathonId>`: a complete, JSON-safe
 * snapshot (Redis serialises payloads), so subscribers need no stale per-connection cache.
 */
export interface HelpRequestEvent {
  id: string;
  hackathonId: string;
  teamId: string;
  schoolId: string;
  topic: string;
  status: HelpRequestStatus;
  claimedById: string | null;
  createdAt: string;
}

@ObjectType('HelpRequest', { description: 'A team asking the teachers of its school for help.' })
export class HelpRequestModel {
  @Field(() => ID, { description: 'Identifier (UUID).' })
  id: string;

  /** Internal: team (field resolver), school and hackathon (authorisation, filtering). */
  teamId: string;
  schoolId: string;
  hackathonId: string;
  claimedById: string | null;

  @Field({ description: 'What the team needs help with (3–200 characters).' })
  topic: string;

  @Field(() => HelpRequestStatus, {
    description: 'OPEN, CLAIMED by a teacher or organizer, then RESOLVED.',
  })
  status: HelpRequestStatus;

  @Field({ description: 'When the team asked.' })
  createdAt: Date;

  static from(e: HelpRequestEntity): HelpRequestModel {
    return Object.assign(new HelpRequestModel(), {
      id: e.id,
      teamId: e.teamId,
      schoolId: e.schoolId,
      hackathonId: e.hackathonId,
      claimedById: e.claimedBy,
      topic: e.topic,
      status: e.status,
      createdAt: e.createdAt,
    });
  }

  static fromEvent(e: HelpRequestEvent): HelpRequestModel {
    return Object.assign(new HelpRequestModel(), { ...e, createdAt: new Date(e.createdAt) });
  }

  static toEvent(e: HelpRequestEntity): HelpRequestEvent {
    return {
      id: e.id,
      hackathonId: e.hackathonId,
      teamId: e.teamId,
      schoolId: e.schoolId,
      topic: e.topic,
      status: e.status,
      claimedById: e.claimedBy,
      createdAt: e.createdAt.toISOString(),
    };
  }
}
