import {
  createHackathon,
  createTestApp,
  submissionInput,
  submissionScenario,
  submissionSnapshot,
  SubmissionScenario,
  SUBMISSION_OPS as OPS,
  setHackathonPhase,
  TestApp,
} from '@ensemble/testing';

// Access tokens live 15 minutes on the same clock: deadlines in tests stay closer than that.
const MINUTE = 60 * 1000;

describe('submissions', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const save = (
    s: SubmissionScenario,
    over: Record<string, unknown> = {},
    expectedVersion?: number | null,
    who = s.members[0],
  ) =>
    who.client.request(OPS.save, {
      teamId: s.team.id,
      input: submissionInput(over),
      expectedVersion,
    });
  const saveOk = async (
    s: SubmissionScenario,
    over: Record<string, unknown> = {},
    expectedVersion?: number | null,
    who = s.members[0],
  ) =>
    (
      await who.client.ok(OPS.save, {
        teamId: s.team.id,
        input: submissionInput(over),
        expectedVersion,
      })
    ).saveSubmission;
  const versionsOf = async (teamId: string): Promise<number[]> =>
    (
      await t.db.query(
        `SELECT v.version FROM submission_versions v JOIN submissions s ON s.id = v.submission_id WHERE s.team_id = $1 ORDER BY v.version`,
        [teamId],
      )
    ).map((r: { version: number }) => r.version);

  describe('saving', () => {
    it('creates the team’s one submission on the first save, as a DRAFT at version 1', async () => {
      const s = await submissionScenario(t);
      const saved = await saveOk(s, { title: '  Ensemble  ' });
      expect(saved).toMatchObject({
        title: 'Ensemble',
        status: 'DRAFT',
        version: 1,
        submittedAt: null,
      });
      expect(await t.factories.count('submissions', 'team_id = $1', [s.team.id])).toBe(1);
      expect(await versionsOf(s.team.id)).toEqual([1]);
    });

    it('updates it and bumps the version on every save, by any member', async () => {
      const s = await submissionScenario(t);
      await saveOk(s);
      const second = await saveOk(s, { summary: 'Deuxième' }, undefined, s.members[1]);
      expect(second).toMatchObject({ summary: 'Deuxième', version: 2 });
      const third = await saveOk(s, { summary: 'Troisième' }, 2);
      expect(third.version).toBe(3);
      expect(await t.factories.count('submissions', 'team_id = $1', [s.team.id])).toBe(1);
      expect(await versionsOf(s.team.id)).toEqual([1, 2, 3]);
    });

    it('refuses a stale expectedVersion with CONFLICT and overwrites nothing', async () => {
      const s = await submissionScenario(t);
      await saveOk(s, { title: 'Version un' });
      await saveOk(s, { title: 'Version deux' }, 1);
      const before = await submissionSnapshot(t, s.team.id);
      const res = await save(s, { title: 'Écrasement' }, 1, s.members[1]);
      expect(res.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(await submissionSnapshot(t, s.team.id)).toBe(before);
    });

    it('treats expectedVersion 0 as “none yet”: CONFLICT once the submission exists', async () => {
      const s = await submissionScenario(t);
      expect((await saveOk(s, {}, 0)).version).toBe(1);
      const before = await submissionSnapshot(t, s.team.id);
      expect((await save(s, { title: 'Autre' }, 0)).errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(await submissionSnapshot(t, s.team.id)).toBe(before);
    });

    it('refuses an expectedVersion when nothing was saved yet', async () => {
      const s = await submissionScenario(t);
      expect((await save(s, {}, 3)).errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(await t.factories.count('submissions', 'team_id = $1', [s.team.id])).toBe(0);
    });

    it('lets the last writer win without expectedVersion, still bumping the version', async () => {
      const s = await submissionScenario(t);
      await saveOk(s);
      await saveOk(s, { title: 'Premier' }, undefined, s.members[0]);
      const last = await saveOk(s, { title: 'Dernier' }, undefined, s.members[1]);
      expect(last).toMatchObject({ title: 'Dernier', version: 3 });
    });

    it('accepts exactly one of two concurrent saves with the same expectedVersion', async () => {
      const s = await submissionScenario(t);
      await saveOk(s, { title: 'Base' });
      const results = await Promise.all([
        save(s, { title: 'Par Lina' }, 1, s.members[0]),
        save(s, { title: 'Par Hugo' }, 1, s.members[1]),
      ]);
      const ok = results.filter((r) => !r.errors);
      const failed = results.filter((r) => r.errors);
      expect(ok).toHaveLength(1);
      expect(failed.map((r) => r.errors?.[0].extensions?.code)).toEqual(['CONFLICT']);
      const winner = (ok[0].data as { saveSubmission: { title: string; version: number } })
        .saveSubmission;
      expect(winner.version).toBe(2);
      const [row] = await t.db.query(`SELECT title, version FROM submissions WHERE team_id = $1`, [
        s.team.id,
      ]);
      expect(row).toEqual({ title: winner.title, version: 2 });
      expect(await versionsOf(s.team.id)).toEqual([1, 2]);
    });

    it('does not crash when two first saves race: one creates, the other updates', async () => {
      const s = await submissionScenario(t);
      const results = await Promise.all([
        save(s, { title: 'Première' }, null, s.members[0]),
        save(s, { title: 'Deuxième' }, null, s.members[1]),
      ]);
      expect(results.map((r) => r.errors)).toEqual([undefined, undefined]);
      expect(await t.factories.count('submissions', 'team_id = $1', [s.team.id])).toBe(1);
      expect(await versionsOf(s.team.id)).toEqual([1, 2]);
    });

    it('gives CONFLICT to the loser of two first saves that both expect no submission', async () => {
      const s = await submissionScenario(t);
      const results = await Promise.all([
        save(s, { title: 'Première' }, 0, s.members[0]),
        save(s, { title: 'Deuxième' }, 0, s.members[1]),
      ]);
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.filter((r) => r.errors).map((r) => r.errors?.[0].extensions?.code)).toEqual([
        'CONFLICT',
      ]);
      expect(await versionsOf(s.team.id)).toEqual([1]);
    });
  });

  describe('fields', () => {
    let s: SubmissionScenario;
    beforeAll(async () => {
      s = await submissionScenario(t);
    });

    const refused = async (over: Record<string, unknown>) => {
      const before = await submissionSnapshot(t, s.team.id);
      const res = await save(s, over);
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(await submissionSnapshot(t, s.team.id)).toBe(before);
      return Object.keys(res.errors?.[0].extensions?.fields ?? {}).sort();
    };

    it('names every bad field at once', async () => {
      expect(
        await refused({
          title: 'ab',
          summary: 'x'.repeat(501),
          description: 'y'.repeat(20_001),
          repositoryUrl: 'javascript:alert(1)',
          demoUrl: 'data:text/html,<b>hi</b>',
          videoUrl: 'ftp://example.org/film.mp4',
        }),
      ).toEqual(['demoUrl', 'description', 'repositoryUrl', 'summary', 'title', 'videoUrl']);
    });

    it('counts the title’s length once trimmed (3–120)', async () => {
      expect(await refused({ title: '   ab   ' })).toEqual(['title']);
      expect(await refused({ title: 'abcdefghij'.repeat(12) + 'k' })).toEqual(['title']);
      expect((await saveOk(s, { title: `  ${'abcdefghij'.repeat(12)}  ` })).title).toHaveLength(
        120,
      );
      expect((await saveOk(s, { title: 'abc' })).title).toBe('abc');
    });

    it('accepts a summary of 500 and a description of 20 000 characters', async () => {
      const saved = await saveOk(s, { summary: 's'.repeat(500), description: 'd'.repeat(20_000) });
      expect([saved.summary.length, saved.description.length]).toEqual([500, 20_000]);
    });

    it('accepts only http(s) URLs with a host, of at most 500 characters', async () => {
      expect(await refused({ repositoryUrl: 'http://' })).toEqual(['repositoryUrl']);
      expect(await refused({ demoUrl: 'not a url' })).toEqual(['demoUrl']);
      expect(await refused({ videoUrl: `https://example.org/${'v'.repeat(481)}` })).toEqual([
        'videoUrl',
      ]);
      const saved = await saveOk(s, {
        repositoryUrl: 'http://example.org/repo',
        demoUrl: `https://example.org/${'v'.repeat(480)}`,
        videoUrl: '  ',
      });
      expect(saved).toMatchObject({ repositoryUrl: 'http://example.org/repo', videoUrl: null });
      expect(saved.demoUrl).toHaveLength(500);
    });

    it('refuses insults in the title, summary and description, naming each field', async () => {
      expect(
        await refused({
          title: 'Projet connard',
          summary: 'Espèce de CONNARD',
          description: 'Quel connard.',
        }),
      ).toEqual(['description', 'summary', 'title']);
    });
  });

  describe('who may save and submit', () => {
    let s: SubmissionScenario;
    beforeAll(async () => {
      s = await submissionScenario(t);
      await saveOk(s);
    });

    it('refuses anyone but the team’s members with FORBIDDEN and changes nothing', async () => {
      const classmate = await t.factories.pupil(s.school.id);
      const organizer = await t.factories.organizer();
      const before = await submissionSnapshot(t, s.team.id);
      for (const who of [classmate, s.mentor, organizer, await t.factories.juror()]) {
        expect(
          await who.client.code(OPS.save, {
            teamId: s.team.id,
            input: submissionInput({ title: 'Intrus' }),
          }),
        ).toBe('FORBIDDEN');
        expect(await who.client.code(OPS.submit, { teamId: s.team.id })).toBe('FORBIDDEN');
      }
      expect(await submissionSnapshot(t, s.team.id)).toBe(before);
    });

    it('asks anonymous callers to sign in', async () => {
      expect(await t.client.code(OPS.save, { teamId: s.team.id, input: submissionInput() })).toBe(
        'UNAUTHENTICATED',
      );
    });

    it('answers NOT_FOUND for an unknown team and BAD_USER_INPUT for a malformed id', async () => {
      const err = await s.members[0].client.fails(OPS.save, {
        teamId: '00000000-0000-4000-8000-000000000000',
        input: submissionInput(),
      });
      expect(err.extensions?.code).toBe('NOT_FOUND');
      const bad = await s.members[0].client.fails(OPS.submit, { teamId: 'nope' });
      expect(bad.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: { teamId: expect.any(String) },
      });
    });
  });

  describe('submitting', () => {
    it('marks the submission SUBMITTED and records when', async () => {
      const s = await submissionScenario(t);
      await saveOk(s);
      const { submitSubmission } = await s.members[1].client.ok(OPS.submit, { teamId: s.team.id });
      expect(submitSubmission).toMatchObject({ status: 'SUBMITTED', version: 1 });
      expect(new Date(submitSubmission.submittedAt).getTime()).toBe(t.clock.now().getTime());
    });

    it('succeeds again without changing anything', async () => {
      const s = await submissionScenario(t);
      await saveOk(s);
      await s.members[0].client.ok(OPS.submit, { teamId: s.team.id });
      const before = await submissionSnapshot(t, s.team.id);
      t.clock.advance(60_000);
      const { submitSubmission } = await s.members[0].client.ok(OPS.submit, { teamId: s.team.id });
      expect(submitSubmission.status).toBe('SUBMITTED');
      expect(await submissionSnapshot(t, s.team.id)).toBe(before);
    });

    it('stays SUBMITTED, with its first submission time, when members keep saving', async () => {
      const s = await submissionScenario(t);
      await saveOk(s);
      const { submitSubmission } = await s.members[0].client.ok(OPS.submit, { teamId: s.team.id });
      t.clock.advance(60_000);
      const saved = await saveOk(s, { title: 'Améliorée' }, 1);
      expect(saved).toMatchObject({
        status: 'SUBMITTED',
        version: 2,
        submittedAt: submitSubmission.submittedAt,
      });
    });

    it('refuses to submit before anything was saved (BAD_USER_INPUT naming submission)', async () => {
      const s = await submissionScenario(t);
      const err = await s.members[0].client.fails(OPS.submit, { teamId: s.team.id });
      expect(err.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: { submission: expect.any(String) },
      });
      expect(await t.factories.count('submissions', 'team_id = $1', [s.team.id])).toBe(0);
    });
  });

  describe('phases', () => {
    it('allows saving and submitting during REGISTRATION', async () => {
      const s = await submissionScenario(t, { hackathon: { phase: 'REGISTRATION' } });
      await saveOk(s);
      expect(
        (await s.members[0].client.ok(OPS.submit, { teamId: s.team.id })).submitSubmission.status,
      ).toBe('SUBMITTED');
    });

    it('refuses saving and submitting from the submission deadline on, with PHASE_CLOSED', async () => {
      const start = t.clock.now();
      const s = await submissionScenario(t, {
        hackathon: {
          phase: 'BUILDING',
          registrationClosesAt: start,
          submissionDeadline: new Date(start.getTime() + 5 * MINUTE),
        },
      });
      await saveOk(s);
      const before = await submissionSnapshot(t, s.team.id);
      try {
        t.clock.set(s.hackathon.submissionDeadline);
        expect((await save(s, { title: 'Trop tard' }, 1)).errors?.[0].extensions?.code).toBe(
          'PHASE_CLOSED',
        );
        t.clock.advance(1000);
        expect((await save(s, { title: 'Trop tard' })).errors?.[0].extensions?.code).toBe(
          'PHASE_CLOSED',
        );
        expect(await s.members[0].client.code(OPS.submit, { teamId: s.team.id })).toBe(
          'PHASE_CLOSED',
        );
        expect(await submissionSnapshot(t, s.team.id)).toBe(before);
      } finally {
        t.clock.set(start);
      }
    });

    it.each(['DRAFT', 'JUDGING', 'RESULTS', 'ARCHIVED'])(
      'refuses saving and submitting in %s with PHASE_CLOSED',
      async (phase) => {
        const s = await submissionScenario(t);
        await saveOk(s);
        await setHackathonPhase(t, s.hackathon.id, phase);
        const before = await submissionSnapshot(t, s.team.id);
        expect((await save(s, { title: 'Hors délai' })).errors?.[0].extensions?.code).toBe(
          'PHASE_CLOSED',
        );
        expect(await s.members[0].client.code(OPS.submit, { teamId: s.team.id })).toBe(
          'PHASE_CLOSED',
        );
        expect(await submissionSnapshot(t, s.team.id)).toBe(before);
      },
    );
  });

  describe('history', () => {
    it('keeps every saved version with who saved it and when, for organizers', async () => {
      const s = await submissionScenario(t);
      const organizer = await t.factories.organizer();
      expect(
        (await organizer.client.ok(OPS.history, { teamId: s.team.id })).submissionHistory,
      ).toEqual([]);
      await saveOk(s, { title: 'Premier jet' });
      t.clock.advance(1000);
      await saveOk(
        s,
        { title: 'Second jet', demoUrl: 'https://demo.example.org' },
        1,
        s.members[1],
      );
      const { submissionHistory } = await organizer.client.ok(OPS.history, { teamId: s.team.id });
      expect(submissionHistory).toMatchObject([
        { version: 1, title: 'Premier jet', demoUrl: null, savedBy: { id: s.members[0].id } },
        {
          version: 2,
          title: 'Second jet',
          demoUrl: 'https://demo.example.org',
          savedBy: { id: s.members[1].id },
        },
      ]);
      expect(new Date(submissionHistory[1].savedAt).getTime()).toBe(t.clock.now().getTime());
    });

    it('is for organizers only', async () => {
      const s = await submissionScenario(t);
      for (const who of [s.members[0], s.mentor, await t.factories.juror()]) {
        expect(await who.client.code(OPS.history, { teamId: s.team.id })).toBe('FORBIDDEN');
      }
      const organizer = await t.factories.organizer();
      expect(
        await organizer.client.code(OPS.history, {
          teamId: '00000000-0000-4000-8000-000000000000',
        }),
      ).toBe('NOT_FOUND');
    });
  });

  describe('through the team', () => {
    const TEAMS = `query($hackathonId: ID!) { teams(hackathonId: $hackathonId) {
      id submission { id title version team { id } feedback { id } } } }`;

    it('shows Team.submission (null before the first save) and Submission.team', async () => {
      const s = await submissionScenario(t);
      const TEAM = `query($id: ID!) { team(id: $id) { id submission { id title team { id name } } } }`;
      expect((await s.members[0].client.ok(TEAM, { id: s.team.id })).team.submission).toBeNull();
      await saveOk(s, { title: 'Visible' });
      const { team } = await s.members[0].client.ok(TEAM, { id: s.team.id });
      expect(team.submission).toMatchObject({
        title: 'Visible',
        team: { id: s.team.id, name: s.team.name },
      });
    });

    it('loads the submissions of a list of teams in a constant number of statements', async () => {
      const hackathon = await createHackathon(t, { phase: 'BUILDING' });
      const organizer = await t.factories.organizer();
      const count = async () =>
        (await t.sql.measure(() => organizer.client.ok(TEAMS, { hackathonId: hackathon.id })))
          .count;
      for (let i = 0; i < 2; i++) await saveOk(await submissionScenario(t, { hackathon }));
      const few = await count();
      for (let i = 0; i < 4; i++) await saveOk(await submissionScenario(t, { hackathon }));
      const { teams } = await organizer.client.ok(TEAMS, { hackathonId: hackathon.id });
      expect(teams).toHaveLength(6);
      expect(teams.every((team: { submission: unknown }) => team.submission)).toBe(true);
      expect(await count()).toBe(few);
    });
  });
});
