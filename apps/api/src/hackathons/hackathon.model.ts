import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { HackathonPhase } from '../graphql/enums';
import { CriterionEntity } from './criterion.entity';
import { HackathonEntity } from './hackathon.entity';
import { TrackEntity } from './track.entity';

@ObjectType('Track', { description: 'A theme teams choose when they register.' })
export class TrackModel {
  @Field(() => ID, { description: 'Identifier (UUID).' })
  id: string;
  @Field({ description: 'Name of the track.' })
  name: string;
  @Field({ description: 'What the track is about.' })
  description: string;

  static from(e: TrackEntity): TrackModel {
    return Object.assign(new TrackModel(), { id: e.id, name: e.name, description: e.description });
  }
}

@ObjectType('Criterion', { description: 'A judging criterion with its weight and scale.' })
export class CriterionModel {
  @Field(() => ID, { description: 'Identifier (UUID).' })
  id: string;
  @Field({ description: 'Name of the criterion.' })
  name: string;
  @Field({ description: 'What jurors look at.' })
  description: string;
  @Field(() => Float, { description: 'Weight (> 0); weights need not sum to 1.' })
  weight: number;
  @Field(() => Int, { description: 'Scores are integers from 0 to maxScore.' })
  maxScore: number;

  static from(e: CriterionEntity): CriterionModel {
    return Object.assign(new CriterionModel(), {
      id: e.id,
      name: e.name,
      description: e.description,
      weight: e.weight,
      maxScore: e.maxScore,
    });
  }
}

@ObjectType('Hackathon', { description: 'One hackathon event.' })
export class HackathonModel {
  @Field(() => ID, { description: 'Identifier (UUID).' })
  id: string;
  @Field({ description: 'URL name: lower-case letters, digits and dashes (3–60).' })
  slug: string;
  @Field({ description: 'Title.' })
  title: string;
  @Field({ description: 'Theme and practical information (Markdown).' })
  description: string;
  @Field(() => HackathonPhase, { description: 'Current phase.' })
  phase: HackathonPhase;
  @Field({ description: 'Teams can be created and joined until then.' })
  registrationClosesAt: Date;
  @Field({ description: 'Submissions can be saved until then.' })
  submissionDeadline: Date;
  @Field(() => Int, { description: 'Fewest members of a validated team.' })
  minTeamSize: number;
  @Field(() => Int, { description: 'Most members of a team.' })
  maxTeamSize: number;
  // tracks, criteria and teamCount are field resolvers (DataLoaders).

  static from(e: HackathonEntity): HackathonModel {
    return Object.assign(new HackathonModel(), {
      id: e.id,
      slug: e.slug,
      title: e.title,
      description: e.description,
      phase: e.phase,
      registrationClosesAt: e.registrationClosesAt,
      submissionDeadline: e.submissionDeadline,
      minTeamSize: e.minTeamSize,
      maxTeamSize: e.maxTeamSize,
    });
  }
}
