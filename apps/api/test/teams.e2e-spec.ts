// RULES.md "Teams" and the teams rows of the phase table, through the public GraphQL API.
import {
  createHackathon,
  createTeam,
  createTestApp,
  HackathonRow,
  SchoolRow,
  TEAM_OPS,
  teamMembers,
  teamsSnapshot,
  teamStatus,
  TestApp,
  TestUser,
} from '@ensemble/testing';

// Short enough for access tokens (15 minutes, on the same clock) to stay valid.
const MINUTE = 60 * 1000;

describe('teams', () => {
  let t: TestApp;
  let school: SchoolRow;
  let lycee: SchoolRow;
  let organizer: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    school = await t.factories.school({ level: 'COLLEGE' });
    lycee = await t.factories.school({ level: 'LYCEE' });
    organizer = await t.factories.organizer();
  });
  afterAll(() => t.close());

  const hackathon = (options: Parameters<typeof createHackathon>[1] = {}) =>
    createHackathon(t, options);
  const pupil = (schoolId = school.id, options = {}) => t.factories.pupil(schoolId, options);
  const input = (h: HackathonRow, over: Record<string, unknown> = {}) => ({
    hackathonId: h.id,
    trackId: h.trackIds[0],
    name: `Les Calanques ${Math.random().toString(36).slice(2, 8)}`,
    ...over,
  });

  /** Runs a call expected to fail and checks its code and that the database did not change. */
  async function refuses(
    user: TestUser | null,
    query: string,
    variables: Record<string, unknown>,
    code: string,
  ) {
    const before = await teamsSnapshot(t);
    const client = user ? user.client : t.client;
    const err = await client.fails(query, variables);
    expect(err.extensions?.code).toBe(code);
    expect(await teamsSnapshot(t)).toBe(before);
    return err;
  }

  describe('createTeam', () => {
    it('makes the creating pupil captain; the team takes the school and its level as category', async () => {
      const h = await hackathon();
      const p = await pupil(lycee.id);
      const { createTeam: team } = await p.client.ok(TEAM_OPS.create, {
        input: input(h, { name: '  Les Goélands  ' }),
      });
      expect(team).toMatchObject({
        name: 'Les Goélands',
        category: 'LYCEE',
        status: 'FORMING',
        school: { id: lycee.id },
        track: { id: h.trackIds[0] },
        hackathon: { id: h.id },
        mentor: null,
        members: [{ captain: true, user: { id: p.id } }],
      });
      expect(team.inviteCode).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{10}$/);
    });

    it('refuses a pupil already in a team of that hackathon', async () => {
      const h = await hackathon();
      const p = await pupil();
      await p.client.ok(TEAM_OPS.create, { input: input(h) });
      await refuses(p, TEAM_OPS.create, { input: input(h) }, 'CONFLICT');
    });

    it('lets a pupil be in one team per hackathon, in several hackathons', async () => {
      const [h1, h2] = [await hackathon(), await hackathon()];
      const p = await pupil();
      await p.client.ok(TEAM_OPS.create, { input: input(h1) });
      await p.client.ok(TEAM_OPS.create, { input: input(h2) });
      expect(await t.factories.count('team_members', 'user_id = $1', [p.id])).toBe(2);
    });

    it('refuses names shorter than 3 or longer than 40 characters once trimmed', async () => {
      const h = await hackathon();
      const p = await pupil();
      for (const name of ['ab', '   ab   ', 'x'.repeat(41)]) {
        const err = await refuses(
          p,
          TEAM_OPS.create,
          { input: input(h, { name }) },
          'BAD_USER_INPUT',
        );
        expect(Object.keys(err.extensions?.fields ?? {})).toEqual(['name']);
      }
      await p.client.ok(TEAM_OPS.create, { input: input(h, { name: 'é'.repeat(40) }) });
    });

    it('refuses a name already taken in the hackathon, ignoring case', async () => {
      const h = await hackathon();
      await (
        await pupil()
      ).client.ok(TEAM_OPS.create, { input: input(h, { name: 'Les Mouettes' }) });
      await refuses(
        await pupil(),
        TEAM_OPS.create,
        { input: input(h, { name: 'LES MOUETTES' }) },
        'CONFLICT',
      );
      // The same name in another hackathon is fine.
      await (
        await pupil()
      ).client.ok(TEAM_OPS.create, { input: input(await hackathon(), { name: 'les mouettes' }) });
    });

    it('refuses a name containing an insult', async () => {
      const h = await hackathon();
      const err = await refuses(
        await pupil(),
        TEAM_OPS.create,
        { input: input(h, { name: 'Les connards du fond' }) },
        'BAD_USER_INPUT',
      );
      expect(err.extensions?.fields).toHaveProperty('name');
    });

    it('refuses a track of another hackathon', async () => {
      const [h, other] = [await hackathon(), await hackathon()];
      const err = await refuses(
        await pupil(),
        TEAM_OPS.create,
        { input: input(h, { trackId: other.trackIds[0] }) },
        'BAD_USER_INPUT',
      );
      expect(Object.keys(err.extensions?.fields ?? {})).toEqual(['trackId']);
    });

    it('answers NOT_FOUND for an unknown hackathon', async () => {
      const h = await hackathon();
      await refuses(
        await pupil(),
        TEAM_OPS.create,
        { input: input(h, { hackathonId: '00000000-0000-4000-8000-000000000000' }) },
        'NOT_FOUND',
      );
    });

    it('refuses anyone but an ACTIVE pupil', async () => {
      const h = await hackathon();
      for (const user of [
        await t.factories.teacher(school.id),
        organizer,
        await t.factories.juror(),
        await pupil(school.id, { status: 'PENDING' }),
        await pupil(school.id, { status: 'SUSPENDED' }),
      ]) {
        await refuses(user, TEAM_OPS.create, { input: input(h) }, 'FORBIDDEN');
      }
      await refuses(null, TEAM_OPS.create, { input: input(h) }, 'UNAUTHENTICATED');
    });

    it('is PHASE_CLOSED outside REGISTRATION and from registrationClosesAt on', async () => {
      for (const phase of ['DRAFT', 'BUILDING', 'JUDGING', 'RESULTS', 'ARCHIVED'] as const) {
        const h = await hackathon({ phase });
        await refuses(await pupil(), TEAM_OPS.create, { input: input(h) }, 'PHASE_CLOSED');
      }
      const h = await hackathon({
        registrationClosesAt: new Date(t.clock.now().getTime() + MINUTE),
      });
      const p = await pupil();
      t.clock.advance(MINUTE);
      try {
        await refuses(p, TEAM_OPS.create, { input: input(h) }, 'PHASE_CLOSED');
        t.clock.advance(-1);
        await p.client.ok(TEAM_OPS.create, { input: input(h) });
      } finally {
        t.clock.set(new Date());
      }
    });

    it('checks the phase before the input', async () => {
      const h = await hackathon({ phase: 'BUILDING' });
      await refuses(
        await pupil(),
        TEAM_OPS.create,
        { input: input(h, { name: 'x' }) },
        'PHASE_CLOSED',
      );
    });
  });

  describe('joinTeam', () => {
    let h: HackathonRow;
    beforeAll(async () => {
      h = await hackathon({ maxTeamSize: 3 });
    });

    it('adds a pupil of the same school as a plain member', async () => {
      const [captain, p] = [await pupil(), await pupil()];
      const team = await createTeam(t, {
        hackathon: h,
        schoolId: school.id,
        memberIds: [captain.id],
      });
      const { joinTeam } = await p.client.ok(TEAM_OPS.join, { code: team.inviteCode });
      expect(joinTeam.members).toEqual([
        { captain: true, user: { id: captain.id } },
        { captain: false, user: { id: p.id } },
      ]);
    });

    it('accepts the code whatever its case and spacing', async () => {
      const team = await createTeam(t, {
        hackathon: h,
        schoolId: school.id,
        memberIds: [(await pupil()).id],
      });
      const p = await pupil();
      await p.client.ok(TEAM_OPS.join, { code: ` ${team.inviteCode.toLowerCase()} ` });
      expect((await teamMembers(t, team.id)).map((m) => m.user_id)).toContain(p.id);
    });

    it('answers NOT_FOUND for an unknown code', async () => {
      await refuses(await pupil(), TEAM_OPS.join, { code: 'ZZZZZZZZZZ' }, 'NOT_FOUND');
      await refuses(await pupil(), TEAM_OPS.join, { code: '' }, 'NOT_FOUND');
    });

    it('refuses a pupil of another school', async () => {
      const team = await createTeam(t, {
        hackathon: h,
        schoolId: school.id,
        memberIds: [(await pupil()).id],
      });
      await refuses(await pupil(lycee.id), TEAM_OPS.join, { code: team.inviteCode }, 'FORBIDDEN');
    });

    it('refuses teachers, organizers and PENDING pupils', async () => {
      const team = await createTeam(t, {
        hackathon: h,
        schoolId: school.id,
        memberIds: [(await pupil()).id],
      });
      for (const user of [
        await t.factories.teacher(school.id),
        organizer,
        await pupil(school.id, { status: 'PENDING' }),
      ]) {
        await refuses(user, TEAM_OPS.join, { code: team.inviteCode }, 'FORBIDDEN');
      }
    });

    it('refuses a pupil already in a team of that hackathon', async () => {
      const p = await pupil();
      await createTeam(t, { hackathon: h, schoolId: school.id, memberIds: [p.id] });
      const other = await createTeam(t, {
        hackathon: h,
        schoolId: school.id,
        memberIds: [(await pupil()).id],
      });
      await refuses(p, TEAM_OPS.join, { code: other.inviteCode }, 'CONFLICT');
    });

    it('refuses a fourth member when the team is full', async () => {
      const members = [await pupil(), await pupil(), await pupil()];
      const team = await createTeam(t, {
        hackathon: h,
        schoolId: school.id,
        memberIds: members.map((m) => m.id),
      });
      await refuses(await pupil(), TEAM_OPS.join, { code: team.inviteCode }, 'CONFLICT');
    });

    it('refuses joining a withdrawn team', async () => {
      const team = await createTeam(t, { hackathon: h, schoolId: school.id, status: 'WITHDRAWN' });
      await refuses(await pupil(), TEAM_OPS.join, { code: team.inviteCode }, 'CONFLICT');
    });

    it('is PHASE_CLOSED outside REGISTRATION and from registrationClosesAt on', async () => {
      for (const phase of ['BUILDING', 'JUDGING', 'ARCHIVED'] as const) {
        const closed = await hackathon({ phase });
        const team = await createTeam(t, {
          hackathon: closed,
          schoolId: school.id,
          memberIds: [(await pupil()).id],
        });
        await refuses(await pupil(), TEAM_OPS.join, { code: team.inviteCode }, 'PHASE_CLOSED');
      }
      const late = await hackathon({ registrationClosesAt: new Date(t.clock.now().getTime() - 1) });
      const team = await createTeam(t, {
        hackathon: late,
        schoolId: school.id,
        memberIds: [(await pupil()).id],
      });
      await refuses(await pupil(), TEAM_OPS.join, { code: team.inviteCode }, 'PHASE_CLOSED');
    });

    it('sends a VALIDATED team back to FORMING', async () => {
      const team = await createTeam(t, {
        hackathon: h,
        schoolId: school.id,
        memberIds: [(await pupil()).id],
        status: 'VALIDATED',
      });
      const { joinTeam } = await (
        await pupil()
      ).client.ok(TEAM_OPS.join, { code: team.inviteCode });
      expect(joinTeam.status).toBe('FORMING');
    });
  });

  describe('leaveTeam', () => {
    it('hands the captaincy to the longest-standing member', async () => {
      const h = await hackathon();
      const [a, b, c] = [await pupil(), await pupil(), await pupil()];
      const team = await createTeam(t, {
        hackathon: h,
        schoolId: school.id,
        memberIds: [a.id, b.id, c.id],
      });
      expect((await a.client.ok(TEAM_OPS.leave, { teamId: team.id })).leaveTeam).toBe(true);
      expect(await teamMembers(t, team.id)).toEqual([
        { user_id: b.id, captain: true },
        { user_id: c.id, captain: false },
      ]);
    });

    it('keeps the captain when a plain member leaves', async () => {
      const h = await hackathon();
      const [a, b] = [await pupil(), await pupil()];
      const team = await createTeam(t, {
        hackathon: h,
        schoolId: school.id,
        memberIds: [a.id, b.id],
      });
      await b.client.ok(TEAM_OPS.leave, { teamId: team.id });
      expect(await teamMembers(t, team.id)).toEqual([{ user_id: a.id, captain: true }]);
    });

    it('marks the team WITHDRAWN when the last member leaves', async () => {
      const h = await hackathon();
      const a = await pupil();
      const team = await createTeam(t, { hackathon: h, schoolId: school.id, memberIds: [a.id] });
      await a.client.ok(TEAM_OPS.leave, { teamId: team.id });
      expect(await teamStatus(t, team.id)).toBe('WITHDRAWN');
      expect(await teamMembers(t, team.id)).toEqual([]);
    });

    it('sends a VALIDATED team back to FORMING', async () => {
      const h = await hackathon({ phase: 'BUILDING' });
      const [a, b] = [await pupil(), await pupil()];
      const team = await createTeam(t, {
        hackathon: h,
        schoolId: school.id,
        memberIds: [a.id, b.id],
        status: 'VALIDATED',
      });
      await b.client.ok(TEAM_OPS.leave, { teamId: team.id });
      expect(await teamStatus(t, team.id)).toBe('FORMING');
    });

    it('refuses someone who is not a member', async () => {
      const h = await hackathon();
      const team = await createTeam(t, {
        hackathon: h,
        schoolId: school.id,
        memberIds: [(await pupil()).id],
      });
      await refuses(await pupil(), TEAM_OPS.leave, { teamId: team.id }, 'FORBIDDEN');
    });

    it('answers NOT_FOUND for an unknown team', async () => {
      await refuses(
        await pupil(),
        TEAM_OPS.leave,
        { teamId: '00000000-0000-4000-8000-000000000000' },
        'NOT_FOUND',
      );
    });

    it('is PHASE_CLOSED from JUDGING on', async () => {
      for (const phase of ['JUDGING', 'RESULTS', 'ARCHIVED'] as const) {
        const h = await hackathon({ phase });
        const a = await pupil();
        const team = await createTeam(t, { hackathon: h, schoolId: school.id, memberIds: [a.id] });
        await refuses(a, TEAM_OPS.leave, { teamId: team.id }, 'PHASE_CLOSED');
      }
    });
  });

  describe('removeTeamMember', () => {
    async function teamOfThree(phase: 'REGISTRATION' | 'BUILDING' | 'JUDGING' = 'REGISTRATION') {
      const h = await hackathon({ phase });
      const mentor = await t.factories.teacher(school.id);
      const [a, b, c] = [await pupil(), await pupil(), await pupil()];
      const team = await createTeam(t, {
        hackathon: h,
        schoolId: school.id,
        memberIds: [a.id, b.id, c.id],
        mentorId: mentor.id,
      });
      return { h, mentor, a, b, c, team };
    }

    it('lets the captain, the mentor and an organizer remove a member', async () => {
      const { mentor, a, b, c, team } = await teamOfThree('BUILDING');
      const { removeTeamMember } = await a.client.ok(TEAM_OPS.remove, {
        teamId: team.id,
        userId: c.id,
      });
      expect(removeTeamMember.members.map((m: { user: { id: string } }) => m.user.id)).toEqual([
        a.id,
        b.id,
      ]);
      await mentor.client.ok(TEAM_OPS.remove, { teamId: team.id, userId: b.id });
      await organizer.client.ok(TEAM_OPS.remove, { teamId: team.id, userId: a.id });
      expect(await teamStatus(t, team.id)).toBe('WITHDRAWN');
    });

    it('passes the captaincy on when the captain is removed', async () => {
      const { mentor, a, b, c, team } = await teamOfThree();
      await mentor.client.ok(TEAM_OPS.remove, { teamId: team.id, userId: a.id });
      expect(await teamMembers(t, team.id)).toEqual([
        { user_id: b.id, captain: true },
        { user_id: c.id, captain: false },
      ]);
    });

    it('sends a VALIDATED team back to FORMING', async () => {
      const { a, c, team } = await teamOfThree();
      await t.db.query(`UPDATE teams SET status = 'VALIDATED' WHERE id = $1`, [team.id]);
      await a.client.ok(TEAM_OPS.remove, { teamId: team.id, userId: c.id });
      expect(await teamStatus(t, team.id)).toBe('FORMING');
    });

    it('refuses a plain member and a teacher of the school who is not the mentor', async () => {
      const { b, c, team } = await teamOfThree();
      await refuses(b, TEAM_OPS.remove, { teamId: team.id, userId: c.id }, 'FORBIDDEN');
      await refuses(
        await t.factories.teacher(school.id),
        TEAM_OPS.remove,
        { teamId: team.id, userId: c.id },
        'FORBIDDEN',
      );
    });

    it('answers NOT_FOUND when the user is not a member', async () => {
      const { a, team } = await teamOfThree();
      await refuses(
        a,
        TEAM_OPS.remove,
        { teamId: team.id, userId: (await pupil()).id },
        'NOT_FOUND',
      );
    });

    it('is PHASE_CLOSED from JUDGING on', async () => {
      const { a, c, team } = await teamOfThree('JUDGING');
      await refuses(a, TEAM_OPS.remove, { teamId: team.id, userId: c.id }, 'PHASE_CLOSED');
      await refuses(organizer, TEAM_OPS.remove, { teamId: team.id, userId: c.id }, 'PHASE_CLOSED');
    });
  });

  describe('mentorTeam', () => {
    it('makes an ACTIVE teacher of the team’s school its mentor', async () => {
      const h = await hackathon({ phase: 'BUILDING' });
      const teacher = await t.factories.teacher(school.id);
      const team = await createTeam(t, {
        hackathon: h,
        schoolId: school.id,
        memberIds: [(await pupil()).id],
      });
      const { mentorTeam } = await teacher.client.ok(TEAM_OPS.mentor, { teamId: team.id });
      expect(mentorTeam.mentor).toEqual({ id: teacher.id });
    });

    it('refuses a teacher of another school, a PENDING teacher, a pupil and an organizer', async () => {
      const h = await hackathon();
      const member = await pupil();
      const team = await createTeam(t, {
        hackathon: h,
        schoolId: school.id,
        memberIds: [member.id],
      });
      for (const user of [
        await t.factories.teacher(lycee.id),
        await t.factories.teacher(school.id, { status: 'PENDING' }),
        member,
        organizer,
      ]) {
        await refuses(user, TEAM_OPS.mentor, { teamId: team.id }, 'FORBIDDEN');
      }
    });

    it('is PHASE_CLOSED from JUDGING on', async () => {
      for (const phase of ['JUDGING', 'RESULTS', 'ARCHIVED'] as const) {
        const h = await hackathon({ phase });
        const team = await createTeam(t, {
          hackathon: h,
          schoolId: school.id,
          memberIds: [(await pupil()).id],
        });
        await refuses(
          await t.factories.teacher(school.id),
          TEAM_OPS.mentor,
          { teamId: team.id },
          'PHASE_CLOSED',
        );
      }
    });
  });

  describe('validateTeam', () => {
    const thisYear = new Date().getUTCFullYear();

    async function readyTeam(
      options: {
        phase?: 'REGISTRATION' | 'BUILDING' | 'JUDGING';
        size?: number;
        min?: number;
        max?: number;
      } = {},
    ) {
      const h = await hackathon({
        phase: options.phase ?? 'BUILDING',
        minTeamSize: options.min ?? 2,
        maxTeamSize: options.max ?? 4,
      });
      const mentor = await t.factories.teacher(school.id);
      const members: TestUser[] = [];
      for (let i = 0; i < (options.size ?? 2); i++) members.push(await pupil());
      const team = await createTeam(t, {
        hackathon: h,
        schoolId: school.id,
        memberIds: members.map((m) => m.id),
        mentorId: mentor.id,
      });
      return { h, mentor, members, team };
    }

    it('lets the mentor validate a complete team and records it in the audit log', async () => {
      const { mentor, team } = await readyTeam();
      const { validateTeam } = await mentor.client.ok(TEAM_OPS.validate, { teamId: team.id });
      expect(validateTeam.status).toBe('VALIDATED');
      expect(
        await t.factories.count(
          'audit_log',
          `action = 'team.validated' AND entity_id = $1 AND actor_id = $2`,
          [team.id, mentor.id],
        ),
      ).toBe(1);
    });

    it('lets an organizer validate it too', async () => {
      const { team } = await readyTeam({ phase: 'REGISTRATION' });
      expect(
        (await organizer.client.ok(TEAM_OPS.validate, { teamId: team.id })).validateTeam.status,
      ).toBe('VALIDATED');
    });

    it('refuses a team without a mentor, naming `mentor`', async () => {
      const { team } = await readyTeam();
      await t.db.query(`UPDATE teams SET mentor_id = NULL WHERE id = $1`, [team.id]);
      const err = await refuses(
        organizer,
        TEAM_OPS.validate,
        { teamId: team.id },
        'BAD_USER_INPUT',
      );
      expect(Object.keys(err.extensions?.fields ?? {})).toEqual(['mentor']);
    });

    it('refuses too few or too many members, naming `members`', async () => {
      const small = await readyTeam({ size: 1, min: 2 });
      let err = await refuses(
        small.mentor,
        TEAM_OPS.validate,
        { teamId: small.team.id },
        'BAD_USER_INPUT',
      );
      expect(Object.keys(err.extensions?.fields ?? {})).toEqual(['members']);
      const big = await readyTeam({ size: 3, max: 3 });
      await t.db.query(`UPDATE hackathons SET max_team_size = 2 WHERE id = $1`, [big.h.id]);
      err = await refuses(big.mentor, TEAM_OPS.validate, { teamId: big.team.id }, 'BAD_USER_INPUT');
      expect(Object.keys(err.extensions?.fields ?? {})).toEqual(['members']);
    });

    it('refuses a team with a member who is not ACTIVE, naming `members`', async () => {
      const { mentor, members, team } = await readyTeam();
      await t.db.query(`UPDATE users SET status = 'SUSPENDED' WHERE id = $1`, [members[1].id]);
      const err = await refuses(mentor, TEAM_OPS.validate, { teamId: team.id }, 'BAD_USER_INPUT');
      expect(Object.keys(err.extensions?.fields ?? {})).toEqual(['members']);
    });

    it('refuses a member under 15 without parental consent, naming `parentalConsent`', async () => {
      const { mentor, members, team } = await readyTeam();
      await t.db.query(
        `UPDATE users SET birth_year = $2, parental_consent_confirmed = false WHERE id = $1`,
        [members[0].id, thisYear - 14],
      );
      const err = await refuses(mentor, TEAM_OPS.validate, { teamId: team.id }, 'BAD_USER_INPUT');
      expect(Object.keys(err.extensions?.fields ?? {})).toEqual(['parentalConsent']);
      await t.db.query(`UPDATE users SET parental_consent_confirmed = true WHERE id = $1`, [
        members[0].id,
      ]);
      expect(
        (await mentor.client.ok(TEAM_OPS.validate, { teamId: team.id })).validateTeam.status,
      ).toBe('VALIDATED');
    });

    it('names every failing condition at once', async () => {
      const { members, team } = await readyTeam({ size: 1, min: 2 });
      await t.db.query(`UPDATE teams SET mentor_id = NULL WHERE id = $1`, [team.id]);
      await t.db.query(`UPDATE users SET birth_year = $2 WHERE id = $1`, [
        members[0].id,
        thisYear - 12,
      ]);
      const err = await refuses(
        organizer,
        TEAM_OPS.validate,
        { teamId: team.id },
        'BAD_USER_INPUT',
      );
      expect(Object.keys(err.extensions?.fields ?? {}).sort()).toEqual([
        'members',
        'mentor',
        'parentalConsent',
      ]);
    });

    it('refuses a teacher of the school who is not the mentor, and members', async () => {
      const { members, team } = await readyTeam();
      await refuses(
        await t.factories.teacher(school.id),
        TEAM_OPS.validate,
        { teamId: team.id },
        'FORBIDDEN',
      );
      await refuses(members[0], TEAM_OPS.validate, { teamId: team.id }, 'FORBIDDEN');
    });

    it('is PHASE_CLOSED from JUDGING on', async () => {
      const { mentor, team } = await readyTeam({ phase: 'JUDGING' });
      await refuses(mentor, TEAM_OPS.validate, { teamId: team.id }, 'PHASE_CLOSED');
    });
  });

  describe('account deletion', () => {
    const DELETE = `mutation($password: String!) { deleteMyAccount(password: $password) }`;

    it('makes a deleted pupil leave their team in any phase; captaincy passes on; the submission stays', async () => {
      const h = await hackathon({ phase: 'JUDGING' });
      const [a, b] = [await pupil(), await pupil()];
      const team = await createTeam(t, {
        hackathon: h,
        schoolId: school.id,
        memberIds: [a.id, b.id],
        status: 'VALIDATED',
      });
      await t.db.query(
        `INSERT INTO submissions (team_id, hackathon_id, title, summary, description, status) VALUES ($1, $2, 'Projet', 'Résumé', 'Texte', 'SUBMITTED')`,
        [team.id, h.id],
      );
      await a.client.ok(DELETE, { password: a.password });
      expect(await teamMembers(t, team.id)).toEqual([{ user_id: b.id, captain: true }]);
      // Judging goes on: the team stays VALIDATED after BUILDING.
      expect(await teamStatus(t, team.id)).toBe('VALIDATED');
      expect(await t.factories.count('submissions', 'team_id = $1', [team.id])).toBe(1);
    });

    it('withdraws a team whose last member deletes their account', async () => {
      const h = await hackathon({ phase: 'RESULTS' });
      const a = await pupil();
      const team = await createTeam(t, { hackathon: h, schoolId: school.id, memberIds: [a.id] });
      await a.client.ok(DELETE, { password: a.password });
      expect(await teamStatus(t, team.id)).toBe('WITHDRAWN');
    });

    it('sends a VALIDATED team back to FORMING while it can still be validated again', async () => {
      const h = await hackathon({ phase: 'BUILDING' });
      const [a, b] = [await pupil(), await pupil()];
      const team = await createTeam(t, {
        hackathon: h,
        schoolId: school.id,
        memberIds: [a.id, b.id],
        status: 'VALIDATED',
      });
      await b.client.ok(DELETE, { password: b.password });
      expect(await teamStatus(t, team.id)).toBe('FORMING');
      expect(await teamMembers(t, team.id)).toEqual([{ user_id: a.id, captain: true }]);
    });
  });

  describe('queries', () => {
    const TEAMS = `query($h: ID!, $first: Int, $after: String) { teams(hackathonId: $h, first: $first, after: $after) { id name school { id } } }`;

    it('myTeams lists the pupil’s teams and the teacher’s mentored teams', async () => {
      const [h1, h2] = [await hackathon(), await hackathon()];
      const p = await pupil();
      const mentor = await t.factories.teacher(school.id);
      const t1 = await createTeam(t, {
        hackathon: h1,
        schoolId: school.id,
        memberIds: [p.id],
        mentorId: mentor.id,
      });
      const t2 = await createTeam(t, { hackathon: h2, schoolId: school.id, memberIds: [p.id] });
      const mine = (await p.client.ok(`{ myTeams { id inviteCode } }`)).myTeams;
      expect(mine.map((x: { id: string }) => x.id).sort()).toEqual([t1.id, t2.id].sort());
      expect(mine.every((x: { inviteCode: string }) => !!x.inviteCode)).toBe(true);
      expect((await mentor.client.ok(`{ myTeams { id } }`)).myTeams).toEqual([{ id: t1.id }]);
      expect((await (await pupil()).client.ok(`{ myTeams { id } }`)).myTeams).toEqual([]);
    });

    it('teams: organizers see all, teachers their school’s, others FORBIDDEN', async () => {
      const h = await hackathon();
      const mine = await createTeam(t, {
        hackathon: h,
        schoolId: school.id,
        name: 'Alpha',
        memberIds: [(await pupil()).id],
      });
      const theirs = await createTeam(t, {
        hackathon: h,
        schoolId: lycee.id,
        name: 'Beta',
        memberIds: [(await pupil(lycee.id)).id],
      });
      expect(
        (await organizer.client.ok(TEAMS, { h: h.id })).teams.map((x: { id: string }) => x.id),
      ).toEqual([mine.id, theirs.id]);
      const teacher = await t.factories.teacher(school.id);
      expect(
        (await teacher.client.ok(TEAMS, { h: h.id })).teams.map((x: { id: string }) => x.id),
      ).toEqual([mine.id]);
      for (const user of [
        await pupil(),
        await t.factories.juror(),
        await t.factories.teacher(school.id, { status: 'PENDING' }),
      ]) {
        expect(await user.client.code(TEAMS, { h: h.id })).toBe('FORBIDDEN');
      }
      expect(await t.client.code(TEAMS, { h: h.id })).toBe('UNAUTHENTICATED');
      expect(
        await organizer.client.code(TEAMS, { h: '00000000-0000-4000-8000-000000000000' }),
      ).toBe('NOT_FOUND');
    });

    it('teams pages by name with a stable cursor, 1 to 100 at a time', async () => {
      const h = await hackathon();
      const names = ['Delta', 'alpha', 'Charlie', 'Bravo', 'Echo'];
      for (const name of names) await createTeam(t, { hackathon: h, schoolId: school.id, name });
      const all = (await organizer.client.ok(TEAMS, { h: h.id })).teams;
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: { id: string; name: string }[] = (
          await organizer.client.ok(TEAMS, { h: h.id, first: 2, after })
        ).teams;
        if (!page.length) break;
        expect(page.length).toBeLessThanOrEqual(2);
        seen.push(...page.map((x) => x.id));
        after = page[page.length - 1].id;
      }
      expect(seen).toEqual(all.map((x: { id: string }) => x.id));
      expect(new Set(seen).size).toBe(5);
      for (const first of [0, 101]) {
        const err = await organizer.client.fails(TEAMS, { h: h.id, first });
        expect(err.extensions?.code).toBe('BAD_USER_INPUT');
        expect(err.extensions?.fields).toHaveProperty('first');
      }
    });
  });
});
