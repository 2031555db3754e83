// Shapes shared by the leaderboard services.
import { RankingMethod, SchoolLevel } from '../graphql/enums';
import type { TeamColumns } from '../teams/team.model';

/** A judged team with both of its scores; independent of the board's category/track filter. */
export interface ScoredTeam {
  teamId: string;
  name: string;
  category: SchoolLevel;
  trackId: string;
  schoolId: string;
  /** MEAN score (2 decimals), 0 without evaluation. */
  mean: number;
  /** Z_SCORE score (3 decimals) as frozen or as computed for publication; null when live (a live board keeps its Z scores beside its teams). */
  z: number | null;
  evaluations: number;
  /** The team's current columns, read with the scores: a board's teams cost no further query. */
  team: TeamColumns;
}

export interface BoardFilter {
  category?: SchoolLevel | null;
  trackId?: string | null;
  method: RankingMethod;
  /** Unset: every entry. */
  first?: number | null;
}

export interface RankedEntry {
  rank: number;
  teamId: string;
  name: string;
  score: number;
  evaluations: number;
  category: SchoolLevel;
  trackId: string;
  schoolId: string;
  team: TeamColumns;
}

export interface Board {
  hackathonId: string;
  method: RankingMethod;
  published: boolean;
  updatedAt: Date;
  entries: RankedEntry[];
}
