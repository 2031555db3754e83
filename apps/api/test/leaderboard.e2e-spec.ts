import {
  createAssignment,
  createHackathon,
  createJudgedTeam,
  createTestApp,
  HackathonRow,
  JURY_OPS,
  jurySnapshot,
  onlyTheseJurors,
  SchoolRow,
  setHackathonPhase,
  TestApp,
  TestUser,
} from '@ensemble/testing';

type Entry = {
  rank: number;
  score: number;
  evaluations: number;
  team: { id: string; name: string };
};
const table = (entries: Entry[]) =>
  entries.map((e) => [e.rank, e.team.name, e.score, e.evaluations]);

describe('leaderboard', () => {
  let t: TestApp;
  let organizer: TestUser;
  let college: SchoolRow;
  let lycee: SchoolRow;

  beforeAll(async () => {
    t = await createTestApp();
    organizer = await t.factories.organizer();
    college = await t.factories.school({ level: 'COLLEGE' });
    lycee = await t.factories.school({ level: 'LYCEE' });
  });
  afterAll(() => t.close());

  /** One criterion out of 100: a mark is its weighted score, so examples compute by hand. */
  async function hackathonWithTeams(names: string[], schools: SchoolRow[] = [college]) {
    const hackathon = await createHackathon(t, {
      phase: 'JUDGING',
      criteria: [{ weight: 1, maxScore: 100 }],
    });
    const teams = new Map<string, { id: string; submissionId: string }>();
    for (const [i, name] of names.entries()) {
      teams.set(
        name,
        await createJudgedTeam(t, {
          hackathon,
          schoolId: schools[i % schools.length].id,
          name,
          trackId: hackathon.trackIds[i % 2],
        }),
      );
    }
    return { hackathon, teams };
  }

  async function score(
    hackathon: HackathonRow,
    juror: TestUser,
    submissionId: string,
    value: number,
  ) {
    const id = await createAssignment(t, hackathon.id, submissionId, juror.id);
    await juror.client.ok(JURY_OPS.score, {
      id,
      scores: [{ criterionId: hackathon.criterionIds[0], value }],
      comment: '',
    });
    return id;
  }

  const board = async (
    client: TestUser['client'],
    hackathonId: string,
    vars: Record<string, unknown> = {},
  ) => (await client.ok(JURY_OPS.leaderboard, { hackathonId, ...vars })).leaderboard;

  describe('MEAN', () => {
    it('ranks by mean weighted score rounded to 2 decimals, ties share a rank (1, 2, 2, 4), then by name; no evaluation scores 0', async () => {
      const { hackathon, teams } = await hackathonWithTeams([
        'Zèbre',
        'Alpha',
        'abeille',
        'Delta',
        'Echo',
      ]);
      const [j1, j2, j3] = [
        await t.factories.juror(),
        await t.factories.juror(),
        await t.factories.juror(),
      ];
      await score(hackathon, j1, teams.get('Alpha')!.submissionId, 90);
      await score(hackathon, j1, teams.get('Zèbre')!.submissionId, 70);
      // abeille: (70 + 70 + 71) / 3 = 70.333… → 70.33; Zèbre: (70 + 71 + 70) / 3 → the same.
      await score(hackathon, j1, teams.get('abeille')!.submissionId, 70);
      await score(hackathon, j2, teams.get('abeille')!.submissionId, 70);
      await score(hackathon, j3, teams.get('abeille')!.submissionId, 71);
      await score(hackathon, j2, teams.get('Zèbre')!.submissionId, 71);
      await score(hackathon, j3, teams.get('Zèbre')!.submissionId, 70);
      await score(hackathon, j2, teams.get('Delta')!.submissionId, 50);

      const lb = await board(organizer.client, hackathon.id);
      expect(lb).toMatchObject({
        method: 'MEAN',
        published: false,
        hackathon: { id: hackathon.id },
      });
      expect(table(lb.entries)).toEqual([
        [1, 'Alpha', 90, 1],
        [2, 'abeille', 70.33, 3],
        [2, 'Zèbre', 70.33, 3],
        [4, 'Delta', 50, 1],
        [5, 'Echo', 0, 0],
      ]);
      // `first` keeps the first entries only.
      expect(table((await board(organizer.client, hackathon.id, { first: 2 })).entries)).toEqual(
        table(lb.entries).slice(0, 2),
      );
    });

    it('ranks within the category or track asked for', async () => {
      const { hackathon, teams } = await hackathonWithTeams(
        ['C1', 'L1', 'C2', 'L2'],
        [college, lycee],
      );
      const juror = await t.factories.juror();
      const marks: Record<string, number> = { C1: 40, L1: 80, C2: 60, L2: 20 };
      for (const [name, value] of Object.entries(marks))
        await score(hackathon, juror, teams.get(name)!.submissionId, value);
      const colleges = await board(organizer.client, hackathon.id, { category: 'COLLEGE' });
      expect(table(colleges.entries)).toEqual([
        [1, 'C2', 60, 1],
        [2, 'C1', 40, 1],
      ]);
      // Teams alternate tracks: C1 and C2 are on track 1, L1 and L2 on track 2.
      const track2 = await board(organizer.client, hackathon.id, {
        trackId: hackathon.trackIds[1],
      });
      expect(table(track2.entries)).toEqual([
        [1, 'L1', 80, 1],
        [2, 'L2', 20, 1],
      ]);
    });

    it('lists only judged teams (SUBMITTED submission, VALIDATED team)', async () => {
      const { hackathon } = await hackathonWithTeams(['Judged']);
      await createJudgedTeam(t, {
        hackathon,
        schoolId: college.id,
        name: 'Draft',
        submissionStatus: 'DRAFT',
      });
      await createJudgedTeam(t, {
        hackathon,
        schoolId: college.id,
        name: 'Forming',
        teamStatus: 'FORMING',
      });
      expect(table((await board(organizer.client, hackathon.id)).entries)).toEqual([
        [1, 'Judged', 0, 0],
      ]);
    });
  });

  describe('Z_SCORE', () => {
    it('standardises each juror’s scores (population sd, 3 decimals): a severe juror’s best team overtakes a lenient juror’s average one', async () => {
      const { hackathon, teams } = await hackathonWithTeams(['A', 'B', 'C', 'D', 'E', 'F', 'G']);
      const [lenient, severe, once] = [
        await t.factories.juror(),
        await t.factories.juror(),
        await t.factories.juror(),
      ];
      const s = (name: string) => teams.get(name)!.submissionId;
      // lenient: mean 80, sd √(200/3) → z = +1.2247…, 0, −1.2247…
      await score(hackathon, lenient, s('A'), 90);
      await score(hackathon, lenient, s('B'), 80);
      await score(hackathon, lenient, s('C'), 70);
      // severe: mean 50, sd 10 → z = +1, −1
      await score(hackathon, severe, s('D'), 60);
      await score(hackathon, severe, s('E'), 40);
      // a juror with a single evaluation standardises to 0
      await score(hackathon, once, s('F'), 100);

      const mean = await board(organizer.client, hackathon.id, { method: 'MEAN' });
      expect(table(mean.entries)).toEqual([
        [1, 'F', 100, 1],
        [2, 'A', 90, 1],
        [3, 'B', 80, 1],
        [4, 'C', 70, 1],
        [5, 'D', 60, 1],
        [6, 'E', 40, 1],
        [7, 'G', 0, 0],
      ]);
      const z = await board(organizer.client, hackathon.id, { method: 'Z_SCORE' });
      expect(z.method).toBe('Z_SCORE');
      expect(table(z.entries)).toEqual([
        [1, 'A', 1.225, 1],
        [2, 'D', 1, 1],
        [3, 'B', 0, 1],
        [3, 'F', 0, 1],
        [3, 'G', 0, 0],
        [6, 'E', -1, 1],
        [7, 'C', -1.225, 1],
      ]);
    });

    it('counts a juror with no spread as 0', async () => {
      const { hackathon, teams } = await hackathonWithTeams(['P', 'Q']);
      const flat = await t.factories.juror();
      await score(hackathon, flat, teams.get('P')!.submissionId, 70);
      await score(hackathon, flat, teams.get('Q')!.submissionId, 70);
      expect(
        table((await board(organizer.client, hackathon.id, { method: 'Z_SCORE' })).entries),
      ).toEqual([
        [1, 'P', 0, 1],
        [1, 'Q', 0, 1],
      ]);
    });
  });

  describe('who may read it', () => {
    it('is for organizers only before publication: FORBIDDEN for everyone else, anonymous included', async () => {
      const { hackathon } = await hackathonWithTeams(['Solo']);
      const juror = await t.factories.juror();
      const pupil = await t.factories.pupil(college.id);
      const teacher = await t.factories.teacher(college.id);
      for (const client of [juror.client, pupil.client, teacher.client, t.client]) {
        expect(await client.code(JURY_OPS.leaderboard, { hackathonId: hackathon.id })).toBe(
          'FORBIDDEN',
        );
      }
      expect(
        await organizer.client.code(JURY_OPS.leaderboard, {
          hackathonId: '00000000-0000-4000-8000-000000000000',
        }),
      ).toBe('NOT_FOUND');
    });
  });

  describe('publication', () => {
    it('publishResults moves to RESULTS and freezes the board everyone then reads', async () => {
      const { hackathon, teams } = await hackathonWithTeams(['One', 'Two']);
      const juror = await t.factories.juror();
      await score(hackathon, juror, teams.get('One')!.submissionId, 30);
      await score(hackathon, juror, teams.get('Two')!.submissionId, 60);
      const live = await board(organizer.client, hackathon.id);

      const { publishResults } = await organizer.client.ok(JURY_OPS.publish, {
        hackathonId: hackathon.id,
      });
      expect(publishResults).toMatchObject({ published: true, hackathon: { phase: 'RESULTS' } });
      expect(table(publishResults.entries)).toEqual(table(live.entries));

      const anonymous = await board(t.client, hackathon.id);
      expect(anonymous.published).toBe(true);
      expect(table(anonymous.entries)).toEqual(table(live.entries));
      const pupil = await t.factories.pupil(college.id);
      expect(
        table((await board(pupil.client, hackathon.id, { method: 'Z_SCORE' })).entries),
      ).toEqual([
        [1, 'Two', 1, 1],
        [2, 'One', -1, 1],
      ]);

      // Frozen: later changes to the teams do not move the published board…
      await t.db.query(`UPDATE teams SET status = 'WITHDRAWN' WHERE id = $1`, [
        teams.get('Two')!.id,
      ]);
      expect(table((await board(t.client, hackathon.id)).entries)).toEqual(table(live.entries));
      // …until an organizer publishes again, which replaces the frozen board.
      const again = (await organizer.client.ok(JURY_OPS.publish, { hackathonId: hackathon.id }))
        .publishResults;
      expect(table(again.entries)).toEqual([[1, 'One', 30, 1]]);
      expect(table((await board(t.client, hackathon.id)).entries)).toEqual([[1, 'One', 30, 1]]);
      expect(
        await t.factories.count('leaderboard_publications', 'hackathon_id = $1', [hackathon.id]),
      ).toBe(1);
      const actions = await t.db.query(
        `SELECT action FROM audit_log WHERE hackathon_id = $1 ORDER BY id`,
        [hackathon.id],
      );
      expect(actions.map((a: { action: string }) => a.action)).toEqual(
        expect.arrayContaining(['hackathon.phase', 'leaderboard.publish']),
      );
    });

    it('reopening JUDGING unfreezes the board; setPhase to RESULTS freezes it like publishResults', async () => {
      const { hackathon, teams } = await hackathonWithTeams(['Uno', 'Dos']);
      const juror = await t.factories.juror();
      const first = await score(hackathon, juror, teams.get('Uno')!.submissionId, 40);
      await organizer.client.ok(JURY_OPS.publish, { hackathonId: hackathon.id });

      await organizer.client.ok(JURY_OPS.setPhase, { hackathonId: hackathon.id, phase: 'JUDGING' });
      expect(await t.client.code(JURY_OPS.leaderboard, { hackathonId: hackathon.id })).toBe(
        'FORBIDDEN',
      );
      expect((await board(organizer.client, hackathon.id)).published).toBe(false);
      expect(
        await t.factories.count('leaderboard_publications', 'hackathon_id = $1', [hackathon.id]),
      ).toBe(0);

      // Scores can be corrected, and the live board follows.
      await juror.client.ok(JURY_OPS.score, {
        id: first,
        scores: [{ criterionId: hackathon.criterionIds[0], value: 95 }],
        comment: '',
      });
      await score(hackathon, juror, teams.get('Dos')!.submissionId, 90);
      expect(table((await board(organizer.client, hackathon.id)).entries)).toEqual([
        [1, 'Uno', 95, 1],
        [2, 'Dos', 90, 1],
      ]);

      await organizer.client.ok(JURY_OPS.setPhase, { hackathonId: hackathon.id, phase: 'RESULTS' });
      const published = await board(t.client, hackathon.id);
      expect(published.published).toBe(true);
      expect(table(published.entries)).toEqual([
        [1, 'Uno', 95, 1],
        [2, 'Dos', 90, 1],
      ]);
      const actions = (
        await t.db.query(`SELECT action FROM audit_log WHERE hackathon_id = $1 ORDER BY id`, [
          hackathon.id,
        ])
      ).map((a: { action: string }) => a.action);
      expect(actions.filter((a: string) => a.startsWith('leaderboard.'))).toEqual([
        'leaderboard.publish',
        'leaderboard.unfreeze',
        'leaderboard.publish',
      ]);
    });

    it('stays frozen and public in ARCHIVED', async () => {
      const { hackathon } = await hackathonWithTeams(['Arch']);
      await organizer.client.ok(JURY_OPS.publish, { hackathonId: hackathon.id });
      await organizer.client.ok(JURY_OPS.setPhase, {
        hackathonId: hackathon.id,
        phase: 'ARCHIVED',
      });
      expect((await board(t.client, hackathon.id)).published).toBe(true);
    });

    it('refuses publishResults outside JUDGING/RESULTS (PHASE_CLOSED) and to non-organizers (FORBIDDEN), nothing written', async () => {
      const { hackathon } = await hackathonWithTeams(['Early']);
      await setHackathonPhase(t, hackathon.id, 'BUILDING');
      const before = await jurySnapshot(t, hackathon.id);
      expect(await organizer.client.code(JURY_OPS.publish, { hackathonId: hackathon.id })).toBe(
        'PHASE_CLOSED',
      );
      expect(await jurySnapshot(t, hackathon.id)).toBe(before);
      await setHackathonPhase(t, hackathon.id, 'JUDGING');
      const juror = await t.factories.juror();
      const judging = await jurySnapshot(t, hackathon.id);
      expect(await juror.client.code(JURY_OPS.publish, { hackathonId: hackathon.id })).toBe(
        'FORBIDDEN',
      );
      expect(await t.client.code(JURY_OPS.publish, { hackathonId: hackathon.id })).toBe(
        'UNAUTHENTICATED',
      );
      expect(await jurySnapshot(t, hackathon.id)).toBe(judging);
    });
  });

  it('shows team changes made without a score within a few seconds (the cached board notices them)', async () => {
    const { hackathon } = await hackathonWithTeams(['Alpha']);
    expect((await board(organizer.client, hackathon.id)).entries).toHaveLength(1);
    // A team handed in without any score: no score counter moves, only the teams' data.
    await createJudgedTeam(t, { hackathon, schoolId: college.id, name: 'Beta' });
    const deadline = Date.now() + 8_000;
    let names: string[] = [];
    while (Date.now() < deadline) {
      names = (await board(organizer.client, hackathon.id)).entries.map((e: Entry) => e.team.name);
      if (names.length === 2) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(names.sort()).toEqual(['Alpha', 'Beta']);
  }, 15_000);

  it('reads a board in a bounded number of SQL statements, whatever the number of teams', async () => {
    const { hackathon, teams } = await hackathonWithTeams([
      'T1',
      'T2',
      'T3',
      'T4',
      'T5',
      'T6',
      'T7',
      'T8',
    ]);
    const juror = await t.factories.juror();
    await onlyTheseJurors(t, [juror.id]);
    for (const [i, team] of [...teams.values()].entries())
      await score(hackathon, juror, team.submissionId, 10 * i);
    const query = `query($h: ID!) { leaderboard(hackathonId: $h, method: Z_SCORE) { entries { rank team { id name school { id } } } } }`;
    const { count } = await t.sql.measure(() => organizer.client.ok(query, { h: hackathon.id }));
    expect(count).toBeLessThanOrEqual(10);
  });
});
