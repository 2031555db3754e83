import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { HackathonModel } from '../hackathons/hackathon.model';
import { RankingMethod } from '../graphql/enums';
import { HackathonEntity } from '../hackathons/hackathon.entity';
import { TeamModel } from '../teams/team.model';
import { Board, RankedEntry } from './leaderboard.types';

@ObjectType('LeaderboardEntry', { description: 'A team’s place on a leaderboard.' })
export class LeaderboardEntryModel {
  @Field(() => Int, {
    description: 'Competition ranking: equal rounded scores share a rank (1, 2, 2, 4).',
  })
  rank: number;

  @Field(() => Float, {
    description:
      'MEAN: rounded to 2 decimals; Z_SCORE: rounded to 3 decimals; 0 without evaluation.',
  })
  score: number;

  @Field(() => Int, { description: 'DONE, non-recused evaluations the score is made of.' })
  evaluations: number;

  // A plain field: the board read the team's columns with its scores, so a board of any size
  // costs no query and no resolver call per entry (its relations still go through loaders).
  @Field(() => TeamModel, { description: 'The team.' })
  team: TeamModel;
}

@ObjectType('Leaderboard', { description: 'The ranking of a hackathon’s judged teams.' })
export class LeaderboardModel {
  @Field(() => HackathonModel, { description: 'The hackathon ranked.' })
  hackathon: HackathonModel;

  @Field(() => RankingMethod, { description: 'How team scores are computed.' })
  method: RankingMethod;

  @Field({ description: 'True once results are published: the frozen board everyone reads.' })
  published: boolean;

  @Field(() => [LeaderboardEntryModel], {
    description: 'Entries in rank order (score desc, then team name).',
  })
  entries: LeaderboardEntryModel[];

  @Field({ description: 'When the scores behind this board last changed (or were published).' })
  updatedAt: Date;

  static from(h: HackathonEntity, board: Board): LeaderboardModel {
    return Object.assign(new LeaderboardModel(), {
      hackathon: HackathonModel.from(h),
      method: board.method,
      published: board.published,
      updatedAt: board.updatedAt,
      entries: board.entries.map(entryModel),
    });
  }
}

/** A cached board's entries are mapped once, not on every read (they never change). */
const entryModels = new WeakMap<RankedEntry, LeaderboardEntryModel>();

function entryModel(e: RankedEntry): LeaderboardEntryModel {
  let model = entryModels.get(e);
  if (!model) {
    model = Object.assign(new LeaderboardEntryModel(), {
      rank: e.rank,
      score: e.score,
      evaluations: e.evaluations,
      team: TeamModel.from(e.team),
    });
    entryModels.set(e, model);
  }
  return model;
}
