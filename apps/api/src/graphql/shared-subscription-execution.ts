// graphql-ws `subscribe`: each pushed event is executed once per (event, operation, variables,
// viewer) and that one result is sent to every subscriber it is the same for, instead of being
// executed again for each of a thousand subscribers of the same board — and serialised once too.
import { randomUUID } from 'node:crypto';
import { createSourceEventStream, execute, ExecutionArgs, ExecutionResult, print } from 'graphql';
import type { GqlContext } from './gql-context';

/*
 * Serialising once: graphql-ws turns every message into JSON itself, for each socket (a 100-entry
 * board to 1 000 sockets was 40 % of the CPU of each pushed event). A shared result goes out as
 * a payload whose toJSON() gives a marker; the socket's send (wrapped by sendSharedPayloads)
 * puts the payload's JSON, made once, in place of that marker. The marker holds a random token
 * of this process and JSON.stringify escapes the NUL it starts with, so no data can forge one.
 */
const MARKER = `\u0000shared-payload:${randomUUID()}:`;
const MARKER_IN_JSON = JSON.stringify(MARKER).slice(1, -1);
const PAYLOAD_TAIL = `"payload":"${MARKER_IN_JSON}`;
/** UTF-8 JSON of shared payloads by marker id, oldest first; kept a minute after their last use. */
const payloadJson = new Map<string, { json: Buffer; usedAt: number }>();
const MESSAGE_END = Buffer.from('}');
const KEEP_MS = 60_000;
let lastPayloadId = 0;

export function sharedPayload(result: ExecutionResult): ExecutionResult {
  if (result.errors?.length) return result; // errors are formatted by graphql-ws itself
  const id = String(++lastPayloadId);
  let json: Buffer | undefined;
  return {
    ...result,
    // Called by JSON.stringify on the copy of this object graphql-ws sends as `payload`.
    toJSON: () => {
      json ??= Buffer.from(JSON.stringify({ ...result }));
      const now = Date.now();
      payloadJson.delete(id);
      payloadJson.set(id, { json, usedAt: now });
      for (const [old, entry] of payloadJson) {
        if (now - entry.usedAt < KEEP_MS) break;
        payloadJson.delete(old);
      }
      return MARKER + id;
    },
  } as ExecutionResult;
}

const wrapped = new WeakSet<object>();

type Send = (data: unknown, options?: unknown, cb?: (err?: Error) => void) => void;

/**
 * Wraps a graphql-ws socket's send (ws's WebSocket) so the marker of a shared payload becomes
 * its JSON: the message goes out as one buffer, the head of the message then the payload's
 * UTF-8 bytes made once (a string per socket was built, then scanned and encoded again by ws).
 * Idempotent; the context marks operations on such sockets (GqlContext.sharedPayloads).
 */
export function sendSharedPayloads(socket: { send: Send }): boolean {
  if (wrapped.has(socket)) return true;
  const send = socket.send.bind(socket) as Send;
  socket.send = (data: unknown, options?: unknown, cb?: (err?: Error) => void) => {
    if (typeof options === 'function') {
      cb = options as (err?: Error) => void;
      options = undefined;
    }
    if (typeof data === 'string' && data.endsWith('"}')) {
      const at = data.lastIndexOf(PAYLOAD_TAIL);
      if (at !== -1) {
        const entry = payloadJson.get(data.slice(at + PAYLOAD_TAIL.length, -2));
        if (entry) {
          const head = Buffer.from(`${data.slice(0, at)}"payload":`);
          // A text frame, as the string would have been.
          return send(Buffer.concat([head, entry.json, MESSAGE_END]), { binary: false }, cb);
        }
      }
    }
    send(data, options ?? {}, cb);
  };
  wrapped.add(socket);
  return true;
}

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
    const ctx = args.contextValue as GqlContext | undefined;
    result = ctx?.sharedPayloads ? run().then(sharedPayload) : run();
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
