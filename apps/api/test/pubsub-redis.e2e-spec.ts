// The Redis pub/sub hears the topics every instance must hear (sessions ended elsewhere) whatever
// the moment it subscribes, and an instance is not ready before it hears them.
import Redis from 'ioredis';
import { createTestApp, TEST_JWT_SECRET } from '@ensemble/testing';
import { loadAppConfig } from '../src/config/app.config';
import { PubSubService } from '../src/pubsub/pubsub.service';

const REDIS_URL =
  process.env.REDIS_TEST_URL ?? process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const WAIT_MS = 15_000;

function within<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out waiting for ${what}`)), WAIT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

describe('Redis pub/sub', () => {
  it('hears a topic listened to while its connection is still being set up', async () => {
    const config = loadAppConfig({
      NODE_ENV: 'test',
      JWT_SECRET: TEST_JWT_SECRET,
      REDIS_URL,
    });
    const pubsub = new PubSubService(config);
    const publisher = new Redis(REDIS_URL);
    const topic = `test.pubsub.${process.pid}.${Date.now()}`;
    const heard: unknown[] = [];
    try {
      // The moment ioredis 5.8+ lost such a subscription: connected, handshake not finished.
      const subscriber = pubsub['subscriber']!;
      await within(
        new Promise<void>((resolve) =>
          subscriber.once('connect', () => {
            void pubsub.listen(topic, (event) => heard.push(event));
            resolve();
          }),
        ),
        'the connection',
      );
      expect(pubsub.listening).toBe(false);
      await within(pubsub.whenListening(), 'the subscription');

      await publisher.publish(topic, JSON.stringify({ n: 1 }));
      const deadline = Date.now() + WAIT_MS;
      while (heard.length === 0 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      expect(heard).toEqual([{ n: 1 }]);
    } finally {
      publisher.disconnect();
      await pubsub.onApplicationShutdown();
    }
  });

  it('keeps an instance out of service (/health/ready 503) until it hears them', async () => {
    // Nothing listens on port 1: the subscription is never acknowledged.
    const t = await createTestApp({ REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      const res = await fetch(`${t.baseUrl}/health/ready`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ status: 'starting' });
      expect((await fetch(`${t.baseUrl}/health`)).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});
