import { createTestApp, TestApp, TEST_PASSWORD, SchoolRow } from '@ensemble/testing';

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { accessToken refreshToken user { id status role displayName email } } }`;
const LOGIN = `mutation($login: String!, $password: String!) { login(login: $login, password: $password) { accessToken refreshToken user { id } } }`;
const ME = `{ me { id displayName email firstName lastName birthYear status role school { uai } } }`;

describe('accounts', () => {
  let t: TestApp;
  let school: SchoolRow;
  let otherSchool: SchoolRow;

  beforeAll(async () => {
    t = await createTestApp();
    school = await t.factories.school({ level: 'COLLEGE' });
    otherSchool = await t.factories.school({ level: 'LYCEE' });
  });
  afterAll(() => t.close());

  const pupilInput = (over: Record<string, unknown> = {}) => ({
    role: 'PUPIL',
    email: `p${Math.random().toString(36).slice(2)}@test.fr`,
    password: 'Calanques-Sous-Le-Soleil',
    firstName: 'Lina',
    lastName: 'Benali',
    schoolId: school.id,
    birthYear: new Date().getUTCFullYear() - 13,
    ...over,
  });

  describe('register', () => {
    it('creates a PENDING pupil who can see themselves', async () => {
      const { register } = await t.client.ok(REGISTER, { input: pupilInput() });
      expect(register.user).toMatchObject({
        status: 'PENDING',
        role: 'PUPIL',
        displayName: 'Lina B.',
      });
      const { me } = await t.client.as(register.accessToken).ok(ME);
      expect(me).toMatchObject({
        firstName: 'Lina',
        lastName: 'Benali',
        school: { uai: school.uai },
      });
    });

    it('refuses JUROR and ORGANIZER roles', async () => {
      for (const role of ['JUROR', 'ORGANIZER']) {
        const err = await t.client.fails(REGISTER, { input: pupilInput({ role }) });
        expect(err.extensions?.code).toBe('BAD_USER_INPUT');
        expect(err.extensions?.fields).toHaveProperty('role');
      }
    });

    it('names every bad field at once', async () => {
      const err = await t.client.fails(REGISTER, {
        input: pupilInput({ email: 'not-an-email', password: 'short', birthYear: null }),
      });
      expect(err.extensions?.code).toBe('BAD_USER_INPUT');
      expect(Object.keys(err.extensions?.fields ?? {})).toEqual(expect.arrayContaining(['email']));
      const err2 = await t.client.fails(REGISTER, {
        input: pupilInput({ password: 'short', birthYear: null }),
      });
      expect(Object.keys(err2.extensions?.fields ?? {}).sort()).toEqual(['birthYear', 'password']);
    });

    it('refuses one of the most common passwords', async () => {
      const err = await t.client.fails(REGISTER, { input: pupilInput({ password: '1234567890' }) });
      expect(err.extensions?.fields?.password).toMatch(/common/);
    });

    it('treats emails as unique ignoring case', async () => {
      const email = `Case${Date.now()}@Test.fr`;
      await t.client.ok(REGISTER, { input: pupilInput({ email }) });
      const before = await t.factories.count('users');
      expect(
        await t.client.code(REGISTER, { input: pupilInput({ email: email.toLowerCase() }) }),
      ).toBe('CONFLICT');
      expect(await t.factories.count('users')).toBe(before);
    });

    it('answers BAD_USER_INPUT for a malformed school id, never a database error', async () => {
      const err = await t.client.fails(REGISTER, { input: pupilInput({ schoolId: 'not-a-uuid' }) });
      expect(err.extensions?.code).toBe('BAD_USER_INPUT');
      expect(err.extensions?.fields).toHaveProperty('schoolId');
    });
  });

  describe('pending users', () => {
    it('may see me, but every other operation answers FORBIDDEN', async () => {
      const pending = await t.factories.pupil(school.id, { status: 'PENDING' });
      expect((await pending.client.ok(ME)).me.status).toBe('PENDING');
      expect(await pending.client.code(`{ pendingPupils { id } }`)).toBe('FORBIDDEN');
      expect(await pending.client.code(`{ schools { id } }`)).toBe('FORBIDDEN');
    });
  });

  describe('pending and suspended users', () => {
    it('may refresh, log out, export and delete their data', async () => {
      for (const status of ['PENDING', 'SUSPENDED'] as const) {
        const user = await t.factories.pupil(school.id, { status });
        const { login } = await t.client.ok(LOGIN, { login: user.email, password: TEST_PASSWORD });
        const { refreshToken } = await t.client.ok(
          `mutation($r: String!) { refreshToken(refreshToken: $r) { refreshToken } }`,
          { r: login.refreshToken },
        );
        expect(
          (
            await t.client.ok(`mutation($r: String!) { logout(refreshToken: $r) }`, {
              r: refreshToken.refreshToken,
            })
          ).logout,
        ).toBe(true);
        const res = await fetch(`${t.baseUrl}/api/me/export`, {
          headers: { authorization: `Bearer ${login.accessToken}` },
        });
        expect(res.status).toBe(200);
        await t.client
          .as(login.accessToken)
          .ok(`mutation($p: String!) { deleteMyAccount(password: $p) }`, { p: TEST_PASSWORD });
        const [row] = await t.db.query('SELECT deleted_at FROM users WHERE id = $1', [user.id]);
        expect(row.deleted_at).not.toBeNull();
      }
    });
  });

  describe('validatePupil', () => {
    const VALIDATE = `mutation($id: ID!, $c: Boolean!) { validatePupil(userId: $id, parentalConsentConfirmed: $c) { id status parentalConsentConfirmed } }`;

    it('lets a teacher of the same school validate, and the pupil acts at once', async () => {
      const teacher = await t.factories.teacher(school.id);
      const pupil = await t.factories.pupil(school.id, {
        status: 'PENDING',
        birthYear: new Date().getUTCFullYear() - 16,
      });
      expect(await pupil.client.code(`{ schools { id } }`)).toBe('FORBIDDEN');
      const { validatePupil } = await teacher.client.ok(VALIDATE, { id: pupil.id, c: false });
      expect(validatePupil.status).toBe('ACTIVE');
      await pupil.client.ok(`{ schools { id } }`);
    });

    it('refuses a teacher of another school', async () => {
      const teacher = await t.factories.teacher(otherSchool.id);
      const pupil = await t.factories.pupil(school.id, { status: 'PENDING' });
      expect(await teacher.client.code(VALIDATE, { id: pupil.id, c: true })).toBe('FORBIDDEN');
      const [row] = await t.db.query('SELECT status FROM users WHERE id = $1', [pupil.id]);
      expect(row.status).toBe('PENDING');
    });

    it('needs parental consent under 15', async () => {
      const teacher = await t.factories.teacher(school.id);
      const young = await t.factories.pupil(school.id, {
        status: 'PENDING',
        birthYear: t.clock.now().getUTCFullYear() - 14,
      });
      const err = await teacher.client.fails(VALIDATE, { id: young.id, c: false });
      expect(err.extensions?.code).toBe('BAD_USER_INPUT');
      expect(err.extensions?.fields).toHaveProperty('parentalConsentConfirmed');
      const [before] = await t.db.query('SELECT status FROM users WHERE id = $1', [young.id]);
      expect(before.status).toBe('PENDING');
      const { validatePupil } = await teacher.client.ok(VALIDATE, { id: young.id, c: true });
      expect(validatePupil).toMatchObject({ status: 'ACTIVE', parentalConsentConfirmed: true });
      const [row] = await t.db.query('SELECT consent_confirmed_by FROM users WHERE id = $1', [
        young.id,
      ]);
      expect(row.consent_confirmed_by).toBe(teacher.id);
    });

    it('is refused to pupils and PENDING teachers', async () => {
      const pendingTeacher = await t.factories.teacher(school.id, { status: 'PENDING' });
      const pupil = await t.factories.pupil(school.id, { status: 'PENDING' });
      const other = await t.factories.pupil(school.id);
      expect(await pendingTeacher.client.code(VALIDATE, { id: pupil.id, c: true })).toBe(
        'FORBIDDEN',
      );
      expect(await other.client.code(VALIDATE, { id: pupil.id, c: true })).toBe('FORBIDDEN');
    });
  });

  describe('validateTeacher', () => {
    it('lets an organizer activate a teacher, who can act without signing in again', async () => {
      const organizer = await t.factories.organizer();
      const teacher = await t.factories.teacher(school.id, { status: 'PENDING' });
      expect(await teacher.client.code(`{ pendingPupils { id } }`)).toBe('FORBIDDEN');
      await organizer.client.ok(`mutation($id: ID!) { validateTeacher(userId: $id) { status } }`, {
        id: teacher.id,
      });
      await teacher.client.ok(`{ pendingPupils { id } }`);
      const [audit] = await t.db.query(
        `SELECT actor_id, action FROM audit_log WHERE entity_id = $1`,
        [teacher.id],
      );
      expect(audit).toEqual({ actor_id: organizer.id, action: 'teacher.validated' });
    });
    it('is refused to teachers', async () => {
      const teacher = await t.factories.teacher(school.id);
      const other = await t.factories.teacher(school.id, { status: 'PENDING' });
      expect(
        await teacher.client.code(
          `mutation($id: ID!) { validateTeacher(userId: $id) { status } }`,
          { id: other.id },
        ),
      ).toBe('FORBIDDEN');
    });
  });

  describe('who sees what', () => {
    it('hides a pupil’s email and last name from other pupils, jurors and anonymous callers', async () => {
      const teacher = await t.factories.teacher(school.id);
      const pupil = await t.factories.pupil(school.id, {
        status: 'PENDING',
        firstName: 'Zoé',
        lastName: 'Martin',
      });
      const organizer = await t.factories.organizer();
      // Teachers of the school see personal data in pendingPupils; organizers too.
      const { pendingPupils } = await teacher.client.ok(
        `{ pendingPupils { id displayName email lastName birthYear } }`,
      );
      const seen = pendingPupils.find((p: { id: string }) => p.id === pupil.id);
      expect(seen).toMatchObject({ displayName: 'Zoé M.', email: pupil.email, lastName: 'Martin' });
      const all = await organizer.client.ok(`{ pendingPupils { id email } }`);
      expect(all.pendingPupils.find((p: { id: string }) => p.id === pupil.id).email).toBe(
        pupil.email,
      );
    });
  });

  describe('pendingPupils', () => {
    it('lists only the teacher’s school', async () => {
      const teacher = await t.factories.teacher(otherSchool.id);
      const mine = await t.factories.pupil(otherSchool.id, { status: 'PENDING' });
      const notMine = await t.factories.pupil(school.id, { status: 'PENDING' });
      const ids = (await teacher.client.ok(`{ pendingPupils { id } }`)).pendingPupils.map(
        (p: { id: string }) => p.id,
      );
      expect(ids).toContain(mine.id);
      expect(ids).not.toContain(notMine.id);
    });
  });

  describe('createPupilAccounts', () => {
    const CREATE = `mutation($p: [PupilAccountInput!]!) { createPupilAccounts(pupils: $p) { login temporaryPassword user { id status displayName school { id } } } }`;
    it('creates ACTIVE pupils with a generated login and a one-time password that works', async () => {
      const teacher = await t.factories.teacher(school.id);
      const year = new Date().getUTCFullYear();
      const { createPupilAccounts } = await teacher.client.ok(CREATE, {
        p: [
          {
            firstName: 'Inès',
            lastName: 'Roux',
            birthYear: year - 12,
            parentalConsentConfirmed: true,
          },
          {
            firstName: 'Tom',
            lastName: 'Blanc',
            birthYear: year - 15,
            parentalConsentConfirmed: false,
          },
        ],
      });
      expect(createPupilAccounts).toHaveLength(2);
      const [ines] = createPupilAccounts;
      expect(ines.login).toMatch(/^ines\.r\d{4}$/);
      expect(ines.user).toMatchObject({
        status: 'ACTIVE',
        displayName: 'Inès R.',
        school: { id: school.id },
      });
      const { login } = await t.client.ok(LOGIN, {
        login: ines.login.toUpperCase(),
        password: ines.temporaryPassword,
      });
      expect(login.user.id).toBe(ines.user.id);
    });
    it('is refused to pupils', async () => {
      const pupil = await t.factories.pupil(school.id);
      expect(
        await pupil.client.code(CREATE, {
          p: [{ firstName: 'A', lastName: 'B', birthYear: 2012, parentalConsentConfirmed: true }],
        }),
      ).toBe('FORBIDDEN');
    });
  });

  describe('invitations', () => {
    const INVITE = `mutation($role: Role!, $email: String!, $schoolId: ID) { createInvitation(role: $role, email: $email, schoolId: $schoolId) }`;
    const ACCEPT = `mutation($code: String!) { acceptInvitation(code: $code, password: "Jury-De-La-Region-Sud", firstName: "Paul", lastName: "Arnaud") { user { id role status school { id } } } }`;

    it('creates an ACTIVE juror of the invited school, once', async () => {
      const organizer = await t.factories.organizer();
      const { createInvitation: code } = await organizer.client.ok(INVITE, {
        role: 'JUROR',
        email: `j${Date.now()}@jury.fr`,
        schoolId: school.id,
      });
      const { acceptInvitation } = await t.client.ok(ACCEPT, { code });
      expect(acceptInvitation.user).toMatchObject({
        role: 'JUROR',
        status: 'ACTIVE',
        school: { id: school.id },
      });
      const before = await t.factories.count('users');
      expect(await t.client.code(ACCEPT, { code })).toBe('CONFLICT');
      expect(await t.factories.count('users')).toBe(before);
    });

    it('expires after 14 days', async () => {
      const organizer = await t.factories.organizer();
      const { createInvitation: code } = await organizer.client.ok(INVITE, {
        role: 'ORGANIZER',
        email: `o${Date.now()}@region.fr`,
      });
      t.clock.advance(14 * 24 * 3600 * 1000 + 1000);
      try {
        const err = await t.client.fails(ACCEPT, { code });
        expect(err.extensions?.code).toBe('BAD_USER_INPUT');
        expect(err.extensions?.fields).toHaveProperty('code');
      } finally {
        t.clock.set(new Date());
      }
    });

    it('answers NOT_FOUND for an unknown code and refuses PUPIL invitations', async () => {
      const organizer = await t.factories.organizer();
      expect(await t.client.code(ACCEPT, { code: 'AAAA-BBBB-CCCC-DDDD' })).toBe('NOT_FOUND');
      expect(await organizer.client.code(INVITE, { role: 'PUPIL', email: 'x@y.fr' })).toBe(
        'BAD_USER_INPUT',
      );
    });

    it('is refused to non-organizers', async () => {
      const teacher = await t.factories.teacher(school.id);
      expect(await teacher.client.code(INVITE, { role: 'JUROR', email: 'x@y.fr' })).toBe(
        'FORBIDDEN',
      );
      expect(await t.client.code(INVITE, { role: 'JUROR', email: 'x@y.fr' })).toBe(
        'UNAUTHENTICATED',
      );
    });
  });

  describe('login', () => {
    it('gives the same answer for an unknown login and a wrong password', async () => {
      const pupil = await t.factories.pupil(school.id);
      const a = await t.client.fails(LOGIN, { login: pupil.email, password: 'Wrong-Password-123' });
      const b = await t.client.fails(LOGIN, {
        login: `nobody-${Date.now()}@test.fr`,
        password: 'Wrong-Password-123',
      });
      expect(a.extensions?.code).toBe('UNAUTHENTICATED');
      expect(b.extensions?.code).toBe('UNAUTHENTICATED');
      expect(a.message).toBe(b.message);
    });

    it('locks a login after 5 failures in 15 minutes, even with the right password', async () => {
      const pupil = await t.factories.pupil(school.id);
      for (let i = 0; i < 5; i++) {
        expect(
          await t.client.code(LOGIN, { login: pupil.email, password: `Wrong-Password-${i}` }),
        ).toBe('UNAUTHENTICATED');
      }
      expect(await t.client.code(LOGIN, { login: pupil.email, password: TEST_PASSWORD })).toBe(
        'RATE_LIMITED',
      );
      t.clock.advance(15 * 60 * 1000 + 1000);
      try {
        await t.client.ok(LOGIN, { login: pupil.email, password: TEST_PASSWORD });
      } finally {
        t.clock.set(new Date());
      }
    });

    it('counts aliased attempts: each executed one is a failure of that login', async () => {
      const pupil = await t.factories.pupil(school.id);
      const aliases = Array.from(
        { length: 3 },
        (_, i) => `a${i}: login(login: $l, password: "Wrong-Password-${i}") { accessToken }`,
      ).join('\n');
      // Mutations run one after the other and stop at the first failure of a non-null field,
      // so each request executes one attempt; every executed attempt is counted.
      for (let i = 0; i < 5; i++) {
        const res = await t.client.request(`mutation($l: String!) { ${aliases} }`, {
          l: pupil.email,
        });
        expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
      }
      const res = await t.client.request(
        `mutation($l: String!, $p: String!) { ok: login(login: $l, password: $p) { accessToken } }`,
        { l: pupil.email, p: TEST_PASSWORD },
      );
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['RATE_LIMITED']);
    });
  });

  describe('tokens', () => {
    const REFRESH = `mutation($r: String!) { refreshToken(refreshToken: $r) { accessToken refreshToken } }`;

    it('rotates refresh tokens and revokes the family when a rotated one is reused', async () => {
      const pupil = await t.factories.pupil(school.id);
      const { login } = await t.client.ok(LOGIN, { login: pupil.email, password: TEST_PASSWORD });
      const first = (await t.client.ok(REFRESH, { r: login.refreshToken })).refreshToken
        .refreshToken;
      expect(first).not.toBe(login.refreshToken);
      // The old token was rotated: reusing it closes the whole family, including `first`.
      expect(await t.client.code(REFRESH, { r: login.refreshToken })).toBe('UNAUTHENTICATED');
      const err = await t.client.fails(REFRESH, { r: first });
      expect(err).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    });

    it('refresh tokens live 30 days', async () => {
      const pupil = await t.factories.pupil(school.id);
      const { login } = await t.client.ok(LOGIN, { login: pupil.email, password: TEST_PASSWORD });
      t.clock.advance(29 * 24 * 3600 * 1000);
      let fresh: string;
      try {
        fresh = (await t.client.ok(REFRESH, { r: login.refreshToken })).refreshToken.refreshToken;
        t.clock.advance(30 * 24 * 3600 * 1000 + 1000);
        expect(await t.client.code(REFRESH, { r: fresh })).toBe('UNAUTHENTICATED');
      } finally {
        t.clock.set(new Date());
      }
    });

    it('logout revokes the refresh token', async () => {
      const pupil = await t.factories.pupil(school.id);
      const { login } = await t.client.ok(LOGIN, { login: pupil.email, password: TEST_PASSWORD });
      expect(
        (
          await t.client.ok(`mutation($r: String!) { logout(refreshToken: $r) }`, {
            r: login.refreshToken,
          })
        ).logout,
      ).toBe(true);
      expect(await t.client.code(REFRESH, { r: login.refreshToken })).toBe('UNAUTHENTICATED');
    });

    it('access tokens expire after 15 minutes', async () => {
      const pupil = await t.factories.pupil(school.id);
      t.clock.advance(15 * 60 * 1000 + 1000);
      try {
        expect(await pupil.client.code(ME)).toBe('UNAUTHENTICATED');
      } finally {
        t.clock.set(new Date());
      }
    });

    it('a token already in use (its verification remembered) still expires after 15 minutes', async () => {
      const pupil = await t.factories.pupil(school.id);
      expect((await pupil.client.ok(ME)).me.id).toBe(pupil.id);
      t.clock.advance(15 * 60 * 1000 - 1000);
      expect((await pupil.client.ok(ME)).me.id).toBe(pupil.id);
      t.clock.advance(2000);
      try {
        expect(await pupil.client.code(ME)).toBe('UNAUTHENTICATED');
      } finally {
        t.clock.set(new Date());
      }
    });

    it('refuses tokens signed with another algorithm or secret', async () => {
      const [h, p] = (await t.factories.pupil(school.id)).token.split('.');
      const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${p}.`;
      expect(await t.client.as(none).code(ME)).toBe('UNAUTHENTICATED');
      expect(await t.client.as(`${h}.${p}.forged`).code(ME)).toBe('UNAUTHENTICATED');
    });

    it('suspension kills live tokens at once', async () => {
      const organizer = await t.factories.organizer();
      const pupil = await t.factories.pupil(school.id);
      await pupil.client.ok(ME);
      await organizer.client.ok(`mutation($id: ID!) { suspendUser(userId: $id) { status } }`, {
        id: pupil.id,
      });
      expect(await pupil.client.code(ME)).toBe('UNAUTHENTICATED');
    });
  });

  describe('deleteMyAccount and export', () => {
    it('exports the caller’s personal data as a JSON download', async () => {
      const pupil = await t.factories.pupil(school.id, { firstName: 'Nora', lastName: 'Petit' });
      const res = await fetch(`${t.baseUrl}/api/me/export`, {
        headers: { authorization: `Bearer ${pupil.token}` },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toMatch(/attachment/);
      const body = (await res.json()) as { user: Record<string, unknown>; school: { id: string } };
      expect(body.user).toMatchObject({
        id: pupil.id,
        email: pupil.email,
        first_name: 'Nora',
        last_name: 'Petit',
      });
      expect(body.user).not.toHaveProperty('password_hash');
      expect(body.school.id).toBe(school.id);
      expect((await fetch(`${t.baseUrl}/api/me/export`)).status).toBe(401);
    });

    it('erases name, email, birth year and credentials, leaving "Compte supprimé"', async () => {
      const pupil = await t.factories.pupil(school.id, {
        firstName: 'Yanis',
        lastName: 'Zerbib-Unique',
      });
      const wrong = await pupil.client.fails(
        `mutation { deleteMyAccount(password: "not-my-password") }`,
      );
      expect(wrong.extensions?.code).toBe('BAD_USER_INPUT');
      await pupil.client.ok(`mutation($p: String!) { deleteMyAccount(password: $p) }`, {
        p: TEST_PASSWORD,
      });
      expect(await pupil.client.code(ME)).toBe('UNAUTHENTICATED');
      expect(await t.client.code(LOGIN, { login: pupil.email, password: TEST_PASSWORD })).toBe(
        'UNAUTHENTICATED',
      );
      // No column of any table still holds the email or the last name.
      const columns: { table_name: string; column_name: string }[] = await t.db.query(
        `SELECT table_name, column_name FROM information_schema.columns
         WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying', 'character', 'jsonb')`,
      );
      for (const { table_name, column_name } of columns) {
        const hits = await t.db.query(
          `SELECT 1 FROM "${table_name}" WHERE "${column_name}"::text ILIKE $1 OR "${column_name}"::text ILIKE $2 LIMIT 1`,
          [`%${pupil.email}%`, '%Zerbib-Unique%'],
        );
        expect({ table_name, column_name, hits: hits.length }).toEqual({
          table_name,
          column_name,
          hits: 0,
        });
      }
      const [row] = await t.db.query(
        'SELECT first_name, birth_year, password_hash, deleted_at FROM users WHERE id = $1',
        [pupil.id],
      );
      expect(row).toMatchObject({ first_name: null, birth_year: null, password_hash: null });
      expect(row.deleted_at).not.toBeNull();
    });
  });
});
