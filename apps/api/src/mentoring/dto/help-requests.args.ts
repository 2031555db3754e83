import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

@ArgsType()
export class HelpRequestsArgs {
  @Field(() => ID, { description: 'The hackathon.' })
  @IsUUID('all', { message: 'must be a valid ID (UUID)' })
  hackathonId: string;

  @Field(() => Int, { defaultValue: 50, description: 'At most this many (1–100), newest first.' })
  @IsInt()
  @Min(1)
  @Max(100)
  first = 50;

  @Field(() => ID, {
    nullable: true,
    description: 'Continue after this help request (the last one of the previous page).',
  })
  @IsOptional()
  @IsUUID('all', { message: 'must be a valid ID (UUID)' })
  after?: string | null;
}
