// A team follows its own help requests: `teamHelpRequests` (who may read them, paging, no N+1)
// and `helpRequestChanged(teamId)` over a real graphql-ws connection.
import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import {
  createAssignment,
  createHackathon,
  createTestApp,
  HackathonRow,
  setHackathonPhase,
  submissionScenario,
  SubmissionScenario,
  SUBMISSION_OPS as OPS,
  TEAM_OPS,
  TestApp,
  TestUser,
  until,
} from '@ensemble/testing';

const TEAM_REQUESTS = `query($teamId: ID!, $first: Int, $after: ID) {
  teamHelpRequests(teamId: $teamId, first: $first, after: $after) {
    id topic status createdAt team { id } claimedBy { id displayName } } }`;
const SUBSCRIPTION = `subscription($hackathonId: ID!, $teamId: ID) {
  helpRequestChanged(hackathonId: $hackathonId, teamId: $teamId) { id topic status team { id } claimedBy { id displayName } } }`;

interface Received {
  id: string;
  topic: string;
  status: string;
  team: { id: string };
  claimedBy: { id: string; displayName: string } | null;
}

/** One graphql-ws subscription, recording what arrives. */
class Subscriber {
  readonly events: Received[] = [];
  readonly errors: { extensions?: { code?: string } }[] = [];
  completed = false;
  private readonly client: Client;
  private readonly stop: () => void;

  constructor(t: TestApp, variables: Record<string, unknown>, token: string | null) {
    this.client = createClient({
      url: `${t.baseUrl.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      retryAttempts: 0,
    });
    this.stop = this.client.subscribe<{ helpRequestChanged: Received }>(
      { query: SUBSCRIPTION, variables },
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

  async close(): Promise<void> {
    this.stop();
    await this.client.dispose();
  }
}

describe('a team follows its help requests', () => {
  let t: TestApp;
  let hackathon: HackathonRow;
  let a: SubmissionScenario;
  let b: SubmissionScenario;
  let teacherA: TestUser;
  let teacherB: TestUser;
  let organizer: TestUser;
  const subscribers: Subscriber[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    hackathon = await createHackathon(t, { phase: 'BUILDING' });
    a = await submissionScenario(t, { hackathon });
    // Team B is from the same school as A: its pupils and A's are schoolmates, not teammates.
    b = await submissionScenario(t, { hackathon, school: a.school });
    teacherA = await t.factories.teacher(a.school.id);
    teacherB = await t.factories.teacher((await t.factories.school()).id);
    organizer = await t.factories.organizer();
  });
  afterAll(async () => {
    await Promise.all(subscribers.map((s) => s.close()));
    await t.close();
  });

  /** A member asks for help; the clock moves on a second so requests are ordered in time. */
  const ask = async (scenario: SubmissionScenario, topic: string) => {
    t.clock.advance(1000);
    return (
      await scenario.members[0].client.ok<{ requestHelp: { id: string } }>(OPS.requestHelp, {
        teamId: scenario.team.id,
        topic,
      })
    ).requestHelp;
  };

  describe('teamHelpRequests', () => {
    let first: { id: string };
    let second: { id: string };

    beforeAll(async () => {
      first = await ask(a, 'Notre formulaire ne s’envoie pas');
      second = await ask(a, 'Comment héberger la démo ?');
      await ask(b, 'Question de l’équipe B');
      await teacherA.client.ok(OPS.claimHelp, { id: first.id });
    });

    it('shows a member their team’s requests, newest first, with who took them', async () => {
      const { teamHelpRequests } = await a.members[1].client.ok(TEAM_REQUESTS, {
        teamId: a.team.id,
      });
      expect(teamHelpRequests).toEqual([
        expect.objectContaining({ id: second.id, status: 'OPEN', claimedBy: null }),
        expect.objectContaining({
          id: first.id,
          status: 'CLAIMED',
          team: { id: a.team.id },
          claimedBy: { id: teacherA.id, displayName: 'Camille D.' },
        }),
      ]);
    });

    it('shows the new status once a teacher resolves the request', async () => {
      await teacherA.client.ok(OPS.resolveHelp, { id: first.id });
      const { teamHelpRequests } = await a.members[0].client.ok(TEAM_REQUESTS, {
        teamId: a.team.id,
      });
      expect(teamHelpRequests.map((r: Received) => [r.id, r.status])).toEqual([
        [second.id, 'OPEN'],
        [first.id, 'RESOLVED'],
      ]);
    });

    it('pages with first and after', async () => {
      const page1 = (await a.members[0].client.ok(TEAM_REQUESTS, { teamId: a.team.id, first: 1 }))
        .teamHelpRequests;
      const page2 = (
        await a.members[0].client.ok(TEAM_REQUESTS, {
          teamId: a.team.id,
          first: 1,
          after: page1[0].id,
        })
      ).teamHelpRequests;
      const page3 = (
        await a.members[0].client.ok(TEAM_REQUESTS, {
          teamId: a.team.id,
          first: 1,
          after: page2[0].id,
        })
      ).teamHelpRequests;
      expect([...page1, ...page2].map((r: Received) => r.id)).toEqual([second.id, first.id]);
      expect(page3).toEqual([]);
    });

    it('refuses a cursor from another team and page sizes out of 1–100', async () => {
      const otherTeams = (await organizer.client.ok(TEAM_REQUESTS, { teamId: b.team.id }))
        .teamHelpRequests;
      const error = await a.members[0].client.fails(TEAM_REQUESTS, {
        teamId: a.team.id,
        after: otherTeams[0].id,
      });
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error.extensions?.fields).toHaveProperty('after');
      for (const size of [0, 101])
        expect(
          await a.members[0].client.code(TEAM_REQUESTS, { teamId: a.team.id, first: size }),
        ).toBe('BAD_USER_INPUT');
      expect(await a.members[0].client.code(TEAM_REQUESTS, { teamId: 'not-an-id' })).toBe(
        'BAD_USER_INPUT',
      );
    });

    it('lets the team’s mentor, its school’s teachers and organizers read them', async () => {
      for (const reader of [a.mentor, teacherA, organizer]) {
        const { teamHelpRequests } = await reader.client.ok(TEAM_REQUESTS, { teamId: a.team.id });
        expect(teamHelpRequests.map((r: Received) => r.id)).toEqual([second.id, first.id]);
      }
    });

    it('refuses pupils of another team, teachers of another school and jurors (FORBIDDEN)', async () => {
      const [{ id: submissionId }] = await t.db.query(
        `INSERT INTO submissions (team_id, hackathon_id, title, summary, description, status)
         VALUES ($1, $2, 'Projet A', 'Résumé', 'Description', 'DRAFT') RETURNING id`,
        [a.team.id, hackathon.id],
      );
      const assignedJuror = await t.factories.juror();
      await createAssignment(t, hackathon.id, submissionId, assignedJuror.id);
      const otherJuror = await t.factories.juror();
      // The assigned juror may see the team itself, but not its requests for help.
      await assignedJuror.client.ok(TEAM_OPS.team, { id: a.team.id });

      for (const outsider of [b.members[0], teacherB, assignedJuror, otherJuror])
        expect(await outsider.client.code(TEAM_REQUESTS, { teamId: a.team.id })).toBe('FORBIDDEN');
    });

    it('refuses a member whose account is PENDING or SUSPENDED, and visitors', async () => {
      const pending = await t.factories.pupil(a.school.id, { status: 'PENDING' });
      await t.db.query(
        `INSERT INTO team_members (team_id, user_id, hackathon_id, captain) VALUES ($1, $2, $3, false)`,
        [a.team.id, pending.id, hackathon.id],
      );
      expect(await pending.client.code(TEAM_REQUESTS, { teamId: a.team.id })).toBe('FORBIDDEN');
      await t.db.query(`UPDATE users SET status = 'SUSPENDED' WHERE id = $1`, [pending.id]);
      expect(await pending.client.code(TEAM_REQUESTS, { teamId: a.team.id })).toBe('FORBIDDEN');
      expect(await t.client.code(TEAM_REQUESTS, { teamId: a.team.id })).toBe('UNAUTHENTICATED');
      await t.db.query(`DELETE FROM team_members WHERE user_id = $1`, [pending.id]);
    });

    it('keeps them private after results are published, when the team itself is public', async () => {
      const published = await createHackathon(t, { phase: 'BUILDING' });
      const c = await submissionScenario(t, { hackathon: published });
      await ask(c, 'Une question avant la fin');
      await setHackathonPhase(t, published.id, 'RESULTS');
      const visitor = await t.factories.pupil((await t.factories.school()).id);

      await visitor.client.ok(TEAM_OPS.team, { id: c.team.id });
      expect(await visitor.client.code(TEAM_REQUESTS, { teamId: c.team.id })).toBe('FORBIDDEN');
      const { teamHelpRequests } = await c.members[0].client.ok(TEAM_REQUESTS, {
        teamId: c.team.id,
      });
      expect(teamHelpRequests).toHaveLength(1);
    });

    it('answers NOT_FOUND for an unknown team', async () => {
      expect(
        await organizer.client.code(TEAM_REQUESTS, {
          teamId: '00000000-0000-4000-8000-000000000000',
        }),
      ).toBe('NOT_FOUND');
    });

    it('reads a page in the same number of statements whatever its size (no N+1)', async () => {
      const big = await submissionScenario(t, { hackathon });
      const small = await submissionScenario(t, { hackathon });
      for (let i = 0; i < 10; i++) {
        const request = await ask(big, `Question numéro ${i + 1}`);
        await organizer.client.ok(OPS.claimHelp, { id: request.id });
      }
      const mine = await ask(small, 'Une seule question');
      await organizer.client.ok(OPS.claimHelp, { id: mine.id });

      const count = async (scenario: SubmissionScenario) =>
        (
          await t.sql.measure(() =>
            scenario.members[0].client.ok(TEAM_REQUESTS, { teamId: scenario.team.id }),
          )
        ).count;
      const forOne = await count(small);
      const forTen = await count(big);
      expect(forTen).toBe(forOne);
    });
  });

  describe('helpRequestChanged(teamId)', () => {
    const subscribe = (variables: Record<string, unknown>, token: string | null) => {
      const s = new Subscriber(t, { hackathonId: hackathon.id, ...variables }, token);
      subscribers.push(s);
      return s;
    };

    /** The server registers a subscription asynchronously: ask for help until each subscriber saw one. */
    async function live(scenario: SubmissionScenario, ...subs: Subscriber[]): Promise<string[]> {
      const warmups: string[] = [];
      const deadline = Date.now() + 5000;
      while (!subs.every((s) => s.events.length > 0)) {
        if (Date.now() > deadline) throw new Error('Subscriptions never became live');
        warmups.push((await ask(scenario, `Échauffement ${warmups.length + 1}`)).id);
        await new Promise((r) => setTimeout(r, 100));
      }
      return warmups;
    }

    it('pushes a member every change of their team’s requests, and none of another team’s', async () => {
      const pupilSub = subscribe({ teamId: a.team.id }, a.members[1].token);
      const teacherSub = subscribe({ teamId: a.team.id }, teacherA.token);
      const warmups = await live(a, pupilSub, teacherSub);
      const skip = (events: Received[]) => events.filter((e) => !warmups.includes(e.id));

      await ask(b, 'Pas pour l’équipe A');
      const request = await ask(a, 'Le son de notre vidéo grésille');
      await teacherA.client.ok(OPS.claimHelp, { id: request.id });
      await teacherA.client.ok(OPS.resolveHelp, { id: request.id });

      await until(() => skip(pupilSub.events).length === 3, 'the pupil’s three events');
      await until(() => skip(teacherSub.events).length === 3, 'the teacher’s three events');
      await new Promise((r) => setTimeout(r, 200)); // room for a stray event of team B
      expect(skip(pupilSub.events)).toEqual([
        {
          id: request.id,
          topic: 'Le son de notre vidéo grésille',
          status: 'OPEN',
          team: { id: a.team.id },
          claimedBy: null,
        },
        {
          id: request.id,
          topic: 'Le son de notre vidéo grésille',
          status: 'CLAIMED',
          team: { id: a.team.id },
          claimedBy: { id: teacherA.id, displayName: 'Camille D.' },
        },
        {
          id: request.id,
          topic: 'Le son de notre vidéo grésille',
          status: 'RESOLVED',
          team: { id: a.team.id },
          claimedBy: { id: teacherA.id, displayName: 'Camille D.' },
        },
      ]);
      expect(skip(teacherSub.events).map((e) => e.team.id)).toEqual([
        a.team.id,
        a.team.id,
        a.team.id,
      ]);
      expect(pupilSub.errors).toEqual([]);
    });

    it('stops pushing to a pupil who left the team', async () => {
      const leaver = await t.factories.pupil(a.school.id);
      await t.db.query(
        `INSERT INTO team_members (team_id, user_id, hackathon_id, captain) VALUES ($1, $2, $3, false)`,
        [a.team.id, leaver.id, hackathon.id],
      );
      const leaverSub = subscribe({ teamId: a.team.id }, leaver.token);
      const stayerSub = subscribe({ teamId: a.team.id }, a.members[0].token);
      await live(a, leaverSub, stayerSub);
      await leaver.client.ok(TEAM_OPS.leave, { teamId: a.team.id });
      const before = leaverSub.events.length;
      const stayerBefore = stayerSub.events.length;

      const request = await ask(a, 'Après le départ');
      await until(() => stayerSub.events.some((e) => e.id === request.id), 'the stayer’s event');
      await new Promise((r) => setTimeout(r, 200));
      expect(stayerSub.events.length).toBe(stayerBefore + 1);
      expect(leaverSub.events.length).toBe(before);
    });

    it('refuses a pupil following another team, or no team at all (FORBIDDEN)', async () => {
      const spy = subscribe({ teamId: b.team.id }, a.members[0].token);
      const everything = subscribe({}, a.members[0].token);
      await until(() => spy.errors.length > 0 || spy.completed, 'the refusal');
      await until(() => everything.errors.length > 0 || everything.completed, 'the refusal');
      expect(spy.errors[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(everything.errors[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(spy.events).toEqual([]);
    });

    it('refuses a team of another hackathon (BAD_USER_INPUT)', async () => {
      const elsewhere = await submissionScenario(t);
      const s = subscribe({ teamId: elsewhere.team.id }, elsewhere.members[0].token);
      await until(() => s.errors.length > 0 || s.completed, 'the refusal');
      expect(s.errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });
});
