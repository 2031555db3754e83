// Keeps a query's data live through a GraphQL subscription; should the live connection give up
// (graphql-ws stops retrying, e.g. a school proxy blocks websockets), the query polls instead.
import type {
  DefaultContext,
  OperationVariables,
  SubscribeToMoreFunction,
  TypedDocumentNode,
} from '@apollo/client';
import { useEffect, useRef } from 'react';

/** Polling interval once the live connection has given up. */
export const FALLBACK_POLL_MS = 30_000;

/** What useQuery returns that this hook needs. */
interface LiveQuery<TData, TVars extends OperationVariables> {
  subscribeToMore: SubscribeToMoreFunction<TData, TVars>;
  startPolling: (interval: number) => void;
  stopPolling: () => void;
}

export interface LiveOptions<TData, TSubData, TSubVars extends OperationVariables> {
  document: TypedDocumentNode<TSubData, TSubVars>;
  variables: TSubVars;
  context?: DefaultContext;
  /** Merges one pushed event into the query's data (previous is complete); void keeps it as is. */
  merge: (previous: TData, event: TSubData) => TData | void;
  /** Called with each pushed event (e.g. to announce it). */
  onEvent?: (event: TSubData) => void;
  /** Not yet (e.g. until the query's first answer, so that events merge into loaded data). */
  skip?: boolean;
}

export function useLiveSubscription<
  TData,
  TVars extends OperationVariables,
  TSubData,
  TSubVars extends OperationVariables,
>(
  query: LiveQuery<TData, TVars>,
  {
    document,
    variables,
    context,
    merge,
    onEvent,
    skip = false,
  }: LiveOptions<TData, TSubData, TSubVars>,
): void {
  // The latest callbacks, without subscribing again each time the component renders.
  const callbacks = useRef({ merge, onEvent });
  callbacks.current = { merge, onEvent };
  const { subscribeToMore, startPolling, stopPolling } = query;
  const key = JSON.stringify(variables);
  const anonymous = context?.anonymous === true;

  useEffect(() => {
    if (skip) return undefined;
    const unsubscribe = subscribeToMore<TSubData, TSubVars>({
      document,
      variables: JSON.parse(key) as TSubVars,
      context: anonymous ? { anonymous } : undefined,
      updateQuery: (_unsafe, options) => {
        const event = options.subscriptionData.data as TSubData;
        callbacks.current.onEvent?.(event);
        if (!options.complete) return undefined;
        return callbacks.current.merge(options.previousData as TData, event) as never;
      },
      onError: () => startPolling(FALLBACK_POLL_MS),
    });
    return () => {
      unsubscribe();
      stopPolling();
    };
  }, [subscribeToMore, startPolling, stopPolling, document, key, anonymous, skip]);
}
