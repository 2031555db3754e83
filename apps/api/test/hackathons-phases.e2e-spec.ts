import { createHackathon, createTestApp, PhaseName, TestApp, TestUser } from '@ensemble/testing';
import { PhaseChangeHooks } from '../src/hackathons/phase-change.hooks';

const SET_PHASE = `mutation($h: ID!, $phase: HackathonPhase!) { setPhase(hackathonId: $h, phase: $phase) { id phase } }`;
const PHASES: PhaseName[] = ['DRAFT', 'REGISTRATION', 'BUILDING', 'JUDGING', 'RESULTS', 'ARCHIVED'];

// RULES.md: forward one step at a time; RESULTS → JUDGING is the only way back; ARCHIVED is final.
const ALLOWED = new Set([
  'DRAFT>REGISTRATION',
  'REGISTRATION>BUILDING',
  'BUILDING>JUDGING',
  'JUDGING>RESULTS',
  'RESULTS>ARCHIVED',
  'RESULTS>JUDGING',
]);
const expected = (from: PhaseName, to: PhaseName) =>
  from === 'ARCHIVED' ? 'PHASE_CLOSED' : ALLOWED.has(`${from}>${to}`) ? 'OK' : 'BAD_USER_INPUT';

describe('hackathons: setPhase', () => {
  let t: TestApp;
  let organizer: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    organizer = await t.factories.organizer();
  });
  afterAll(() => t.close());

  const row = async (id: string) =>
    (await t.db.query(`SELECT phase, archived_at FROM hackathons WHERE id = $1`, [id]))[0] as {
      phase: string;
      archived_at: Date | null;
    };
  const phaseAudits = (id: string) =>
    t.factories.count('audit_log', `action = 'hackathon.phase' AND entity_id = $1`, [id]);

  const pairs = PHASES.flatMap((from) =>
    PHASES.map((to) => [from, to, expected(from, to)] as const),
  );

  it('covers all 36 pairs', () => expect(pairs).toHaveLength(36));

  it.each(pairs)('%s → %s: %s', async (from, to, outcome) => {
    const h = await createHackathon(t, { phase: from, tracks: 0, criteria: [] });
    if (outcome === 'OK') {
      const { setPhase } = await organizer.client.ok(SET_PHASE, { h: h.id, phase: to });
      expect(setPhase).toEqual({ id: h.id, phase: to });
      expect((await row(h.id)).phase).toBe(to);
      const [audit] = await t.db.query(
        `SELECT actor_id, hackathon_id, before, after FROM audit_log WHERE action = 'hackathon.phase' AND entity_id = $1`,
        [h.id],
      );
      expect(audit).toEqual({
        actor_id: organizer.id,
        hackathon_id: h.id,
        before: { phase: from },
        after: { phase: to },
      });
    } else {
      const before = await row(h.id);
      const err = await organizer.client.fails(SET_PHASE, { h: h.id, phase: to });
      expect(err.extensions?.code).toBe(outcome);
      if (outcome === 'BAD_USER_INPUT') expect(err.extensions?.fields).toHaveProperty('phase');
      expect(await row(h.id)).toEqual(before);
      expect(await phaseAudits(h.id)).toBe(0);
    }
  });

  it('stamps archived_at with the clock when reaching ARCHIVED, and not before', async () => {
    const h = await createHackathon(t, { phase: 'JUDGING' });
    await organizer.client.ok(SET_PHASE, { h: h.id, phase: 'RESULTS' });
    expect((await row(h.id)).archived_at).toBeNull();
    const at = new Date(Math.floor(Date.now() / 1000) * 1000 + 60_000); // a minute ahead: tokens stay valid
    t.clock.set(at);
    await organizer.client.ok(SET_PHASE, { h: h.id, phase: 'ARCHIVED' });
    expect((await row(h.id)).archived_at?.toISOString()).toBe(at.toISOString());
  });

  it('walks a hackathon through its whole life, reopening judging once', async () => {
    const h = await createHackathon(t, { phase: 'DRAFT' });
    for (const phase of [
      'REGISTRATION',
      'BUILDING',
      'JUDGING',
      'RESULTS',
      'JUDGING',
      'RESULTS',
      'ARCHIVED',
    ]) {
      expect((await organizer.client.ok(SET_PHASE, { h: h.id, phase })).setPhase.phase).toBe(phase);
    }
    expect(await phaseAudits(h.id)).toBe(7);
  });

  it('is for organizers only', async () => {
    const school = await t.factories.school();
    const h = await createHackathon(t, { phase: 'REGISTRATION' });
    for (const user of [
      await t.factories.teacher(school.id),
      await t.factories.pupil(school.id),
      await t.factories.juror(),
    ]) {
      expect(await user.client.code(SET_PHASE, { h: h.id, phase: 'BUILDING' })).toBe('FORBIDDEN');
    }
    expect(await t.client.code(SET_PHASE, { h: h.id, phase: 'BUILDING' })).toBe('UNAUTHENTICATED');
    expect((await row(h.id)).phase).toBe('REGISTRATION');
  });

  it('answers NOT_FOUND for an unknown hackathon', async () => {
    expect(
      await organizer.client.code(SET_PHASE, {
        h: '00000000-0000-4000-8000-000000000000',
        phase: 'BUILDING',
      }),
    ).toBe('NOT_FOUND');
  });

  describe('phase-change hooks', () => {
    const seen: string[] = [];
    let failOn: string | null = null;

    beforeAll(() => {
      t.app.get(PhaseChangeHooks).register(async (m, hackathon, from, to, actorId) => {
        // Runs inside the transaction, after the update: the row already shows the new phase.
        const [{ phase }] = await m.query(`SELECT phase FROM hackathons WHERE id = $1`, [
          hackathon.id,
        ]);
        seen.push(`${hackathon.id}:${from}>${to}:${phase}:${actorId}`);
        if (failOn === hackathon.id) throw new Error('hook failed');
      });
    });

    it('runs registered hooks inside the transaction, after the update', async () => {
      const h = await createHackathon(t, { phase: 'JUDGING' });
      await organizer.client.ok(SET_PHASE, { h: h.id, phase: 'RESULTS' });
      expect(seen).toContain(`${h.id}:JUDGING>RESULTS:RESULTS:${organizer.id}`);
    });

    it('rolls the phase change back when a hook fails', async () => {
      const h = await createHackathon(t, { phase: 'JUDGING' });
      failOn = h.id;
      expect(await organizer.client.code(SET_PHASE, { h: h.id, phase: 'RESULTS' })).toBe(
        'INTERNAL_SERVER_ERROR',
      );
      failOn = null;
      expect((await row(h.id)).phase).toBe('JUDGING');
      expect(await phaseAudits(h.id)).toBe(0);
    });

    it('does not run hooks for refused changes', async () => {
      const h = await createHackathon(t, { phase: 'DRAFT' });
      await organizer.client.fails(SET_PHASE, { h: h.id, phase: 'JUDGING' });
      expect(seen.some((s) => s.startsWith(h.id))).toBe(false);
    });
  });
});
