// The one pub/sub of the app: in-process by default, Redis when REDIS_URL is set (several API instances).
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { PubSub, PubSubEngine } from 'graphql-subscriptions';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '../config/app.config';

@Injectable()
export class PubSubService implements OnApplicationShutdown {
  private readonly logger = new Logger(PubSubService.name);
  private readonly engine: PubSubEngine;
  private readonly redis: Redis[] = [];
  private readonly subscriber?: Redis;
  readonly backend: 'memory' | 'redis';
  /** Topics of listen(): subscribed again, and acknowledged, on every new Redis connection. */
  private readonly listened = new Set<string>();
  private pendingListens = 0;
  /** Bumped when the subscriber loses its connection; `acknowledged`: the last one subscribed to all. */
  private connection = 0;
  private acknowledged = -1;
  private readonly waiting: (() => void)[] = [];
  /** Every topic listened to at boot has been acknowledged once (see started). */
  private listenedOnce = false;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    if (config.redisUrl) {
      const options = { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false };
      const publisher = new Redis(config.redisUrl, options);
      // No ready check on the subscriber: a SUBSCRIBE sent while ioredis is still setting up the
      // connection puts it in subscriber mode, the check's INFO is refused, ioredis drops the
      // connection and, as it never was ready, does not subscribe again on the next one, although
      // it reported the SUBSCRIBE as done (ioredis ≥ 5.8, redis/ioredis#2037). An instance then
      // never heard that topic. SUBSCRIBE is valid while Redis loads its data: nothing to wait for.
      const subscriber = new Redis(config.redisUrl, { ...options, enableReadyCheck: false });
      for (const client of [publisher, subscriber]) {
        client.on('error', (err) => this.logger.warn(`Redis: ${err.message}`));
        this.redis.push(client);
      }
      subscriber.on('close', () => this.connection++);
      subscriber.on('ready', () => this.subscribeListened(subscriber));
      this.subscriber = subscriber;
      this.engine = new RedisPubSub({ publisher, subscriber });
      this.backend = 'redis';
    } else {
      this.engine = new PubSub();
      this.backend = 'memory';
    }
  }

  publish<T>(topic: string, payload: T): Promise<void> {
    return this.engine.publish(topic, payload);
  }

  /** For graphql-ws resolvers: subscribes on first read, unsubscribes when returned. */
  subscribe<T>(topic: string): AsyncIterableIterator<T> {
    return this.engine.asyncIterableIterator<T>(topic) as AsyncIterableIterator<T>;
  }

  /**
   * For a topic the instance must never miss, heard for its whole life: resolves once the
   * subscription is acknowledged. It is made again on each new Redis connection (see listening).
   */
  async listen<T>(topic: string, onEvent: (payload: T) => void): Promise<void> {
    this.listened.add(topic);
    this.pendingListens++;
    try {
      await this.engine.subscribe(topic, onEvent as (payload: unknown) => void, {});
    } finally {
      this.pendingListens--;
    }
    this.wakeIfListening();
  }

  /**
   * True while every listened topic is subscribed on the current connection (always in memory):
   * false from a lost Redis connection until the next one has acknowledged them all.
   */
  get listening(): boolean {
    if (this.pendingListens > 0) return false;
    if (!this.subscriber) return true;
    return this.subscriber.status === 'ready' && this.acknowledged === this.connection;
  }

  /**
   * For readiness: true once `listening` has been true. A later Redis outage does not take the
   * instance out of service (its HTTP API still works); its subscriptions come back with Redis.
   */
  get started(): boolean {
    return this.listenedOnce || this.listening;
  }

  /** Resolves once `listening` is true. */
  whenListening(): Promise<void> {
    if (this.listening) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private subscribeListened(subscriber: Redis): void {
    const connection = this.connection;
    const done = () => {
      if (connection !== this.connection) return;
      this.acknowledged = connection;
      this.wakeIfListening();
    };
    if (this.listened.size === 0) return done();
    // ioredis itself subscribes again only to what it had on a connection that had become ready;
    // this also covers a SUBSCRIBE under way when the connection dropped, and tells when it is done.
    subscriber
      .subscribe(...this.listened)
      .then(done, (err: Error) =>
        this.logger.warn(`Redis: could not subscribe again: ${err.message}`),
      );
  }

  private wakeIfListening(): void {
    if (!this.listening) return;
    if (this.listened.size > 0) this.listenedOnce = true;
    for (const resolve of this.waiting.splice(0)) resolve();
  }

  async onApplicationShutdown(): Promise<void> {
    // QUIT is queued until a connection exists: a client that is not connected is dropped instead,
    // so shutting down while Redis is unreachable does not wait forever.
    await Promise.all(
      this.redis.map((c) =>
        c.status === 'ready'
          ? c.quit().catch(() => c.disconnect())
          : Promise.resolve(c.disconnect()),
      ),
    );
  }
}
