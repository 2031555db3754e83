import { Field, InputType } from '@nestjs/graphql';
import { IsString } from 'class-validator';

@InputType('TrackInput', { description: 'A new track of a hackathon.' })
export class TrackInput {
  @Field({ description: 'Name, 2–80 characters, unique in the hackathon ignoring case.' })
  @IsString()
  name: string;

  @Field({ description: 'What the track is about (at most 2 000 characters).' })
  @IsString()
  description: string;
}
