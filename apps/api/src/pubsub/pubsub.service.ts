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
  readonly backend: 'memory' | 'redis';

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    if (config.redisUrl) {
      const options = { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false };
      const publisher = new Redis(config.redisUrl, options);
      const subscriber = new Redis(config.redisUrl, options);
      for (const client of [publisher, subscriber]) {
        client.on('error', (err) => this.logger.warn(`Redis: ${err.message}`));
        this.redis.push(client);
      }
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

  subscribe<T>(topic: string): AsyncIterableIterator<T> {
    return this.engine.asyncIterableIterator<T>(topic) as AsyncIterableIterator<T>;
  }

  async onApplicationShutdown(): Promise<void> {
    // QUIT is queued until a connection exists: a client that is not connected is dropped instead,
    // so shutting down while Redis is unreachable does not wait forever.
    await Promise.all(
      this.redis.map((c) =>
        c.status === 'ready' ? c.quit().catch(() => c.disconnect()) : Promise.resolve(c.disconnect()),
      ),
    );
  }
}
