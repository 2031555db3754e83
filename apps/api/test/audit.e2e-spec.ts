// auditLog: who did what and when, organizers only, newest first with cursor pagination.
import {
  assignmentsOf,
  createTestApp,
  JURY_OPS,
  judgingScenario,
  TestApp,
} from '@ensemble/testing';

describe('auditLog', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lists assignments, score changes with before/after, recusals and publication, newest first', async () => {
    const s = await judgingScenario(t, { teams: 2, jurors: 2 });
    const [j1] = s.jurors;
    await s.organizer.client.ok(JURY_OPS.assign, { hackathonId: s.hackathon.id, k: 1 });
    const [id] = [...(await assignmentsOf(t, s.hackathon.id, j1.id)).values()];
    const scores = s.hackathon.criteria.map((c) => ({ criterionId: c.id, value: 1 }));
    const evaluation = (await j1.client.ok(JURY_OPS.score, { id, scores, comment: 'Premier avis' }))
      .scoreSubmission;
    await j1.client.ok(JURY_OPS.score, {
      id,
      scores: scores.map((x) => ({ ...x, value: 2 })),
      comment: 'Second avis',
    });
    await s.organizer.client.ok(JURY_OPS.publish, { hackathonId: s.hackathon.id });

    const { auditLog } = await s.organizer.client.ok(JURY_OPS.auditLog, {
      hackathonId: s.hackathon.id,
    });
    expect(auditLog.map((e: { action: string }) => e.action)).toEqual([
      'leaderboard.publish',
      'hackathon.phase',
      'evaluation.rescore',
      'evaluation.score',
      'jury.assign',
    ]);
    const rescore = auditLog[2];
    expect(rescore).toMatchObject({
      entityType: 'evaluation',
      entityId: evaluation.id,
      actor: { id: j1.id },
    });
    expect(JSON.parse(rescore.before)).toMatchObject({ comment: 'Premier avis' });
    expect(JSON.parse(rescore.after)).toMatchObject({ comment: 'Second avis' });
    expect(auditLog[4].actor).toEqual({ id: s.organizer.id });
    expect(new Date(auditLog[0].createdAt).getTime()).toBeGreaterThan(0);

    // Cursor pagination: pages of 2 reassemble the whole log.
    const pages: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { id: string; action: string }[] = (
        await s.organizer.client.ok(JURY_OPS.auditLog, {
          hackathonId: s.hackathon.id,
          first: 2,
          after,
        })
      ).auditLog;
      pages.push(...page.map((e) => e.action));
      if (page.length < 2) break;
      after = page[page.length - 1].id;
    }
    expect(pages).toEqual(auditLog.map((e: { action: string }) => e.action));
  });

  it('is for organizers only and checks its arguments', async () => {
    const s = await judgingScenario(t, { teams: 1, jurors: 1 });
    expect(await s.jurors[0].client.code(JURY_OPS.auditLog, { hackathonId: s.hackathon.id })).toBe(
      'FORBIDDEN',
    );
    expect(await t.client.code(JURY_OPS.auditLog, { hackathonId: s.hackathon.id })).toBe(
      'UNAUTHENTICATED',
    );
    expect(
      await s.organizer.client.code(JURY_OPS.auditLog, { hackathonId: s.hackathon.id, first: 0 }),
    ).toBe('BAD_USER_INPUT');
    expect(
      await s.organizer.client.code(JURY_OPS.auditLog, {
        hackathonId: s.hackathon.id,
        after: 'abc',
      }),
    ).toBe('BAD_USER_INPUT');
    expect(
      await s.organizer.client.code(JURY_OPS.auditLog, {
        hackathonId: '00000000-0000-4000-8000-000000000000',
      }),
    ).toBe('NOT_FOUND');
  });

  it('is append-only in the database', async () => {
    await expect(t.db.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
  });
});
