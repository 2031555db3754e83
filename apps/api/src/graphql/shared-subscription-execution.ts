// graphql-ws `subscribe`: each pushed event is executed once per (event, operation, variables,
// viewer) and that one result is sent to every subscriber it is the same for, instead of being
// executed again for each of a thousand subscribers of the same board.
import { createSourceEventStream, execute, ExecutionArgs, ExecutionResult, print } from 'graphql';
import type { GqlContext } from './gql-context';

type Results = Map<string, Promise<ExecutionResult>>;

/** Results of an event by execution key; forgotten with the event object itself. */
const resultsByEvent = new WeakMap<object, Results>();

/**
 * What makes two executions of one event identical: the operation, its variables and who asks.
 * The viewer key is exact (the same user as loaded for the subscription, or anonymous), so no
 * answer shaped for one person can reach another.
 */
function executionKey(args: ExecutionArgs): string | null {
  const ctx = args.contextValue as GqlContext | undefined;
  const viewer = ctx?.viewer;
  if (!viewer) return null; // not authenticated by the guard: nothing safe to share
  return [
    args.operationName ?? '',
    print(args.document),
    JSON.stringify(args.variableValues ?? {}),
    viewer.sharingKey,
  ].join('\n');
}

function executeShared(
  args: ExecutionArgs,
  key: string | null,
  event: unknown,
): Promise<ExecutionResult> {
  const run = () => Promise.resolve(execute({ ...args, rootValue: event }));
  if (key === null || typeof event !== 'object' || event === null) return run();
  let results = resultsByEvent.get(event);
  if (!results) {
    results = new Map();
    resultsByEvent.set(event, results);
  }
  let result = results.get(key);
  if (!result) {
    result = run();
    results.set(key, result);
  }
  return result;
}

/** Drop-in for graphql's `subscribe` (same contract: an error result or an async iterator). */
export async function sharedSubscribe(
  args: ExecutionArgs,
): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const source = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in Object(source))) return source as ExecutionResult;
  const events = source as AsyncIterableIterator<unknown>;
  // The guard has run while the source stream was created: the viewer is known from here on.
  const key = executionKey(args);
  const iterator: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      const step = await events.next();
      if (step.done) return { done: true, value: undefined };
      return { done: false, value: await executeShared(args, key, step.value) };
    },
    // Returns at once even while next() waits for an event (a generator would wait for it).
    async return() {
      await events.return?.();
      return { done: true, value: undefined };
    },
    async throw(error?: unknown) {
      await events.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
  return iterator;
}
