// The per-request GraphQL context: who is asking and the request's DataLoaders.
import type { FastifyReply, FastifyRequest } from 'fastify';
import DataLoader from 'dataloader';
import { Viewer } from '../auth/viewer';

const eventRegistries = new WeakMap<object, LoaderRegistry>();

/** Per-request DataLoaders, created on first use so unrelated requests pay nothing. */
export class LoaderRegistry {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  /**
   * The DataLoaders of one pushed subscription event, shared by every subscriber it reaches: a
   * subscription's context outlives its events (so each event needs fresh loaders), and loaders
   * cache rows, not viewer-shaped answers (visibility is applied when mapping to models), so
   * N subscribers of one event cost one set of queries instead of N.
   */
  static forEvent(event: object): LoaderRegistry {
    let registry = eventRegistries.get(event);
    if (!registry) {
      registry = new LoaderRegistry();
      eventRegistries.set(event, registry);
    }
    return registry;
  }

  get<K, V>(
    name: string,
    batch: (keys: readonly K[]) => Promise<ArrayLike<V | Error>>,
  ): DataLoader<K, V> {
    let loader = this.loaders.get(name) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>(batch, { maxBatchSize: 1000 });
      this.loaders.set(name, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }
}

export interface GqlContext {
  req?: FastifyRequest;
  res?: FastifyReply;
  /** Bearer token sent with the request or the websocket connection, if any. */
  token?: string | null;
  /** Filled by the AuthGuard on first use. */
  viewer?: Viewer;
  viewerPromise?: Promise<Viewer>;
  loaders: LoaderRegistry;
  requestId: string;
  /** graphql-ws operation on a socket that sends shared payloads (shared-subscription-execution.ts). */
  sharedPayloads?: boolean;
}

/**
 * The arguments object of a field resolver that takes none. Field resolvers are written as
 * graphql-js calls them, `(parent, args, ctx)`, with no parameter decorators: @nestjs/graphql
 * then binds them as they are (its fast path) instead of sending every call through Nest's
 * parameter extraction and pipes; a team page makes about fifteen such calls. Guards,
 * interceptors and filters never ran on field resolvers here (no `fieldResolverEnhancers`).
 */
export type NoArgs = Record<string, never>;

/** Groups rows by key in the order DataLoader asked for them. */
export function orderBy<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const map = new Map<K, V>();
  for (const row of rows) map.set(keyOf(row), row);
  return keys.map((k) => map.get(k) ?? null);
}

export function groupBy<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const map = new Map<K, V[]>();
  for (const row of rows) {
    const k = keyOf(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return keys.map((k) => map.get(k) ?? []);
}
