import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('AuditEntry', { description: 'One append-only record of who did what and when.' })
export class AuditEntryModel {
  @Field(() => ID, {
    description: 'Identifier; also the pagination cursor (entries come newest first).',
  })
  id: string;

  @Field({
    description: 'What happened, e.g. "evaluation.rescore", "jury.recuse", "hackathon.phase".',
  })
  action: string;

  @Field({
    description: 'Kind of thing changed, e.g. "evaluation", "jury_assignment", "hackathon".',
  })
  entityType: string;

  @Field(() => ID, { nullable: true, description: 'The thing changed, when it has an id.' })
  entityId: string | null;

  @Field(() => String, { nullable: true, description: 'State before the change, as JSON.' })
  before: string | null;

  @Field(() => String, { nullable: true, description: 'State after the change, as JSON.' })
  after: string | null;

  @Field({ description: 'When it happened.' })
  createdAt: Date;

  // actor is a field resolver (DataLoader).
  actorId: string | null;
}
