// RULES.md "Who sees what" for teams: the team itself, its invite code, its members' personal data.
import {
  createHackathon,
  createTeam,
  createTestApp,
  HackathonRow,
  SchoolRow,
  TEAM_OPS,
  TeamRow,
  TestApp,
  TestUser,
} from '@ensemble/testing';

describe('team visibility', () => {
  let t: TestApp;
  let school: SchoolRow;
  let otherSchool: SchoolRow;
  let h: HackathonRow;
  let team: TeamRow;
  let captain: TestUser;
  let member: TestUser;
  let mentor: TestUser;
  let colleague: TestUser;
  let organizer: TestUser;
  let submissionId: string;

  beforeAll(async () => {
    t = await createTestApp();
    school = await t.factories.school();
    otherSchool = await t.factories.school();
    h = await createHackathon(t, {
      phase: 'JUDGING',
      registrationClosesAt: new Date(Date.now() - 1000),
      submissionDeadline: new Date(Date.now() - 500),
    });
    captain = await t.factories.pupil(school.id, { firstName: 'Lina', lastName: 'Benali' });
    member = await t.factories.pupil(school.id, { firstName: 'Hugo', lastName: 'Martin' });
    mentor = await t.factories.teacher(school.id);
    colleague = await t.factories.teacher(school.id);
    organizer = await t.factories.organizer();
    team = await createTeam(t, {
      hackathon: h,
      schoolId: school.id,
      memberIds: [captain.id, member.id],
      mentorId: mentor.id,
    });
    [{ id: submissionId }] = await t.db.query(
      `INSERT INTO submissions (team_id, hackathon_id, title, summary, description, status)
       VALUES ($1, $2, 'Projet', 'Résumé', 'Texte', 'SUBMITTED') RETURNING id`,
      [team.id, h.id],
    );
  });
  afterAll(() => t.close());

  const assign = (juror: TestUser, status = 'PENDING') =>
    t.db.query(
      `INSERT INTO jury_assignments (hackathon_id, submission_id, juror_id, status) VALUES ($1, $2, $3, $4)`,
      [h.id, submissionId, juror.id, status],
    );
  const read = async (user: TestUser | null) =>
    (await (user ? user.client : t.client).ok(TEAM_OPS.team, { id: team.id })).team;
  const code = (user: TestUser | null) =>
    (user ? user.client : t.client).code(TEAM_OPS.team, { id: team.id });

  it('shows the team to its members, its mentor, teachers of its school and organizers', async () => {
    for (const user of [captain, member, mentor, colleague, organizer]) {
      expect((await read(user)).id).toBe(team.id);
    }
  });

  it('answers null for an unknown team', async () => {
    expect(
      (await organizer.client.ok(TEAM_OPS.team, { id: '00000000-0000-4000-8000-000000000000' }))
        .team,
    ).toBeNull();
  });

  it('is FORBIDDEN to a pupil or a teacher of another school, to the public and to PENDING users', async () => {
    expect(await code(await t.factories.pupil(otherSchool.id))).toBe('FORBIDDEN');
    expect(await code(await t.factories.pupil(school.id))).toBe('FORBIDDEN');
    expect(await code(await t.factories.teacher(otherSchool.id))).toBe('FORBIDDEN');
    expect(await code(await t.factories.teacher(school.id, { status: 'PENDING' }))).toBe(
      'FORBIDDEN',
    );
    expect(await code(null)).toBe('FORBIDDEN');
  });

  it('is visible to a juror assigned to its submission, not to an unassigned or recused one', async () => {
    const assigned = await t.factories.juror();
    const unassigned = await t.factories.juror();
    const recused = await t.factories.juror();
    await assign(assigned);
    await assign(recused, 'RECUSED');
    expect((await read(assigned)).id).toBe(team.id);
    expect(await code(unassigned)).toBe('FORBIDDEN');
    expect(await code(recused)).toBe('FORBIDDEN');
  });

  it('shows the invite code to members, the mentor and organizers only', async () => {
    for (const user of [captain, member, mentor, organizer])
      expect((await read(user)).inviteCode).toBe(team.inviteCode);
    expect((await read(colleague)).inviteCode).toBeNull();
    const juror = await t.factories.juror();
    await assign(juror, 'DONE');
    expect((await read(juror)).inviteCode).toBeNull();
  });

  it('shows a teammate only as a display name, and the full member to teachers of the school', async () => {
    const asTeammate = (await read(member)).members;
    expect(asTeammate[0].user).toEqual({
      id: captain.id,
      displayName: 'Lina B.',
      firstName: null,
      lastName: null,
      email: null,
      birthYear: null,
    });
    expect(asTeammate[1].user).toMatchObject({
      id: member.id,
      firstName: 'Hugo',
      lastName: 'Martin',
    });
    expect((await read(colleague)).members[0].user).toMatchObject({
      firstName: 'Lina',
      lastName: 'Benali',
      email: captain.email,
    });
  });

  describe('once results are published', () => {
    beforeAll(() => t.db.query(`UPDATE hackathons SET phase = 'RESULTS' WHERE id = $1`, [h.id]));

    it('shows the team to everyone, signed in or not, without invite code or personal data', async () => {
      for (const user of [
        null,
        await t.factories.pupil(otherSchool.id),
        await t.factories.juror(),
      ]) {
        const seen = await read(user);
        expect(seen.id).toBe(team.id);
        expect(seen.inviteCode).toBeNull();
        expect(seen.members[0].user).toMatchObject({
          displayName: 'Lina B.',
          firstName: null,
          email: null,
        });
      }
    });

    it('still does in ARCHIVED', async () => {
      await t.db.query(`UPDATE hackathons SET phase = 'ARCHIVED' WHERE id = $1`, [h.id]);
      expect((await read(null)).id).toBe(team.id);
    });
  });
});
