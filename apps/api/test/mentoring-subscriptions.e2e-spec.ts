// helpRequestChanged over a real graphql-ws connection, with the in-process pub/sub and with Redis.
import { randomUUID } from 'node:crypto';
import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import {
  createHackathon,
  createTestApp,
  HackathonRow,
  submissionScenario,
  SubmissionScenario,
  SUBMISSION_OPS as OPS,
  TestApp,
  TestUser,
  until,
} from '@ensemble/testing';
import { PubSubService } from '../src/pubsub/pubsub.service';
import { helpTopic } from '../src/mentoring/help-requests.service';
import type { HelpRequestEvent } from '../src/mentoring/help-request.model';

const SUBSCRIPTION = `subscription($hackathonId: ID!) {
  helpRequestChanged(hackathonId: $hackathonId) { id topic status team { id } claimedBy { id } } }`;
const SENTINEL = '__sentinel__';

interface Received {
  id: string;
  topic: string;
  status: string;
  team: { id: string };
  claimedBy: { id: string } | null;
}

/** One graphql-ws subscription, recording what arrives. */
class Subscriber {
  readonly events: Received[] = [];
  readonly errors: { extensions?: { code?: string } }[] = [];
  completed = false;
  private readonly client: Client;
  private readonly stop: () => void;

  constructor(t: TestApp, hackathonId: string, token: string | null) {
    this.client = createClient({
      url: `${t.baseUrl.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      retryAttempts: 0,
    });
    this.stop = this.client.subscribe<{ helpRequestChanged: Received }>(
      { query: SUBSCRIPTION, variables: { hackathonId } },
      {
        next: (result) => {
          if (result.errors) this.errors.push(...(result.errors as never[]));
          else if (result.data) this.events.push(result.data.helpRequestChanged);
        },
        error: (err) =>
          this.errors.push(...(Array.isArray(err) ? err : [{ extensions: { code: String(err) } }])),
        complete: () => {
          this.completed = true;
        },
      },
    );
  }

  /** Real events only (the sentinels that proved the subscription live are dropped). */
  get received(): Received[] {
    return this.events.filter((e) => e.topic !== SENTINEL);
  }

  async close(): Promise<void> {
    this.stop();
    await this.client.dispose();
  }
}

describe.each([
  ['in-process pub/sub', {}],
  ['Redis pub/sub', { REDIS_URL: 'redis://127.0.0.1:6379' }],
])('helpRequestChanged (%s)', (_name, env: Record<string, string>) => {
  let t: TestApp;
  let hackathon: HackathonRow;
  let a: SubmissionScenario;
  let b: SubmissionScenario;
  let teacherA: TestUser;
  let organizer: TestUser;
  const subscribers: Subscriber[] = [];

  beforeAll(async () => {
    t = await createTestApp(env);
    hackathon = await createHackathon(t, { phase: 'BUILDING' });
    a = await submissionScenario(t, { hackathon });
    b = await submissionScenario(t, { hackathon });
    teacherA = await t.factories.teacher(a.school.id);
    organizer = await t.factories.organizer();
  });
  afterAll(async () => {
    await Promise.all(subscribers.map((s) => s.close()));
    await t.close();
  });

  const subscribe = (token: string | null) => {
    const s = new Subscriber(t, hackathon.id, token);
    subscribers.push(s);
    return s;
  };

  /** The server registers a subscription asynchronously: publish harmless sentinels until each subscriber got one. */
  async function live(...subs: Subscriber[]): Promise<void> {
    const pubsub = t.app.get(PubSubService);
    const sentinel: HelpRequestEvent = {
      id: randomUUID(),
      hackathonId: hackathon.id,
      teamId: a.team.id,
      schoolId: a.school.id,
      topic: SENTINEL,
      status: 'OPEN' as HelpRequestEvent['status'],
      claimedById: null,
      createdAt: new Date().toISOString(),
    };
    const deadline = Date.now() + 5000;
    while (!subs.every((s) => s.events.length > 0)) {
      if (Date.now() > deadline) throw new Error('Subscriptions never became live');
      await pubsub.publish(helpTopic(hackathon.id), sentinel);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('sends a teacher their school’s requests only, and organizers every request', async () => {
    const teacherSub = subscribe(teacherA.token);
    const organizerSub = subscribe(organizer.token);
    await live(teacherSub, organizerSub);

    const fromA = (
      await a.members[0].client.ok(OPS.requestHelp, {
        teamId: a.team.id,
        topic: 'Aide pour l’école A',
      })
    ).requestHelp;
    const fromB = (
      await b.members[0].client.ok(OPS.requestHelp, {
        teamId: b.team.id,
        topic: 'Aide pour l’école B',
      })
    ).requestHelp;
    await teacherA.client.ok(OPS.claimHelp, { id: fromA.id });
    await organizer.client.ok(OPS.resolveHelp, { id: fromB.id });

    await until(() => organizerSub.received.length === 4, 'the organizer’s four events');
    await until(() => teacherSub.received.length === 2, 'the teacher’s two events');
    // Give a stray event from school B time to show up if the filter let it through.
    await new Promise((r) => setTimeout(r, 200));

    expect(teacherSub.received).toEqual([
      {
        id: fromA.id,
        topic: 'Aide pour l’école A',
        status: 'OPEN',
        team: { id: a.team.id },
        claimedBy: null,
      },
      {
        id: fromA.id,
        topic: 'Aide pour l’école A',
        status: 'CLAIMED',
        team: { id: a.team.id },
        claimedBy: { id: teacherA.id },
      },
    ]);
    expect(organizerSub.received.map((e) => [e.id, e.status])).toEqual([
      [fromA.id, 'OPEN'],
      [fromB.id, 'OPEN'],
      [fromA.id, 'CLAIMED'],
      [fromB.id, 'RESOLVED'],
    ]);
    expect(teacherSub.errors).toEqual([]);
  });

  it('refuses the subscription on a connection without a token', async () => {
    const anonymous = subscribe(null);
    await until(() => anonymous.errors.length > 0 || anonymous.completed, 'the refusal');
    expect(anonymous.errors[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(anonymous.events).toEqual([]);
  });

  it('refuses pupils (FORBIDDEN)', async () => {
    const pupil = subscribe(a.members[0].token);
    await until(() => pupil.errors.length > 0 || pupil.completed, 'the refusal');
    expect(pupil.errors[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
