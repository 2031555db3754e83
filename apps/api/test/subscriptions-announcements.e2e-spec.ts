// announcementPosted over a real graphql-ws connection: in-process pub/sub, then Redis across two app instances.
import { createClient, Client } from 'graphql-ws';
import WebSocket from 'ws';
import { createHackathon, createTestApp, SchoolRow, TestApp, TestUser } from '@ensemble/testing';

const POST = `mutation($h: ID!, $title: String!, $body: String!) { postAnnouncement(hackathonId: $h, title: $title, body: $body) { id } }`;
const FOLLOW = `subscription($h: ID!) { announcementPosted(hackathonId: $h) { id title body createdAt author { id displayName email } } }`;
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

interface Received {
  id: string;
  title: string;
  body: string;
  createdAt: string;
  author: { id: string; displayName: string; email: string | null };
}

/** A live subscription: collects events and errors, and waits for them. */
class Follower {
  readonly events: Received[] = [];
  readonly errors: unknown[] = [];
  private waiters: (() => void)[] = [];
  private readonly client: Client;

  constructor(baseUrl: string, hackathonId: string, token?: string) {
    this.client = createClient({
      url: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      retryAttempts: 0,
    });
    this.client.subscribe<{ announcementPosted: Received }>(
      { query: FOLLOW, variables: { h: hackathonId } },
      {
        next: (value) => {
          if (value.data) this.events.push(value.data.announcementPosted);
          if (value.errors) this.errors.push(...value.errors);
          this.wake();
        },
        error: (err) => {
          this.errors.push(err);
          this.wake();
        },
        complete: () => this.wake(),
      },
    );
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((w) => w());
  }

  /** Resolves once `predicate` holds, or rejects after `ms`. */
  async until(predicate: () => boolean, ms = 3000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!predicate()) {
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `Timed out; events: ${JSON.stringify(this.events)}, errors: ${JSON.stringify(this.errors)}`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 100));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }
}

/**
 * graphql-ws does not acknowledge a subscription, so the first announcement might be posted
 * before the server listens: post warm-ups until one arrives; from then on delivery is deterministic.
 */
async function warmUp(follower: Follower, post: () => Promise<unknown>): Promise<void> {
  for (
    let attempt = 0;
    attempt < 30 && follower.events.length === 0 && follower.errors.length === 0;
    attempt++
  ) {
    await post();
    await follower.until(() => follower.events.length > 0, 200).catch(() => undefined);
  }
  if (!follower.events.length)
    throw new Error(`Subscription never received an event: ${JSON.stringify(follower.errors)}`);
  follower.events.length = 0;
}

function behavesLikeALiveFeed(label: string, env: Record<string, string>) {
  describe(label, () => {
    let a: TestApp;
    let b: TestApp; // a second instance on the same database (and the same Redis, when set)
    let organizer: TestUser;
    let school: SchoolRow;
    const followers: Follower[] = [];

    beforeAll(async () => {
      a = await createTestApp(env);
      b = await createTestApp(env, { databaseUrl: a.databaseUrl });
      organizer = await a.factories.organizer({ firstName: 'Nora', lastName: 'Martin' });
      school = await a.factories.school();
    });
    afterAll(async () => {
      await Promise.all(followers.map((f) => f.close()));
      await b.close();
      await a.close();
    });

    const follow = (app: TestApp, hackathonId: string, token?: string) => {
      const f = new Follower(app.baseUrl, hackathonId, token);
      followers.push(f);
      return f;
    };
    const post = (app: TestApp, hackathonId: string, title: string, body = 'Bonjour à tous') =>
      app.client.as(organizer.token).ok(POST, { h: hackathonId, title, body });

    it('delivers a new announcement to an anonymous follower, the author by display name only', async () => {
      const h = await createHackathon(a, { phase: 'REGISTRATION' });
      const f = follow(a, h.id);
      await warmUp(f, () => post(a, h.id, 'Échauffement'));
      const { postAnnouncement } = await post(
        a,
        h.id,
        'Ouverture',
        'Les inscriptions sont ouvertes',
      );
      await f.until(() => f.events.length === 1);
      expect(f.events[0]).toEqual({
        id: postAnnouncement.id,
        title: 'Ouverture',
        body: 'Les inscriptions sont ouvertes',
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        author: { id: organizer.id, displayName: 'Nora M.', email: null },
      });
    });

    it('shows the author as the signed-in follower may see them', async () => {
      const h = await createHackathon(a, { phase: 'BUILDING' });
      const other = await a.factories.organizer();
      const f = follow(a, h.id, other.token);
      await warmUp(f, () => post(a, h.id, 'Échauffement'));
      await post(a, h.id, 'Rappel');
      await f.until(() => f.events.length === 1);
      expect(f.events[0].author.email).toBe(organizer.email);
    });

    it('reads the author afresh for every event (no DataLoader cache kept for the subscription)', async () => {
      const h = await createHackathon(a, { phase: 'REGISTRATION' });
      const f = follow(a, h.id);
      await warmUp(f, () => post(a, h.id, 'Échauffement'));
      await post(a, h.id, 'Avant');
      await f.until(() => f.events.length === 1);
      await a.db.query(`UPDATE users SET first_name = 'Zoé' WHERE id = $1`, [organizer.id]);
      try {
        await post(a, h.id, 'Après');
        await f.until(() => f.events.length === 2);
        expect(f.events.map((e) => e.author.displayName)).toEqual(['Nora M.', 'Zoé M.']);
      } finally {
        await a.db.query(`UPDATE users SET first_name = 'Nora' WHERE id = $1`, [organizer.id]);
      }
    });

    it('delivers only the followed hackathon’s announcements', async () => {
      const followed = await createHackathon(a);
      const other = await createHackathon(a);
      const f = follow(a, followed.id);
      await warmUp(f, () => post(a, followed.id, 'Échauffement'));
      await post(a, other.id, 'Ailleurs');
      await post(a, followed.id, 'Ici');
      await f.until(() => f.events.length === 1);
      await new Promise((r) => setTimeout(r, 150));
      expect(f.events.map((e) => e.title)).toEqual(['Ici']);
    });

    it('refuses to follow a DRAFT hackathon unless organizer (NOT_FOUND)', async () => {
      const draft = await createHackathon(a, { phase: 'DRAFT' });
      const pupil = await a.factories.pupil(school.id);
      for (const token of [undefined, pupil.token]) {
        const f = follow(a, draft.id, token);
        await f.until(() => f.errors.length > 0);
        expect(JSON.stringify(f.errors)).toContain('NOT_FOUND');
        expect(f.events).toEqual([]);
      }
      const f = follow(a, draft.id, organizer.token);
      await warmUp(f, () => post(a, draft.id, 'Échauffement'));
      expect(f.errors).toEqual([]);
    });

    if (env.REDIS_URL) {
      it('delivers an announcement posted on another instance through Redis', async () => {
        const h = await createHackathon(a, { phase: 'REGISTRATION' });
        const f = follow(a, h.id);
        await warmUp(f, () => post(b, h.id, 'Échauffement'));
        const { postAnnouncement } = await post(b, h.id, 'Depuis B');
        await f.until(() => f.events.length === 1);
        expect(f.events[0]).toMatchObject({
          id: postAnnouncement.id,
          title: 'Depuis B',
          author: { displayName: 'Nora M.' },
        });
      });
    } else {
      it('keeps in-process events within one instance', async () => {
        const h = await createHackathon(a, { phase: 'REGISTRATION' });
        const f = follow(a, h.id);
        await warmUp(f, () => post(a, h.id, 'Échauffement'));
        await post(b, h.id, 'Depuis B');
        await post(a, h.id, 'Depuis A');
        await f.until(() => f.events.length === 1);
        await new Promise((r) => setTimeout(r, 150));
        expect(f.events.map((e) => e.title)).toEqual(['Depuis A']);
      });
    }
  });
}

describe('subscriptions: announcementPosted', () => {
  behavesLikeALiveFeed('with in-process pub/sub', {});
  behavesLikeALiveFeed('with Redis pub/sub', { REDIS_URL });
});
