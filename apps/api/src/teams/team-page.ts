// Parts of a team page that other features read inside the team's own statement: the teams
// feature cannot import them (they depend on it), so they register here at start-up.
import type { LoaderRegistry } from '../graphql/gql-context';

export interface TeamPagePart {
  /** The fields under `team` that ask for this part, e.g. ['submission', 'feedback']. */
  readonly path: readonly string[];
  /** A scalar subselect (one JSON value) over the team, which the statement aliases `t`. */
  readonly sql: string;
  /** Puts the subselect's value in the request's loaders, as the part's own loader reads it. */
  prime(loaders: LoaderRegistry, value: unknown): void;
}
