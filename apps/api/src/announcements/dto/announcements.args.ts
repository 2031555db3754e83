import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

@ArgsType()
export class AnnouncementsArgs {
  @Field(() => ID, { description: 'The hackathon.' })
  @IsUUID('all', { message: 'must be a valid ID (UUID)' })
  hackathonId: string;

  @Field(() => Int, {
    nullable: true,
    defaultValue: 25,
    description: 'At most this many (1–100), newest first.',
  })
  @IsInt()
  @Min(1)
  @Max(100)
  first: number = 25;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor: the id of the last announcement of the previous page.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'must be the id of an announcement' })
  after?: string | null;
}
