// Ending a user's sessions (suspension, logout everywhere, account deletion) closes their live
// graphql-ws connections at once, on every instance: a subscription never outlives the account.
import { once } from 'node:events';
import { createClient, Client } from 'graphql-ws';
import Redis from 'ioredis';
import WebSocket from 'ws';
import {
  createHackathon,
  createTestApp,
  HackathonRow,
  SchoolRow,
  TestApp,
  TestUser,
  TEST_PASSWORD,
  until,
} from '@ensemble/testing';
import { PubSubService } from '../src/pubsub/pubsub.service';

const FOLLOW = `subscription($h: ID!) { announcementPosted(hackathonId: $h) { id title } }`;
const POST = `mutation($h: ID!, $title: String!) { postAnnouncement(hackathonId: $h, title: $title, body: "Bonjour") { id } }`;
const SUSPEND = `mutation($id: ID!) { suspendUser(userId: $id) { id status } }`;
const REDIS_URL =
  process.env.REDIS_TEST_URL ?? process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** Bounds of every wait: generous for a loaded CI machine, still far below Jest's minute. */
const WAIT_MS = 15_000;

/** Waits for /health/ready: the instance hears the sessions-ended topic from then on. */
async function ready(app: TestApp): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const status = (await fetch(`${app.baseUrl}/health/ready`)).status;
    if (status === 200) return;
    if (Date.now() > deadline) throw new Error(`${app.baseUrl} not ready (${status})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** One websocket connection following a hackathon's announcements, recording how it ended. */
class Connection {
  readonly titles: string[] = [];
  closeCode: number | null = null;
  private readonly client: Client;

  constructor(app: TestApp, hackathonId: string, token: string) {
    this.client = createClient({
      url: `${app.baseUrl.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
      lazy: false,
      onNonLazyError: () => undefined, // the close is recorded below
      on: { closed: (event) => (this.closeCode ??= (event as { code: number }).code) },
    });
    this.client.subscribe<{ announcementPosted: { title: string } }>(
      { query: FOLLOW, variables: { h: hackathonId } },
      {
        next: (v) => v.data && this.titles.push(v.data.announcementPosted.title),
        error: () => undefined,
        complete: () => undefined,
      },
    );
  }

  until(predicate: () => boolean, what: string, ms = WAIT_MS): Promise<void> {
    return until(predicate, () => `${what}: ${JSON.stringify(this)}`, ms);
  }

  toJSON() {
    return { titles: this.titles, closeCode: this.closeCode };
  }

  dispose() {
    return this.client.dispose();
  }
}

const variants: [string, Record<string, string>][] = [
  ['in-process pub/sub', {}],
  ['Redis pub/sub, two instances', { REDIS_URL }],
];

describe.each(variants)('live sessions (%s)', (_label, env: Record<string, string>) => {
  let a: TestApp;
  let b: TestApp;
  let organizer: TestUser;
  let school: SchoolRow;
  let h: HackathonRow;
  const open: Connection[] = [];
  const twoInstances = 'REDIS_URL' in env;

  beforeAll(async () => {
    a = await createTestApp(env);
    b = twoInstances ? await createTestApp(env, { databaseUrl: a.databaseUrl }) : a;
    await Promise.all([ready(a), ready(b)]);
    organizer = await a.factories.organizer();
    school = await a.factories.school();
    h = await createHackathon(a, { phase: 'REGISTRATION' });
  });
  afterAll(async () => {
    await Promise.all(open.map((c) => c.dispose()));
    if (b !== a) await b.close();
    await a.close();
  });

  /**
   * A connection on `app` that has received a first announcement, so its subscription is live
   * (nothing tells a client when the server's SUBSCRIBE is acknowledged: announcements are posted
   * until one arrives).
   */
  async function follow(app: TestApp, user: TestUser): Promise<Connection> {
    const c = new Connection(app, h.id, user.token);
    open.push(c);
    const deadline = Date.now() + WAIT_MS;
    for (let i = 0; c.titles.length === 0 && c.closeCode === null && Date.now() < deadline; i++) {
      await a.client.as(organizer.token).ok(POST, { h: h.id, title: `warm-up ${i}` });
      await c.until(() => c.titles.length > 0, 'a first event', 500).catch(() => undefined);
    }
    expect(c.closeCode).toBeNull();
    expect(c.titles.length).toBeGreaterThan(0);
    return c;
  }

  it('suspending a user closes their connections (4403), others keep receiving', async () => {
    const teacher = await a.factories.teacher(school.id);
    const bystander = await a.factories.teacher(school.id);
    const onA = await follow(a, teacher);
    const onB = await follow(b, teacher);
    const other = await follow(b, bystander);

    await a.client.as(organizer.token).ok(SUSPEND, { id: teacher.id });
    await onA.until(
      () => onA.closeCode !== null,
      'the suspended user’s connection on the same instance to close',
    );
    await onB.until(
      () => onB.closeCode !== null,
      'the suspended user’s connection on the other instance to close',
    );
    expect([onA.closeCode, onB.closeCode]).toEqual([4403, 4403]);

    const before = onA.titles.length;
    await a.client.as(organizer.token).ok(POST, { h: h.id, title: 'Après la suspension' });
    await other.until(() => other.titles.includes('Après la suspension'), 'the bystander’s event');
    expect(other.closeCode).toBeNull();
    expect(onA.titles).toHaveLength(before);
    expect(onB.titles).not.toContain('Après la suspension');
  });

  it('a suspended user’s old token cannot open a new connection', async () => {
    const teacher = await a.factories.teacher(school.id);
    await a.client.as(organizer.token).ok(SUSPEND, { id: teacher.id });
    const c = new Connection(b, h.id, teacher.token);
    open.push(c);
    await c.until(() => c.closeCode !== null, 'the connection to be refused');
    expect(c.closeCode).toBe(4403);
    expect(c.titles).toEqual([]);
  });

  it('logoutEverywhere closes every connection of the caller', async () => {
    const pupil = await a.factories.pupil(school.id);
    const first = await follow(a, pupil);
    const second = await follow(b, pupil);
    await b.client.as(pupil.token).ok(`mutation { logoutEverywhere }`);
    await first.until(() => first.closeCode !== null, 'the first connection to close');
    await second.until(() => second.closeCode !== null, 'the second connection to close');
    expect([first.closeCode, second.closeCode]).toEqual([4403, 4403]);
  });

  it('deleting one’s account closes its connections', async () => {
    const pupil = await a.factories.pupil(school.id);
    const c = await follow(b, pupil);
    await a.client
      .as(pupil.token)
      .ok(`mutation($p: String!) { deleteMyAccount(password: $p) }`, { p: TEST_PASSWORD });
    await c.until(() => c.closeCode !== null, 'the connection to close');
    expect(c.closeCode).toBe(4403);
  });

  (twoInstances ? it : it.skip)(
    'after an instance’s Redis connection drops and comes back, a suspension still closes its connections',
    async () => {
      const teacher = await a.factories.teacher(school.id);
      const onA = await follow(a, teacher);
      const pubsub = a.app.get(PubSubService);
      const subscriber = pubsub['subscriber']!;
      const admin = new Redis(REDIS_URL);
      try {
        const closed = once(subscriber, 'close');
        const port = (subscriber.stream as { localPort?: number }).localPort;
        expect(await admin.client('KILL', 'ADDR', `127.0.0.1:${port}`)).toBe(1);
        await closed;
        expect(pubsub.listening).toBe(false);
        await Promise.race([
          pubsub.whenListening(),
          until(() => false, 'the subscriptions to come back', WAIT_MS),
        ]);
      } finally {
        admin.disconnect();
      }

      await b.client.as(organizer.token).ok(SUSPEND, { id: teacher.id });
      await onA.until(() => onA.closeCode !== null, 'the connection to close');
      expect(onA.closeCode).toBe(4403);
    },
  );

  it('a refused suspension (not an organizer) closes nothing', async () => {
    const teacher = await a.factories.teacher(school.id);
    const target = await a.factories.teacher(school.id);
    const c = await follow(a, target);
    expect(await a.client.as(teacher.token).code(SUSPEND, { id: target.id })).toBe('FORBIDDEN');
    await a.client.as(organizer.token).ok(POST, { h: h.id, title: 'Toujours là' });
    await c.until(() => c.titles.includes('Toujours là'), 'the next event');
    expect(c.closeCode).toBeNull();
  });
});

describe('live sessions: the periodic check against the database', () => {
  let a: TestApp;
  const open: Connection[] = [];

  beforeAll(async () => {
    a = await createTestApp({ LIVE_SESSIONS_CHECK_INTERVAL_MS: '100' });
  });
  afterAll(async () => {
    await Promise.all(open.map((c) => c.dispose()));
    await a.close();
  });

  it('closes a connection whose session ended without an event (e.g. lost while Redis was down), and only that one', async () => {
    const organizer = await a.factories.organizer();
    const school = await a.factories.school();
    const h = await createHackathon(a, { phase: 'REGISTRATION' });
    const [ended, kept] = [await a.factories.pupil(school.id), await a.factories.pupil(school.id)];
    const connections = [ended, kept].map((u) => new Connection(a, h.id, u.token));
    open.push(...connections);
    const [c, other] = connections;
    const deadline = Date.now() + WAIT_MS;
    for (let i = 0; connections.some((x) => x.titles.length === 0) && Date.now() < deadline; i++) {
      await a.client.as(organizer.token).ok(POST, { h: h.id, title: `warm-up ${i}` });
      await until(() => connections.every((x) => x.titles.length > 0), 'first events', 500).catch(
        () => undefined,
      );
    }
    expect([c.closeCode, other.closeCode]).toEqual([null, null]);

    // Ended in the database only: no sessions-ended event is published.
    await a.db.query('UPDATE users SET session_version = session_version + 1 WHERE id = $1', [
      ended.id,
    ]);
    await c.until(() => c.closeCode !== null, 'the check to close the connection');
    expect(c.closeCode).toBe(4403);

    await a.client.as(organizer.token).ok(POST, { h: h.id, title: 'Après la vérification' });
    await other.until(() => other.titles.includes('Après la vérification'), 'the next event');
    expect(other.closeCode).toBeNull();
  });
});
