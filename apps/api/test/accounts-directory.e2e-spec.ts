// Organizers' account lists: teachers awaiting validation (`pendingTeachers`) and the search that
// finds anyone to suspend (`users`). Both are paged and closed to everyone but ACTIVE organizers.
import { createTestApp, TestApp, TestUser } from '@ensemble/testing';

const PENDING_TEACHERS = `query($first: Int, $after: ID) {
  pendingTeachers(first: $first, after: $after) { id displayName email firstName role status school { id name } } }`;
const USERS = `query($search: String, $role: Role, $status: AccountStatus, $first: Int, $after: ID) {
  users(search: $search, role: $role, status: $status, first: $first, after: $after) {
    id displayName email firstName lastName login role status } }`;
const VALIDATE_TEACHER = `mutation($id: ID!) { validateTeacher(userId: $id) { id status } }`;
const SUSPEND = `mutation($id: ID!) { suspendUser(userId: $id) { id status } }`;

let sequence = 0;
/** A last name no other test uses, so searches see only this test's accounts. */
const uniqueName = (base: string) =>
  `${base}${(sequence++).toString(36)}x${Date.now().toString(36)}`;

describe('organizers’ account lists', () => {
  let t: TestApp;
  let organizer: TestUser;
  let schoolId: string;

  beforeAll(async () => {
    t = await createTestApp();
    organizer = await t.factories.organizer();
    schoolId = (await t.factories.school()).id;
  });
  afterAll(() => t.close());

  /** Users created one second apart (created_at decides the order of pendingTeachers). */
  async function teachers(
    n: number,
    status: 'PENDING' | 'ACTIVE' = 'PENDING',
  ): Promise<TestUser[]> {
    const made: TestUser[] = [];
    for (let i = 0; i < n; i++) {
      const user = await t.factories.teacher(schoolId, { status, lastName: uniqueName('Prof') });
      await t.db.query(
        `UPDATE users SET created_at = now() - make_interval(secs => $2) WHERE id = $1`,
        [user.id, 1000 - sequence],
      );
      made.push(user);
    }
    return made;
  }

  const pendingIds = async (variables: Record<string, unknown> = {}) =>
    (await organizer.client.ok(PENDING_TEACHERS, { first: 100, ...variables })).pendingTeachers.map(
      (u: { id: string }) => u.id,
    );

  describe('pendingTeachers', () => {
    it('lists PENDING teachers, oldest sign-up first, with what an organizer needs to vet them', async () => {
      const [older, newer] = await teachers(2);
      const active = (await teachers(1, 'ACTIVE'))[0];
      const pupil = await t.factories.pupil(schoolId, { status: 'PENDING' });
      const erased = (await teachers(1))[0];
      await t.db.query(`UPDATE users SET deleted_at = now() WHERE id = $1`, [erased.id]);

      const { pendingTeachers } = await organizer.client.ok(PENDING_TEACHERS, { first: 100 });
      const ids = pendingTeachers.map((u: { id: string }) => u.id);
      expect(ids.indexOf(older.id)).toBeGreaterThanOrEqual(0);
      expect(ids.indexOf(older.id)).toBeLessThan(ids.indexOf(newer.id));
      for (const absent of [active.id, pupil.id, erased.id]) expect(ids).not.toContain(absent);
      expect(pendingTeachers.find((u: { id: string }) => u.id === older.id)).toEqual({
        id: older.id,
        displayName: expect.stringMatching(/^Camille P/),
        email: older.email,
        firstName: 'Camille',
        role: 'TEACHER',
        status: 'PENDING',
        school: { id: schoolId, name: expect.any(String) },
      });
    });

    it('pages with first and after, and drops a teacher once validated', async () => {
      const all = await pendingIds();
      const page1 = await pendingIds({ first: 2 });
      const page2 = await pendingIds({ first: 2, after: page1[1] });
      expect(page1).toEqual(all.slice(0, 2));
      expect(page2).toEqual(all.slice(2, 4));

      await organizer.client.ok(VALIDATE_TEACHER, { id: all[0] });
      expect(await pendingIds()).toEqual(all.slice(1));
    });

    it('answers an empty page after an unknown cursor, and BAD_USER_INPUT for sizes out of 1–100', async () => {
      expect(await pendingIds({ after: '00000000-0000-4000-8000-000000000000' })).toEqual([]);
      for (const first of [0, 101]) {
        const error = await organizer.client.fails(PENDING_TEACHERS, { first });
        expect(error.extensions?.code).toBe('BAD_USER_INPUT');
      }
      expect(await organizer.client.code(PENDING_TEACHERS, { after: 'abc' })).toBe(
        'BAD_USER_INPUT',
      );
    });

    it('is for ACTIVE organizers only', async () => {
      const [pendingTeacher] = await teachers(1);
      const activeTeacher = (await teachers(1, 'ACTIVE'))[0];
      const suspendedOrganizer = await t.factories.organizer({ status: 'SUSPENDED' });
      for (const user of [
        pendingTeacher,
        activeTeacher,
        await t.factories.pupil(schoolId),
        await t.factories.juror(),
        suspendedOrganizer,
      ])
        expect(await user.client.code(PENDING_TEACHERS)).toBe('FORBIDDEN');
      expect(await t.client.code(PENDING_TEACHERS)).toBe('UNAUTHENTICATED');
    });
  });

  describe('users', () => {
    it('finds people by any word of their name, email or login, ignoring case and accents', async () => {
      const family = uniqueName('Benali');
      const ines = await t.factories.pupil(schoolId, { firstName: 'Inès', lastName: family });
      const lina = await t.factories.pupil(schoolId, { firstName: 'Lina', lastName: family });
      await t.db.query(`UPDATE users SET login = $2 WHERE id = $1`, [lina.id, `lina.${family}42`]);

      const search = async (text: string) =>
        (await organizer.client.ok(USERS, { search: text })).users.map((u: { id: string }) => u.id);

      expect(await search(`INES ${family.toLowerCase()}`)).toEqual([ines.id]);
      expect(await search(family)).toEqual([ines.id, lina.id]);
      expect(await search(ines.email.toUpperCase())).toEqual([ines.id]);
      expect(await search(`lina.${family}42`)).toEqual([lina.id]);
      expect(await search(`${family} Zoé`)).toEqual([]);
    });

    it('treats % and _ as plain characters', async () => {
      const family = uniqueName('Percent');
      await t.factories.pupil(schoolId, { lastName: family });
      expect((await organizer.client.ok(USERS, { search: `${family}%` })).users).toEqual([]);
      expect(
        (await organizer.client.ok(USERS, { search: `${family.slice(0, -1)}_` })).users,
      ).toEqual([]);
    });

    it('shows organizers the personal data of whoever they find', async () => {
      const family = uniqueName('Rossi');
      const hugo = await t.factories.pupil(schoolId, { firstName: 'Hugo', lastName: family });
      const { users } = await organizer.client.ok(USERS, { search: family });
      expect(users).toEqual([
        {
          id: hugo.id,
          displayName: `Hugo ${family[0]}.`,
          email: hugo.email,
          firstName: 'Hugo',
          lastName: family,
          login: null,
          role: 'PUPIL',
          status: 'ACTIVE',
        },
      ]);
    });

    it('filters by role and status, and leaves erased accounts out', async () => {
      const family = uniqueName('Martin');
      const pupil = await t.factories.pupil(schoolId, { lastName: family });
      const teacher = await t.factories.teacher(schoolId, { lastName: family, status: 'PENDING' });
      const juror = await t.factories.juror({ lastName: family });
      const erased = await t.factories.pupil(schoolId, { lastName: family });
      await t.db.query(`UPDATE users SET deleted_at = now() WHERE id = $1`, [erased.id]);

      const ids = async (variables: Record<string, unknown>) =>
        (await organizer.client.ok(USERS, { search: family, ...variables })).users
          .map((u: { id: string }) => u.id)
          .sort();
      expect(await ids({})).toEqual([pupil.id, teacher.id, juror.id].sort());
      expect(await ids({ role: 'TEACHER' })).toEqual([teacher.id]);
      expect(await ids({ status: 'PENDING' })).toEqual([teacher.id]);
      expect(await ids({ role: 'PUPIL', status: 'SUSPENDED' })).toEqual([]);
    });

    it('orders by last name then first name and pages with first and after', async () => {
      const stem = uniqueName('Tri');
      const made = [
        await t.factories.pupil(schoolId, { firstName: 'Zoé', lastName: `${stem}a` }),
        await t.factories.pupil(schoolId, { firstName: 'Adam', lastName: `${stem}b` }),
        await t.factories.pupil(schoolId, { firstName: 'Chloé', lastName: `${stem}b` }),
        await t.factories.pupil(schoolId, { firstName: 'Alice', lastName: `${stem}c` }),
      ];
      const page = async (after?: string) =>
        (await organizer.client.ok(USERS, { search: stem, first: 3, after })).users.map(
          (u: { id: string }) => u.id,
        );
      const first = await page();
      const second = await page(first[2]);
      expect([...first, ...second]).toEqual(made.map((u) => u.id));
      expect(second).toHaveLength(1);
    });

    it('finds an account an organizer can then suspend', async () => {
      const family = uniqueName('Suspendu');
      const target = await t.factories.pupil(schoolId, { lastName: family });
      const [found] = (await organizer.client.ok(USERS, { search: family })).users;
      await organizer.client.ok(SUSPEND, { id: found.id });
      const { users } = await organizer.client.ok(USERS, { search: family, status: 'SUSPENDED' });
      expect(users.map((u: { id: string }) => u.id)).toEqual([target.id]);
    });

    it('refuses searches longer than 100 characters and sizes out of 1–100', async () => {
      const error = await organizer.client.fails(USERS, { search: 'a'.repeat(101) });
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error.extensions?.fields).toHaveProperty('search');
      for (const first of [0, 101])
        expect(await organizer.client.code(USERS, { first })).toBe('BAD_USER_INPUT');
    });

    it('is for ACTIVE organizers only', async () => {
      for (const user of [
        await t.factories.pupil(schoolId),
        await t.factories.teacher(schoolId),
        await t.factories.juror(),
        await t.factories.organizer({ status: 'SUSPENDED' }),
      ])
        expect(await user.client.code(USERS, { search: 'Camille' })).toBe('FORBIDDEN');
      expect(await t.client.code(USERS, { search: 'Camille' })).toBe('UNAUTHENTICATED');
    });
  });
});
