import { useQuery } from '@apollo/client/react';
import { useIsSignedIn } from '../auth/use-session';
import { MeDocument, type MeQuery } from '../gql/graphql';

export type Me = NonNullable<MeQuery['me']>;

/** The signed-in user (null for visitors), shared through Apollo's cache by every page. */
export function useMe() {
  const signedIn = useIsSignedIn();
  const query = useQuery(MeDocument, { skip: !signedIn });
  return { ...query, me: signedIn ? (query.data?.me ?? null) : null, signedIn };
}
