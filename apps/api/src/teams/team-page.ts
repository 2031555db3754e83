// Parts of a team page read inside the team's own statement (its members; feedback, which mentoring
// adds at start-up since the teams feature cannot import what depends on it).
import type { LoaderRegistry } from '../graphql/gql-context';

export interface TeamPagePart {
  /** The fields under `team` that ask for this part, e.g. ['submission', 'feedback']. */
  readonly path: readonly string[];
  /** A scalar subselect (one JSON value) over the team, which the statement aliases `t`. */
  readonly sql: string;
  /** Puts the subselect's value in the request's loaders, as the part's own loader reads it. */
  prime(loaders: LoaderRegistry, value: unknown, teamId: string): void;
}
