import {
  assignmentsOf,
  createAssignment,
  createHackathon,
  createJudgedTeam,
  JURY_OPS,
  jurySnapshot,
  judgingScenario,
  onlyTheseJurors,
  scoresFor,
  setHackathonPhase,
  createTestApp,
  TestApp,
} from '@ensemble/testing';

const loadsOf = async (t: TestApp, hackathonId: string) =>
  (await t.db.query(
    `SELECT juror_id, count(*)::int AS n FROM jury_assignments WHERE hackathon_id = $1 AND status <> 'RECUSED' GROUP BY juror_id`,
    [hackathonId],
  )) as { juror_id: string; n: number }[];

const jurorsBySubmission = async (t: TestApp, hackathonId: string) => {
  const rows: { submission_id: string; juror_id: string }[] = await t.db.query(
    `SELECT submission_id, juror_id FROM jury_assignments WHERE hackathon_id = $1 AND status <> 'RECUSED'`,
    [hackathonId],
  );
  const map = new Map<string, string[]>();
  for (const r of rows) map.set(r.submission_id, [...(map.get(r.submission_id) ?? []), r.juror_id]);
  return map;
};

describe('jury', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  describe('assignJurors', () => {
    it('gives every judged submission k distinct jurors, none from the team’s school, with loads within one', async () => {
      const s = await judgingScenario(t, { teams: 7, jurors: 4, schools: 3 });
      // A teacher on the jury must never judge their own school's team.
      const schoolJuror = await t.factories.juror({ schoolId: s.schools[0].id });
      await onlyTheseJurors(t, [...s.jurors.map((j) => j.id), schoolJuror.id]);
      const { assignJurors } = await s.organizer.client.ok(JURY_OPS.assign, {
        hackathonId: s.hackathon.id,
        k: 2,
      });
      expect(assignJurors).toEqual({
        assignments: 14,
        submissions: 7,
        jurors: 5,
        minPerSubmission: 2,
        maxPerJuror: 3,
      });

      const bySubmission = await jurorsBySubmission(t, s.hackathon.id);
      for (const team of s.teams) {
        const jurors = bySubmission.get(team.submissionId)!;
        expect(new Set(jurors).size).toBe(2);
        if (team.schoolId === s.schools[0].id) expect(jurors).not.toContain(schoolJuror.id);
      }
      const loads = (await loadsOf(t, s.hackathon.id)).map((l) => l.n);
      expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    });

    it('judges only SUBMITTED submissions of VALIDATED teams', async () => {
      const s = await judgingScenario(t, { teams: 2, jurors: 2 });
      const draft = await createJudgedTeam(t, {
        hackathon: s.hackathon,
        schoolId: s.schools[0].id,
        submissionStatus: 'DRAFT',
      });
      const forming = await createJudgedTeam(t, {
        hackathon: s.hackathon,
        schoolId: s.schools[0].id,
        teamStatus: 'FORMING',
      });
      const { assignJurors } = await s.organizer.client.ok(JURY_OPS.assign, {
        hackathonId: s.hackathon.id,
        k: 1,
      });
      expect(assignJurors.submissions).toBe(2);
      const bySubmission = await jurorsBySubmission(t, s.hackathon.id);
      expect(bySubmission.has(draft.submissionId)).toBe(false);
      expect(bySubmission.has(forming.submissionId)).toBe(false);
    });

    it('tops up on a second run, keeping existing assignments and evaluations', async () => {
      const s = await judgingScenario(t, { teams: 3, jurors: 3 });
      await s.organizer.client.ok(JURY_OPS.assign, { hackathonId: s.hackathon.id, k: 1 });
      const juror = s.jurors[0];
      const [assignmentId] = [...(await assignmentsOf(t, s.hackathon.id, juror.id)).values()];
      await juror.client.ok(JURY_OPS.score, {
        id: assignmentId,
        scores: scoresFor(s.hackathon, [5, 10]),
        comment: 'Bien',
      });
      const before: { id: string }[] = await t.db.query(
        `SELECT id FROM jury_assignments WHERE hackathon_id = $1`,
        [s.hackathon.id],
      );
      const evaluationsBefore = await t.factories.count('evaluations');

      const { assignJurors } = await s.organizer.client.ok(JURY_OPS.assign, {
        hackathonId: s.hackathon.id,
        k: 2,
      });
      expect(assignJurors).toMatchObject({ assignments: 6, minPerSubmission: 2, maxPerJuror: 2 });
      const after: { id: string }[] = await t.db.query(
        `SELECT id FROM jury_assignments WHERE hackathon_id = $1`,
        [s.hackathon.id],
      );
      expect(after.map((r) => r.id)).toEqual(expect.arrayContaining(before.map((r) => r.id)));
      expect(await t.factories.count('evaluations')).toBe(evaluationsBefore);

      // Same k again: nothing missing, nothing added.
      await s.organizer.client.ok(JURY_OPS.assign, { hackathonId: s.hackathon.id, k: 2 });
      expect(
        await t.factories.count('jury_assignments', 'hackathon_id = $1', [s.hackathon.id]),
      ).toBe(6);
    });

    it('refuses with BAD_USER_INPUT saying why when there are too few eligible jurors, assigning nothing', async () => {
      const s = await judgingScenario(t, { teams: 2, jurors: 2 });
      const before = await jurySnapshot(t, s.hackathon.id);
      const err = await s.organizer.client.fails(JURY_OPS.assign, {
        hackathonId: s.hackathon.id,
        k: 3,
      });
      expect(err.extensions?.code).toBe('BAD_USER_INPUT');
      expect(err.message).toMatch(/needs 3 jurors but only 2 are eligible/);
      expect(err.extensions?.fields).toHaveProperty('jurorsPerSubmission');
      expect(await jurySnapshot(t, s.hackathon.id)).toBe(before);
    });

    it('refuses a k below 1 with BAD_USER_INPUT', async () => {
      const s = await judgingScenario(t, { teams: 1, jurors: 1 });
      const err = await s.organizer.client.fails(JURY_OPS.assign, {
        hackathonId: s.hackathon.id,
        k: 0,
      });
      expect(err.extensions?.fields).toHaveProperty('jurorsPerSubmission');
    });

    it('is for organizers only', async () => {
      const s = await judgingScenario(t, { teams: 1, jurors: 1 });
      const teacher = await t.factories.teacher(s.schools[0].id);
      const before = await jurySnapshot(t, s.hackathon.id);
      expect(
        await s.jurors[0].client.code(JURY_OPS.assign, { hackathonId: s.hackathon.id, k: 1 }),
      ).toBe('FORBIDDEN');
      expect(
        await teacher.client.code(JURY_OPS.assign, { hackathonId: s.hackathon.id, k: 1 }),
      ).toBe('FORBIDDEN');
      expect(await t.client.code(JURY_OPS.assign, { hackathonId: s.hackathon.id, k: 1 })).toBe(
        'UNAUTHENTICATED',
      );
      expect(await jurySnapshot(t, s.hackathon.id)).toBe(before);
    });

    it('answers PHASE_CLOSED outside JUDGING and writes nothing', async () => {
      for (const phase of ['BUILDING', 'RESULTS', 'ARCHIVED'] as const) {
        const s = await judgingScenario(t, { teams: 1, jurors: 1, hackathon: { phase } });
        const before = await jurySnapshot(t, s.hackathon.id);
        expect(
          await s.organizer.client.code(JURY_OPS.assign, { hackathonId: s.hackathon.id, k: 1 }),
        ).toBe('PHASE_CLOSED');
        expect(await jurySnapshot(t, s.hackathon.id)).toBe(before);
      }
    });

    it('answers NOT_FOUND for an unknown hackathon', async () => {
      const organizer = await t.factories.organizer();
      expect(
        await organizer.client.code(JURY_OPS.assign, {
          hackathonId: '00000000-0000-4000-8000-000000000000',
          k: 1,
        }),
      ).toBe('NOT_FOUND');
    });

    it('serialises concurrent runs: never more than k jurors per submission', async () => {
      const s = await judgingScenario(t, { teams: 4, jurors: 4 });
      await Promise.all(
        [1, 2, 3].map(() =>
          s.organizer.client.request(JURY_OPS.assign, { hackathonId: s.hackathon.id, k: 2 }),
        ),
      );
      const bySubmission = await jurorsBySubmission(t, s.hackathon.id);
      for (const team of s.teams) expect(bySubmission.get(team.submissionId)).toHaveLength(2);
    });

    it('records each run in the audit log', async () => {
      const s = await judgingScenario(t, { teams: 1, jurors: 1 });
      await s.organizer.client.ok(JURY_OPS.assign, { hackathonId: s.hackathon.id, k: 1 });
      const [row] = await t.db.query(
        `SELECT actor_id, after FROM audit_log WHERE hackathon_id = $1 AND action = 'jury.assign'`,
        [s.hackathon.id],
      );
      expect(row.actor_id).toBe(s.organizer.id);
      expect(row.after).toMatchObject({ jurorsPerSubmission: 1, created: 1 });
    });
  });

  describe('juryAssignments', () => {
    it('lists every assignment of a hackathon, recused ones included, to organizers only', async () => {
      const s = await judgingScenario(t, { teams: 2, jurors: 2 });
      await createAssignment(t, s.hackathon.id, s.teams[0].submissionId, s.jurors[0].id, 'RECUSED');
      await s.organizer.client.ok(JURY_OPS.assign, { hackathonId: s.hackathon.id, k: 1 });
      const { juryAssignments } = await s.organizer.client.ok(JURY_OPS.all, {
        hackathonId: s.hackathon.id,
      });
      expect(juryAssignments).toHaveLength(3);
      expect(
        juryAssignments.filter((a: { status: string }) => a.status === 'RECUSED'),
      ).toHaveLength(1);
      expect(await s.jurors[0].client.code(JURY_OPS.all, { hackathonId: s.hackathon.id })).toBe(
        'FORBIDDEN',
      );
    });
  });

  describe('declareConflict', () => {
    it('recuses the assignment and gives the submission to the eligible juror with the fewest assignments', async () => {
      const s = await judgingScenario(t, { teams: 3, jurors: 0 });
      const [a, busy, idle] = [
        await t.factories.juror(),
        await t.factories.juror(),
        await t.factories.juror(),
      ];
      await onlyTheseJurors(t, [a.id, busy.id, idle.id]);
      const target = s.teams[0];
      const id = await createAssignment(t, s.hackathon.id, target.submissionId, a.id);
      await createAssignment(t, s.hackathon.id, s.teams[1].submissionId, busy.id);
      await createAssignment(t, s.hackathon.id, s.teams[2].submissionId, busy.id);
      const { declareConflict } = await a.client.ok(JURY_OPS.conflict, {
        id,
        reason: 'Ma nièce est dans l’équipe',
      });
      expect(declareConflict).toEqual({ id, status: 'RECUSED' });
      const [row] = await t.db.query(`SELECT recusal_reason FROM jury_assignments WHERE id = $1`, [
        id,
      ]);
      expect(row.recusal_reason).toBe('Ma nièce est dans l’équipe');
      const now = await jurorsBySubmission(t, s.hackathon.id);
      expect(now.get(target.submissionId)).toEqual([idle.id]);
      const [audit] = await t.db.query(
        `SELECT before, after FROM audit_log WHERE entity_id = $1 AND action = 'jury.recuse'`,
        [id],
      );
      expect(audit.before).toMatchObject({ status: 'PENDING' });
      expect(audit.after).toMatchObject({ status: 'RECUSED', reassignedTo: idle.id });
    });

    it('still recuses when no juror is eligible, and says so in the audit log', async () => {
      const hackathon = await createHackathon(t, { phase: 'JUDGING' });
      const school = await t.factories.school();
      const team = await createJudgedTeam(t, { hackathon, schoolId: school.id });
      const only = await t.factories.juror();
      const sameSchool = await t.factories.juror({ schoolId: school.id });
      await onlyTheseJurors(t, [only.id, sameSchool.id]);
      {
        const id = await createAssignment(t, hackathon.id, team.submissionId, only.id);
        expect(
          (await only.client.ok(JURY_OPS.conflict, { id, reason: 'Conflit' })).declareConflict
            .status,
        ).toBe('RECUSED');
        expect(
          await t.factories.count(
            'jury_assignments',
            `submission_id = $1 AND status <> 'RECUSED'`,
            [team.submissionId],
          ),
        ).toBe(0);
        const [audit] = await t.db.query(`SELECT after FROM audit_log WHERE entity_id = $1`, [id]);
        expect(audit.after).toMatchObject({
          reassignedTo: null,
          note: expect.stringMatching(/No eligible juror/),
        });
      }
    });

    it('stops counting the recused juror’s evaluation', async () => {
      const s = await judgingScenario(t, { teams: 1, jurors: 2 });
      const [j1, j2] = s.jurors;
      const a1 = await createAssignment(t, s.hackathon.id, s.teams[0].submissionId, j1.id);
      const a2 = await createAssignment(t, s.hackathon.id, s.teams[0].submissionId, j2.id);
      await j1.client.ok(JURY_OPS.score, {
        id: a1,
        scores: scoresFor(s.hackathon, [10, 20]),
        comment: '',
      });
      await j2.client.ok(JURY_OPS.score, {
        id: a2,
        scores: scoresFor(s.hackathon, [5, 10]),
        comment: '',
      });
      const board = async () =>
        (await s.organizer.client.ok(JURY_OPS.leaderboard, { hackathonId: s.hackathon.id }))
          .leaderboard;
      expect((await board()).entries[0]).toMatchObject({ score: 75, evaluations: 2 });
      await j1.client.ok(JURY_OPS.conflict, { id: a1, reason: 'Je connais un élève' });
      expect((await board()).entries[0]).toMatchObject({ score: 50, evaluations: 1 });
      const [stats] = await t.db.query(
        `SELECT n, sum::float8 AS sum FROM leaderboard_juror_stats WHERE juror_id = $1`,
        [j1.id],
      );
      expect(stats).toEqual({ n: 0, sum: 0 });
    });

    it('is for the assigned juror only (FORBIDDEN), nothing changed', async () => {
      const s = await judgingScenario(t, { teams: 1, jurors: 2 });
      const id = await createAssignment(t, s.hackathon.id, s.teams[0].submissionId, s.jurors[0].id);
      const before = await jurySnapshot(t, s.hackathon.id);
      expect(await s.jurors[1].client.code(JURY_OPS.conflict, { id, reason: 'x' })).toBe(
        'FORBIDDEN',
      );
      expect(await s.organizer.client.code(JURY_OPS.conflict, { id, reason: 'x' })).toBe(
        'FORBIDDEN',
      );
      expect(await jurySnapshot(t, s.hackathon.id)).toBe(before);
    });

    it('answers PHASE_CLOSED outside JUDGING, nothing changed', async () => {
      const s = await judgingScenario(t, { teams: 1, jurors: 1 });
      const id = await createAssignment(t, s.hackathon.id, s.teams[0].submissionId, s.jurors[0].id);
      await setHackathonPhase(t, s.hackathon.id, 'RESULTS');
      const before = await jurySnapshot(t, s.hackathon.id);
      expect(await s.jurors[0].client.code(JURY_OPS.conflict, { id, reason: 'x' })).toBe(
        'PHASE_CLOSED',
      );
      expect(await jurySnapshot(t, s.hackathon.id)).toBe(before);
    });

    it('answers CONFLICT when already recused and BAD_USER_INPUT without a reason', async () => {
      const s = await judgingScenario(t, { teams: 1, jurors: 1 });
      const id = await createAssignment(t, s.hackathon.id, s.teams[0].submissionId, s.jurors[0].id);
      const err = await s.jurors[0].client.fails(JURY_OPS.conflict, { id, reason: '   ' });
      expect(err.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: { reason: expect.any(String) },
      });
      await s.jurors[0].client.ok(JURY_OPS.conflict, { id, reason: 'Conflit' });
      expect(await s.jurors[0].client.code(JURY_OPS.conflict, { id, reason: 'Encore' })).toBe(
        'CONFLICT',
      );
    });
  });

  describe('myAssignments', () => {
    it('shows a juror only their own assignments and evaluations, never mentor feedback', async () => {
      const s = await judgingScenario(t, { teams: 1, jurors: 2 });
      const [j1, j2] = s.jurors;
      const a1 = await createAssignment(t, s.hackathon.id, s.teams[0].submissionId, j1.id);
      const a2 = await createAssignment(t, s.hackathon.id, s.teams[0].submissionId, j2.id);
      await j2.client.ok(JURY_OPS.score, {
        id: a2,
        scores: scoresFor(s.hackathon, [1, 2]),
        comment: 'Secret de j2',
      });
      await t.db.query(
        `INSERT INTO feedback (submission_id, author_id, body) VALUES ($1, $2, 'Mentor only')`,
        [s.teams[0].submissionId, s.organizer.id],
      );
      const { myAssignments } = await j1.client.ok(
        `query($h: ID!) { myAssignments(hackathonId: $h) { id status evaluation { id } submission { id feedback { id body } } } }`,
        { h: s.hackathon.id },
      );
      expect(myAssignments).toEqual([
        {
          id: a1,
          status: 'PENDING',
          evaluation: null,
          submission: { id: s.teams[0].submissionId, feedback: [] },
        },
      ]);
      const mine2 = (await j2.client.ok(JURY_OPS.mine, { hackathonId: s.hackathon.id }))
        .myAssignments;
      expect(mine2).toHaveLength(1);
      expect(mine2[0].evaluation).toMatchObject({ comment: 'Secret de j2' });
      expect(mine2[0].evaluation.weightedScore).toBeCloseTo(10, 9);
    });

    it('gives other signed-in users an empty list', async () => {
      const s = await judgingScenario(t, { teams: 1, jurors: 1 });
      await createAssignment(t, s.hackathon.id, s.teams[0].submissionId, s.jurors[0].id);
      const teacher = await t.factories.teacher(s.schools[0].id);
      expect(
        (await teacher.client.ok(JURY_OPS.mine, { hackathonId: s.hackathon.id })).myAssignments,
      ).toEqual([]);
      expect(await t.client.code(JURY_OPS.mine, { hackathonId: s.hackathon.id })).toBe(
        'UNAUTHENTICATED',
      );
    });
  });

  describe('scoreSubmission', () => {
    it('stores one mark per criterion, the weighted score and marks the assignment DONE', async () => {
      const s = await judgingScenario(t, { teams: 1, jurors: 1 });
      const id = await createAssignment(t, s.hackathon.id, s.teams[0].submissionId, s.jurors[0].id);
      const { scoreSubmission } = await s.jurors[0].client.ok(JURY_OPS.score, {
        id,
        scores: scoresFor(s.hackathon, [10, 0]),
        comment: 'Très bonne idée',
      });
      // 100 × (1 × 10/10 + 2 × 0/20) / 3
      expect(scoreSubmission.weightedScore).toBeCloseTo(33.3333333, 6);
      expect(scoreSubmission.assignment).toEqual({ id, status: 'DONE' });
      expect(scoreSubmission.scores).toEqual([
        { criterion: { id: s.hackathon.criteria[0].id, maxScore: 10 }, value: 10 },
        { criterion: { id: s.hackathon.criteria[1].id, maxScore: 20 }, value: 0 },
      ]);
    });

    it('replaces the evaluation when scoring again, and audits the change with before and after', async () => {
      const s = await judgingScenario(t, { teams: 1, jurors: 1 });
      const id = await createAssignment(t, s.hackathon.id, s.teams[0].submissionId, s.jurors[0].id);
      const first = (
        await s.jurors[0].client.ok(JURY_OPS.score, {
          id,
          scores: scoresFor(s.hackathon, [5, 10]),
          comment: 'v1',
        })
      ).scoreSubmission;
      const second = (
        await s.jurors[0].client.ok(JURY_OPS.score, {
          id,
          scores: scoresFor(s.hackathon, [10, 20]),
          comment: 'v2',
        })
      ).scoreSubmission;
      expect(second.id).toBe(first.id);
      expect(second).toMatchObject({ weightedScore: 100, comment: 'v2' });
      expect(await t.factories.count('evaluations', 'assignment_id = $1', [id])).toBe(1);
      expect(await t.factories.count('criterion_scores', 'evaluation_id = $1', [first.id])).toBe(2);
      const rows = await t.db.query(
        `SELECT action, actor_id, before, after FROM audit_log WHERE entity_id = $1 ORDER BY id`,
        [first.id],
      );
      expect(rows.map((r: { action: string }) => r.action)).toEqual([
        'evaluation.score',
        'evaluation.rescore',
      ]);
      expect(rows[1].actor_id).toBe(s.jurors[0].id);
      expect(rows[1].before).toMatchObject({ comment: 'v1', weightedScore: 50 });
      expect(rows[1].after).toMatchObject({
        comment: 'v2',
        weightedScore: 100,
        scores: { [s.hackathon.criteria[0].id]: 10, [s.hackathon.criteria[1].id]: 20 },
      });
    });

    it('is for the assigned juror only (FORBIDDEN), nothing written', async () => {
      const s = await judgingScenario(t, { teams: 1, jurors: 2 });
      const id = await createAssignment(t, s.hackathon.id, s.teams[0].submissionId, s.jurors[0].id);
      const before = await jurySnapshot(t, s.hackathon.id);
      const vars = { id, scores: scoresFor(s.hackathon, [1, 1]), comment: '' };
      expect(await s.jurors[1].client.code(JURY_OPS.score, vars)).toBe('FORBIDDEN');
      expect(await s.organizer.client.code(JURY_OPS.score, vars)).toBe('FORBIDDEN');
      expect(await t.client.code(JURY_OPS.score, vars)).toBe('UNAUTHENTICATED');
      expect(await jurySnapshot(t, s.hackathon.id)).toBe(before);
    });

    it('answers PHASE_CLOSED outside JUDGING, nothing written', async () => {
      const s = await judgingScenario(t, { teams: 1, jurors: 1 });
      const id = await createAssignment(t, s.hackathon.id, s.teams[0].submissionId, s.jurors[0].id);
      for (const phase of ['BUILDING', 'RESULTS', 'ARCHIVED']) {
        await setHackathonPhase(t, s.hackathon.id, phase);
        const before = await jurySnapshot(t, s.hackathon.id);
        expect(
          await s.jurors[0].client.code(JURY_OPS.score, {
            id,
            scores: scoresFor(s.hackathon, [1, 1]),
            comment: '',
          }),
        ).toBe('PHASE_CLOSED');
        expect(await jurySnapshot(t, s.hackathon.id)).toBe(before);
      }
    });

    it('refuses a RECUSED assignment with CONFLICT', async () => {
      const s = await judgingScenario(t, { teams: 1, jurors: 1 });
      const id = await createAssignment(
        t,
        s.hackathon.id,
        s.teams[0].submissionId,
        s.jurors[0].id,
        'RECUSED',
      );
      const before = await jurySnapshot(t, s.hackathon.id);
      expect(
        await s.jurors[0].client.code(JURY_OPS.score, {
          id,
          scores: scoresFor(s.hackathon, [1, 1]),
          comment: '',
        }),
      ).toBe('CONFLICT');
      expect(await jurySnapshot(t, s.hackathon.id)).toBe(before);
    });

    it('refuses missing, duplicated, unknown and out-of-range marks with BAD_USER_INPUT naming them, nothing written', async () => {
      const s = await judgingScenario(t, { teams: 1, jurors: 1 });
      const id = await createAssignment(t, s.hackathon.id, s.teams[0].submissionId, s.jurors[0].id);
      const [c1, c2] = s.hackathon.criteria;
      const before = await jurySnapshot(t, s.hackathon.id);
      const fields = async (scores: { criterionId: string; value: number }[], comment = '') => {
        const err = await s.jurors[0].client.fails(JURY_OPS.score, { id, scores, comment });
        expect(err.extensions?.code).toBe('BAD_USER_INPUT');
        return err.extensions?.fields;
      };
      expect(await fields([{ criterionId: c1.id, value: 1 }])).toEqual({
        scores: expect.stringMatching(/missing: "Criterion 2"/),
      });
      expect(
        await fields([
          { criterionId: c1.id, value: 1 },
          { criterionId: c1.id, value: 2 },
          { criterionId: c2.id, value: 2 },
        ]),
      ).toEqual({ 'scores[1].criterionId': expect.stringMatching(/more than once/) });
      const other = await createHackathon(t, { phase: 'JUDGING' });
      expect(
        await fields([
          { criterionId: c1.id, value: 1 },
          { criterionId: c2.id, value: 2 },
          { criterionId: other.criteria[0].id, value: 1 },
        ]),
      ).toEqual({ 'scores[2].criterionId': expect.stringMatching(/not a criterion/) });
      expect(
        await fields([
          { criterionId: c1.id, value: 11 },
          { criterionId: c2.id, value: -1 },
        ]),
      ).toEqual({
        'scores[0].value': expect.stringMatching(/0 to 10/),
        'scores[1].value': expect.stringMatching(/0 to 20/),
      });
      expect(await jurySnapshot(t, s.hackathon.id)).toBe(before);
    });

    it('refuses a comment over 5 000 characters or with insults (fields.comment), nothing written', async () => {
      const s = await judgingScenario(t, { teams: 1, jurors: 1 });
      const id = await createAssignment(t, s.hackathon.id, s.teams[0].submissionId, s.jurors[0].id);
      const before = await jurySnapshot(t, s.hackathon.id);
      for (const comment of ['a'.repeat(5001), 'Projet de connards']) {
        const err = await s.jurors[0].client.fails(JURY_OPS.score, {
          id,
          scores: scoresFor(s.hackathon, [1, 1]),
          comment,
        });
        expect(err.extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          fields: { comment: expect.any(String) },
        });
      }
      expect(await jurySnapshot(t, s.hackathon.id)).toBe(before);
      await s.jurors[0].client.ok(JURY_OPS.score, {
        id,
        scores: scoresFor(s.hackathon, [1, 1]),
        comment: 'a'.repeat(5000),
      });
    });

    it('has the database refuse a mark outside 0..maxScore (CHECK criterion_scores_range)', async () => {
      const s = await judgingScenario(t, { teams: 1, jurors: 1 });
      const id = await createAssignment(t, s.hackathon.id, s.teams[0].submissionId, s.jurors[0].id);
      const { scoreSubmission } = await s.jurors[0].client.ok(JURY_OPS.score, {
        id,
        scores: scoresFor(s.hackathon, [1, 1]),
        comment: '',
      });
      await expect(
        t.db.query(`UPDATE criterion_scores SET value = max_score + 1 WHERE evaluation_id = $1`, [
          scoreSubmission.id,
        ]),
      ).rejects.toThrow(/criterion_scores_range/);
    });
  });
});
