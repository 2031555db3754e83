// Retention: pupils' personal data is erased N months after every hackathon they took part in was archived.
import {
  createHackathon,
  createTeam,
  createTestApp,
  HackathonRow,
  TestApp,
  TestUser,
} from '@ensemble/testing';
import { RetentionService } from '../src/privacy/retention.service';

const DAY = 24 * 60 * 60 * 1000;

describe('privacy: retention of pupils’ personal data', () => {
  let t: TestApp;
  let retention: RetentionService;
  beforeAll(async () => {
    t = await createTestApp();
    retention = t.app.get(RetentionService);
  });
  afterAll(() => t.close());
  beforeEach(() => t.clock.set('2030-06-15T12:00:00Z'));

  const archived = async (archivedAt: string) => {
    const h = await createHackathon(t, { phase: 'ARCHIVED' });
    await t.db.query(`UPDATE hackathons SET archived_at = $2 WHERE id = $1`, [h.id, archivedAt]);
    return h;
  };
  const member = async (hackathon: HackathonRow, pupils: TestUser[], schoolId: string) =>
    createTeam(t, { hackathon, schoolId, memberIds: pupils.map((p) => p.id) });
  const personal = async (id: string) =>
    (
      await t.db.query(
        `SELECT email, login, password_hash, first_name, last_name, birth_year, consent_confirmed_by, deleted_at, status
           FROM users WHERE id = $1`,
        [id],
      )
    )[0];

  it('erases a pupil whose only hackathon was archived more than 12 months ago, and keeps their membership', async () => {
    const school = await t.factories.school();
    const teacher = await t.factories.teacher(school.id);
    const pupil = await t.factories.pupil(school.id, { parentalConsentConfirmed: true });
    await t.db.query(
      `UPDATE users SET consent_confirmed_by = $2, consent_confirmed_at = now(), login = 'zoe.b1234' WHERE id = $1`,
      [pupil.id, teacher.id],
    );
    const old = await archived('2029-06-01T00:00:00Z');
    const team = await member(old, [pupil], school.id);

    const run = await retention.runOnce();

    expect(run.erasedUserIds).toEqual([pupil.id]);
    expect(run.cutoff.toISOString()).toBe('2029-06-15T12:00:00.000Z');
    expect(await personal(pupil.id)).toEqual({
      email: null,
      login: null,
      password_hash: null,
      first_name: null,
      last_name: null,
      birth_year: null,
      consent_confirmed_by: null,
      deleted_at: new Date('2030-06-15T12:00:00Z'),
      status: 'SUSPENDED',
    });
    // The archived team keeps its shape (the member shows as a deleted account).
    expect(
      await t.factories.count('team_members', 'team_id = $1 AND user_id = $2', [team.id, pupil.id]),
    ).toBe(1);
    // Their sessions end and the erasure is audited.
    expect((await pupil.client.request(`{ me { id } }`)).errors?.[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    expect(
      await t.factories.count(
        'audit_log',
        `action = 'account.erased.retention' AND entity_id = $1`,
        [pupil.id],
      ),
    ).toBe(1);
    // The teacher who confirmed consent is untouched.
    expect((await personal(teacher.id)).email).toBe(teacher.email);
  });

  it('keeps pupils archived less than 12 months ago, and erases them once the clock passes the limit', async () => {
    const school = await t.factories.school();
    const pupil = await t.factories.pupil(school.id);
    const recent = await archived('2029-07-01T00:00:00Z');
    await member(recent, [pupil], school.id);

    expect((await retention.runOnce()).erasedUserIds).not.toContain(pupil.id);
    expect((await personal(pupil.id)).email).toBe(pupil.email);

    t.clock.advance(17 * DAY); // 2030-07-02: more than 12 months after 2029-07-01
    expect((await retention.runOnce()).erasedUserIds).toContain(pupil.id);
    expect((await personal(pupil.id)).email).toBeNull();
  });

  it('keeps pupils who are also in a hackathon that is not archived, whatever its phase', async () => {
    const school = await t.factories.school();
    const old = await archived('2028-01-01T00:00:00Z');
    const kept: TestUser[] = [];
    for (const phase of ['DRAFT', 'REGISTRATION', 'BUILDING', 'JUDGING', 'RESULTS'] as const) {
      const pupil = await t.factories.pupil(school.id);
      await member(old, [pupil], school.id);
      await member(await createHackathon(t, { phase }), [pupil], school.id);
      kept.push(pupil);
    }
    const erased = (await retention.runOnce()).erasedUserIds;
    for (const pupil of kept) {
      expect(erased).not.toContain(pupil.id);
      expect((await personal(pupil.id)).first_name).toBe('Camille');
    }
  });

  it('uses the most recent archive date when a pupil took part in several hackathons', async () => {
    const school = await t.factories.school();
    const pupil = await t.factories.pupil(school.id);
    await member(await archived('2027-01-01T00:00:00Z'), [pupil], school.id);
    await member(await archived('2030-01-01T00:00:00Z'), [pupil], school.id);
    expect((await retention.runOnce()).erasedUserIds).not.toContain(pupil.id);
    expect((await retention.runOnce({ months: 3 })).erasedUserIds).toContain(pupil.id);
  });

  it('leaves teachers, jurors, organizers and pupils in no team alone, and is idempotent', async () => {
    const school = await t.factories.school();
    const old = await archived('2027-01-01T00:00:00Z');
    const teacher = await t.factories.teacher(school.id);
    const juror = await t.factories.juror();
    const organizer = await t.factories.organizer();
    const loner = await t.factories.pupil(school.id);
    // A teacher as "member" cannot happen through the API, but the rule is about pupils only.
    await createTeam(t, {
      hackathon: old,
      schoolId: school.id,
      memberIds: [teacher.id],
      mentorId: teacher.id,
    });

    const first = await retention.runOnce();
    for (const u of [teacher, juror, organizer, loner]) {
      expect(first.erasedUserIds).not.toContain(u.id);
      expect((await personal(u.id)).email).toBe(u.email);
    }
    const audit = await t.factories.count('audit_log');
    expect((await retention.runOnce()).erasedUserIds).toEqual([]);
    expect(await t.factories.count('audit_log')).toBe(audit);
  });
});
