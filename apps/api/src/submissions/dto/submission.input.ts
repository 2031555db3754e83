import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString } from 'class-validator';

// Lengths, URL schemes and moderation are checked together in submission-input.validation.ts,
// so one BAD_USER_INPUT names every bad field; the decorators here only keep the
// properties through the global whitelisting ValidationPipe.
@InputType('SubmissionInput', { description: 'The content of a team’s project page.' })
export class SubmissionInput {
  @Field({ description: 'Title, 3–120 characters (trimmed).' })
  @IsString()
  title: string;

  @Field({ description: 'Short pitch, at most 500 characters.' })
  @IsString()
  summary: string;

  @Field({ description: 'Full description in Markdown, at most 20 000 characters.' })
  @IsString()
  description: string;

  @Field(() => String, {
    nullable: true,
    description: 'Source code repository (http or https URL, ≤ 500 characters).',
  })
  @IsOptional()
  @IsString()
  repositoryUrl?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Live demo (http or https URL, ≤ 500 characters).',
  })
  @IsOptional()
  @IsString()
  demoUrl?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Video presentation (http or https URL, ≤ 500 characters).',
  })
  @IsOptional()
  @IsString()
  videoUrl?: string | null;
}
