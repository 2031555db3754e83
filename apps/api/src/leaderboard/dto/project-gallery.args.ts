import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { SchoolLevel } from '../../graphql/enums';

export const MAX_GALLERY_PAGE = 50;

@ArgsType()
export class ProjectGalleryArgs {
  @Field(() => ID, { description: 'The hackathon.' })
  @IsUUID('all', { message: 'must be a valid ID (UUID)' })
  hackathonId: string;

  @Field(() => SchoolLevel, { nullable: true, description: 'Only teams of this category.' })
  @IsOptional()
  @IsEnum(SchoolLevel)
  category?: SchoolLevel | null;

  @Field(() => ID, { nullable: true, description: 'Only teams of this track.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a valid ID (UUID)' })
  trackId?: string | null;

  @Field(() => Int, {
    defaultValue: 12,
    description: `At most this many teams (1–${MAX_GALLERY_PAGE}), by team name.`,
  })
  @IsInt()
  @Min(1, { message: `must be between 1 and ${MAX_GALLERY_PAGE}` })
  @Max(MAX_GALLERY_PAGE, { message: `must be between 1 and ${MAX_GALLERY_PAGE}` })
  first = 12;

  @Field(() => ID, {
    nullable: true,
    description: 'Continue after this team (the last one of the previous page).',
  })
  @IsOptional()
  @IsUUID('all', { message: 'must be a valid ID (UUID)' })
  after?: string | null;
}
