import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

export const MAX_TEAMS_PAGE = 100;
export const DEFAULT_TEAMS_PAGE = 25;

@ArgsType()
export class TeamsArgs {
  @Field(() => ID, { description: 'The hackathon.' })
  @IsUUID('all', { message: 'must be a valid ID (UUID)' })
  hackathonId: string;

  @Field(() => Int, {
    nullable: true,
    defaultValue: DEFAULT_TEAMS_PAGE,
    description: `At most this many teams (1–${MAX_TEAMS_PAGE}), ordered by name then id.`,
  })
  @IsOptional()
  @IsInt()
  @Min(1, { message: `must be between 1 and ${MAX_TEAMS_PAGE}` })
  @Max(MAX_TEAMS_PAGE, { message: `must be between 1 and ${MAX_TEAMS_PAGE}` })
  first?: number | null = DEFAULT_TEAMS_PAGE;

  @Field(() => String, {
    nullable: true,
    description:
      'Cursor: the `id` of the last team of the previous page; the page starts right after it.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  after?: string | null;
}
