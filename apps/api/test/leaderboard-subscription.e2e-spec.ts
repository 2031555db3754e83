// leaderboardUpdated over graphql-ws, across two API instances sharing PostgreSQL and Redis.
import { createClient, Client } from 'graphql-ws';
import WebSocket from 'ws';
import {
  createAssignment,
  createHackathon,
  createJudgedTeam,
  createTestApp,
  HackathonRow,
  JURY_OPS,
  SchoolRow,
  TestApp,
  TestUser,
} from '@ensemble/testing';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const FOLLOW = `subscription($h: ID!, $method: RankingMethod) { leaderboardUpdated(hackathonId: $h, method: $method) {
  published method hackathon { id } entries { rank score evaluations team { id name } } } }`;

interface Board {
  published: boolean;
  entries: {
    rank: number;
    score: number;
    evaluations: number;
    team: { id: string; name: string };
  }[];
}

class BoardFollower {
  readonly boards: Board[] = [];
  readonly errors: unknown[] = [];
  private readonly client: Client;

  constructor(baseUrl: string, hackathonId: string, token?: string, method = 'MEAN') {
    this.client = createClient({
      url: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      retryAttempts: 0,
    });
    this.client.subscribe<{ leaderboardUpdated: Board }>(
      { query: FOLLOW, variables: { h: hackathonId, method } },
      {
        next: (value) => {
          if (value.data) this.boards.push(value.data.leaderboardUpdated);
          if (value.errors) this.errors.push(...value.errors);
        },
        error: (err) => this.errors.push(err),
        complete: () => undefined,
      },
    );
  }

  async until(predicate: () => boolean, ms = 3000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!predicate()) {
      if (Date.now() > deadline) {
        throw new Error(
          `Timed out; boards: ${JSON.stringify(this.boards)}, errors: ${JSON.stringify(this.errors)}`,
        );
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }
}

describe('leaderboardUpdated', () => {
  let a: TestApp;
  let b: TestApp; // a second API instance on the same database and Redis
  let organizer: TestUser;
  let school: SchoolRow;
  const followers: BoardFollower[] = [];

  beforeAll(async () => {
    a = await createTestApp({ REDIS_URL });
    b = await createTestApp({ REDIS_URL }, { databaseUrl: a.databaseUrl });
    organizer = await a.factories.organizer();
    school = await a.factories.school();
  });
  afterAll(async () => {
    await Promise.all(followers.map((f) => f.close()));
    await b.close();
    await a.close();
  });

  const follow = (app: TestApp, hackathonId: string, token?: string, method?: string) => {
    const f = new BoardFollower(app.baseUrl, hackathonId, token, method);
    followers.push(f);
    return f;
  };

  async function judging(teamCount: number) {
    const hackathon = await createHackathon(a, {
      phase: 'JUDGING',
      criteria: [{ weight: 1, maxScore: 100 }],
    });
    const teams = [];
    for (let i = 0; i < teamCount; i++)
      teams.push(
        await createJudgedTeam(a, { hackathon, schoolId: school.id, name: `Équipe ${i + 1}` }),
      );
    return { hackathon, teams };
  }

  /** Scores through instance `app` (a new assignment for a fresh juror). */
  async function scoreOn(
    app: TestApp,
    hackathon: HackathonRow,
    submissionId: string,
    value: number,
    juror?: TestUser,
  ) {
    const j = juror ?? (await a.factories.juror());
    const id = await createAssignment(a, hackathon.id, submissionId, j.id);
    await app.client
      .as(j.token)
      .ok(JURY_OPS.score, {
        id,
        scores: [{ criterionId: hackathon.criterionIds[0], value }],
        comment: '',
      });
  }

  it('pushes a fresh board to an organizer on one instance within a second of a score on the other', async () => {
    const { hackathon, teams } = await judging(2);
    const f = follow(a, hackathon.id, organizer.token);
    await f.until(() => f.boards.length === 1); // the current board, at once
    expect(f.boards[0].entries.map((e) => e.score)).toEqual([0, 0]);

    const started = Date.now();
    await scoreOn(b, hackathon, teams[1].submissionId, 80);
    await f.until(() => f.boards.length === 2, 1000);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(f.boards[1]).toMatchObject({ published: false });
    expect(f.boards[1].entries.map((e) => [e.rank, e.team.name, e.score, e.evaluations])).toEqual([
      [1, 'Équipe 2', 80, 1],
      [2, 'Équipe 1', 0, 0],
    ]);
  });

  it('coalesces a burst of scores into a few boards, the last one complete', async () => {
    const { hackathon, teams } = await judging(10);
    const f = follow(a, hackathon.id, organizer.token);
    await f.until(() => f.boards.length === 1);
    const jurors = await Promise.all(teams.map(() => a.factories.juror()));
    const started = Date.now();
    await Promise.all(
      teams.map((team, i) =>
        scoreOn(i % 2 ? a : b, hackathon, team.submissionId, 50 + i, jurors[i]),
      ),
    );
    await f.until(() => f.boards.at(-1)!.entries.every((e) => e.evaluations === 1), 2000);
    const elapsed = Date.now() - started;
    await new Promise((r) => setTimeout(r, 400)); // nothing more should come
    const pushed = f.boards.length - 1;
    expect(pushed).toBeGreaterThanOrEqual(1);
    // At most one board per 250 ms tick (plus the trailing one).
    expect(pushed).toBeLessThanOrEqual(Math.ceil(elapsed / 250) + 1);
    expect(pushed).toBeLessThan(10);
  });

  it('refuses non-organizers before publication (FORBIDDEN), then serves everyone the frozen board', async () => {
    const { hackathon, teams } = await judging(1);
    const pupil = await a.factories.pupil(school.id);
    for (const token of [undefined, pupil.token]) {
      const f = follow(a, hackathon.id, token);
      await f.until(() => f.errors.length > 0);
      expect(JSON.stringify(f.errors)).toContain('FORBIDDEN');
      expect(f.boards).toEqual([]);
    }
    const watcher = follow(a, hackathon.id, organizer.token);
    await watcher.until(() => watcher.boards.length === 1);
    await scoreOn(a, hackathon, teams[0].submissionId, 70);
    await b.client.as(organizer.token).ok(JURY_OPS.publish, { hackathonId: hackathon.id });
    await watcher.until(() => watcher.boards.at(-1)!.published);

    const anonymous = follow(a, hackathon.id);
    await anonymous.until(() => anonymous.boards.length === 1);
    expect(anonymous.boards[0]).toMatchObject({
      published: true,
      entries: [{ rank: 1, score: 70, evaluations: 1 }],
    });
  });
});
