import { Field, ID, InputType } from '@nestjs/graphql';
import { IsString, IsUUID, MaxLength } from 'class-validator';

@InputType('TeamInput', { description: 'A new team.' })
export class TeamInput {
  @Field(() => ID, { description: 'The hackathon the team takes part in.' })
  @IsUUID('all', { message: 'must be a valid ID (UUID)' })
  hackathonId: string;

  // Length (3–40 once trimmed) and moderation are checked by TeamsService, naming `name`.
  @Field({
    description: 'Team name: 3–40 characters, unique in the hackathon ignoring case, no insults.',
  })
  @IsString()
  @MaxLength(200, { message: 'must be 3 to 40 characters' })
  name: string;

  @Field(() => ID, { description: 'A track of that hackathon.' })
  @IsUUID('all', { message: 'must be a valid ID (UUID)' })
  trackId: string;
}
