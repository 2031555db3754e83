import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

@ArgsType()
export class TeamHelpRequestsArgs {
  @Field(() => ID, { description: 'The team.' })
  @IsUUID('all', { message: 'must be a valid ID (UUID)' })
  teamId: string;

  @Field(() => Int, { defaultValue: 20, description: 'At most this many (1–100), newest first.' })
  @IsInt()
  @Min(1)
  @Max(100)
  first = 20;

  @Field(() => ID, {
    nullable: true,
    description: 'Continue after this help request (the last one of the previous page).',
  })
  @IsOptional()
  @IsUUID('all', { message: 'must be a valid ID (UUID)' })
  after?: string | null;
}
