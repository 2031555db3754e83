import { Field, InputType, Int } from '@nestjs/graphql';
import { IsDate, IsInt, IsString } from 'class-validator';

// Only type checks here: the rules (ranges, slug, deadlines order) are checked together in
// hackathon-input.rules.ts so one answer names every bad field at once.
@InputType('HackathonInput', { description: 'Settings of a hackathon (create or replace).' })
export class HackathonInput {
  @Field({
    description: 'URL name: lower-case letters, digits and dashes, 3–60 characters; unique.',
  })
  @IsString()
  slug: string;

  @Field({ description: 'Title, 3–200 characters.' })
  @IsString()
  title: string;

  @Field({ description: 'Theme and practical information (Markdown), at most 20 000 characters.' })
  @IsString()
  description: string;

  @Field({
    description: 'Teams can be created and joined until then; on or before submissionDeadline.',
  })
  @IsDate()
  registrationClosesAt: Date;

  @Field({ description: 'Submissions can be saved until then.' })
  @IsDate()
  submissionDeadline: Date;

  @Field(() => Int, { description: 'Fewest members of a validated team (1 or more).' })
  @IsInt()
  minTeamSize: number;

  @Field(() => Int, { description: 'Most members of a team (at most 10, at least minTeamSize).' })
  @IsInt()
  maxTeamSize: number;
}
