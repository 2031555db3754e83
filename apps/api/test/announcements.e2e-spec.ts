import { createHackathon, createTestApp, SchoolRow, TestApp, TestUser } from '@ensemble/testing';

const POST = `mutation($h: ID!, $title: String!, $body: String!) {
  postAnnouncement(hackathonId: $h, title: $title, body: $body) { id title body createdAt author { id displayName email } }
}`;
const LIST = `query($h: ID!, $first: Int, $after: String) {
  announcements(hackathonId: $h, first: $first, after: $after) { id title author { displayName email } }
}`;

describe('announcements', () => {
  let t: TestApp;
  let organizer: TestUser;
  let school: SchoolRow;

  beforeAll(async () => {
    t = await createTestApp();
    organizer = await t.factories.organizer({ firstName: 'Nora', lastName: 'Martin' });
    school = await t.factories.school();
  });
  afterAll(() => t.close());

  const count = (hackathonId: string) =>
    t.factories.count('announcements', 'hackathon_id = $1', [hackathonId]);

  describe('postAnnouncement', () => {
    it('posts an announcement signed by the organizer', async () => {
      const h = await createHackathon(t);
      const { postAnnouncement } = await organizer.client.ok(POST, {
        h: h.id,
        title: '  Ouverture  ',
        body: 'Les inscriptions sont ouvertes !',
      });
      expect(postAnnouncement).toMatchObject({
        title: 'Ouverture',
        body: 'Les inscriptions sont ouvertes !',
        author: { id: organizer.id, displayName: 'Nora M.', email: organizer.email },
      });
      expect(await count(h.id)).toBe(1);
    });

    it('is for organizers only', async () => {
      const h = await createHackathon(t);
      for (const user of [
        await t.factories.teacher(school.id),
        await t.factories.pupil(school.id),
        await t.factories.juror(),
      ]) {
        expect(await user.client.code(POST, { h: h.id, title: 'Coucou', body: 'Bonjour' })).toBe(
          'FORBIDDEN',
        );
      }
      expect(await t.client.code(POST, { h: h.id, title: 'Coucou', body: 'Bonjour' })).toBe(
        'UNAUTHENTICATED',
      );
      expect(await count(h.id)).toBe(0);
    });

    it('refuses insults in the title or the body, naming the field', async () => {
      const h = await createHackathon(t);
      const inTitle = await organizer.client.fails(POST, {
        h: h.id,
        title: 'Bande de connards',
        body: 'Bonjour à tous',
      });
      expect(inTitle.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: { title: expect.any(String) },
      });
      expect(inTitle.extensions?.fields).not.toHaveProperty('body');
      const inBody = await organizer.client.fails(POST, {
        h: h.id,
        title: 'Rappel',
        body: 'Ne traitez personne de connasse.',
      });
      expect(inBody.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: { body: expect.any(String) },
      });
      expect(inBody.extensions?.fields).not.toHaveProperty('title');
      expect(await count(h.id)).toBe(0);
    });

    it('names every bad field at once: title 3–200 characters, body not empty', async () => {
      const h = await createHackathon(t);
      const err = await organizer.client.fails(POST, { h: h.id, title: 'ab', body: '   ' });
      expect(err.extensions?.code).toBe('BAD_USER_INPUT');
      expect(Object.keys(err.extensions?.fields ?? {}).sort()).toEqual(['body', 'title']);
      const long = await organizer.client.fails(POST, {
        h: h.id,
        title: 'x'.repeat(201),
        body: 'x'.repeat(10_001),
      });
      expect(Object.keys(long.extensions?.fields ?? {}).sort()).toEqual(['body', 'title']);
      expect(await count(h.id)).toBe(0);
    });

    it('is allowed in every phase but ARCHIVED (PHASE_CLOSED)', async () => {
      for (const phase of ['DRAFT', 'REGISTRATION', 'BUILDING', 'JUDGING', 'RESULTS'] as const) {
        const h = await createHackathon(t, { phase });
        await organizer.client.ok(POST, { h: h.id, title: 'Info', body: 'Bonjour' });
      }
      const archived = await createHackathon(t, { phase: 'ARCHIVED' });
      expect(
        await organizer.client.code(POST, { h: archived.id, title: 'Info', body: 'Bonjour' }),
      ).toBe('PHASE_CLOSED');
      expect(await count(archived.id)).toBe(0);
    });

    it('answers NOT_FOUND for an unknown hackathon', async () => {
      expect(
        await organizer.client.code(POST, {
          h: '00000000-0000-4000-8000-000000000000',
          title: 'Info',
          body: 'Bonjour',
        }),
      ).toBe('NOT_FOUND');
    });
  });

  describe('announcements', () => {
    it('lists them newest first to everyone, the author shown by display name only', async () => {
      const h = await createHackathon(t);
      for (const title of ['Premier', 'Deuxième', 'Troisième'])
        await organizer.client.ok(POST, { h: h.id, title, body: '…' });
      const { announcements } = await t.client.ok(LIST, { h: h.id });
      expect(announcements.map((a: { title: string }) => a.title)).toEqual([
        'Troisième',
        'Deuxième',
        'Premier',
      ]);
      expect(announcements[0].author).toEqual({ displayName: 'Nora M.', email: null });
    });

    it('pages with first and after (the id of the last announcement seen)', async () => {
      const h = await createHackathon(t);
      for (let i = 1; i <= 5; i++)
        await organizer.client.ok(POST, { h: h.id, title: `Message ${i}`, body: '…' });
      const page1 = (await t.client.ok(LIST, { h: h.id, first: 2 })).announcements;
      const page2 = (await t.client.ok(LIST, { h: h.id, first: 2, after: page1[1].id }))
        .announcements;
      const page3 = (await t.client.ok(LIST, { h: h.id, first: 2, after: page2[1].id }))
        .announcements;
      expect([...page1, ...page2, ...page3].map((a: { title: string }) => a.title)).toEqual([
        'Message 5',
        'Message 4',
        'Message 3',
        'Message 2',
        'Message 1',
      ]);
    });

    it('refuses a page size outside 1–100 and a malformed cursor', async () => {
      const h = await createHackathon(t);
      for (const first of [0, 101]) {
        const err = await t.client.fails(LIST, { h: h.id, first });
        expect(err.extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          fields: { first: expect.any(String) },
        });
      }
      const err = await t.client.fails(LIST, { h: h.id, after: 'not-a-cursor' });
      expect(err.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: { after: expect.any(String) },
      });
    });

    it('hides the announcements of a DRAFT hackathon from everyone but organizers (NOT_FOUND)', async () => {
      const draft = await createHackathon(t, { phase: 'DRAFT' });
      await organizer.client.ok(POST, { h: draft.id, title: 'Brouillon', body: '…' });
      for (const client of [
        t.client,
        (await t.factories.pupil(school.id)).client,
        (await t.factories.teacher(school.id)).client,
        (await t.factories.juror()).client,
      ]) {
        expect(await client.code(LIST, { h: draft.id })).toBe('NOT_FOUND');
      }
      expect((await organizer.client.ok(LIST, { h: draft.id })).announcements).toHaveLength(1);
    });

    it('loads the authors of a page in a constant number of statements', async () => {
      const h = await createHackathon(t);
      const others = [await t.factories.organizer(), await t.factories.organizer()];
      await organizer.client.ok(POST, { h: h.id, title: 'Une', body: '…' });
      const one = await t.sql.measure(() => t.client.ok(LIST, { h: h.id }));
      for (const o of others) await o.client.ok(POST, { h: h.id, title: 'Autre', body: '…' });
      const three = await t.sql.measure(() => t.client.ok(LIST, { h: h.id }));
      expect(three.result.announcements).toHaveLength(3);
      expect(three.count).toBe(one.count);
    });
  });
});
