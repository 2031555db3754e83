import { createHackathon, createTestApp, SchoolRow, TestApp, TestUser } from '@ensemble/testing';

const FIELDS = `id slug title description phase registrationClosesAt submissionDeadline minTeamSize maxTeamSize`;
const CREATE = `mutation($input: HackathonInput!) { createHackathon(input: $input) { ${FIELDS} tracks { id } criteria { id } teamCount } }`;
const UPDATE = `mutation($id: ID!, $input: HackathonInput!) { updateHackathon(id: $id, input: $input) { ${FIELDS} } }`;
const ADD_TRACK = `mutation($h: ID!, $input: TrackInput!) { addTrack(hackathonId: $h, input: $input) { id name description } }`;
const ADD_CRITERION = `mutation($h: ID!, $input: CriterionInput!) { addCriterion(hackathonId: $h, input: $input) { id name weight maxScore } }`;
const ONE_BY_ID = `query($id: ID) { hackathon(id: $id) { id slug phase } }`;
const ONE_BY_SLUG = `query($slug: String) { hackathon(slug: $slug) { id slug } }`;
const LIST = `{ hackathons { id phase } }`;
const LIST_DEEP = `{ hackathons { id tracks { id name } criteria { id name weight maxScore } teamCount } }`;

const DAY = 86_400_000;

describe('hackathons: organisation', () => {
  let t: TestApp;
  let organizer: TestUser;
  let school: SchoolRow;
  let seq = 0;

  beforeAll(async () => {
    t = await createTestApp();
    organizer = await t.factories.organizer();
    school = await t.factories.school();
  });
  afterAll(() => t.close());

  const input = (over: Record<string, unknown> = {}) => ({
    slug: `hackathon-${Date.now().toString(36)}-${seq++}`,
    title: 'Ensemble contre le harcèlement',
    description: 'Trois semaines pour imaginer des outils contre le harcèlement scolaire.',
    registrationClosesAt: new Date(Date.now() + 7 * DAY).toISOString(),
    submissionDeadline: new Date(Date.now() + 21 * DAY).toISOString(),
    minTeamSize: 2,
    maxTeamSize: 5,
    ...over,
  });
  const hackathonRow = (id: string) =>
    t.db.query(
      `SELECT slug, title, min_team_size, max_team_size, phase FROM hackathons WHERE id = $1`,
      [id],
    );

  describe('createHackathon', () => {
    it('creates a hackathon in DRAFT with no tracks, criteria or teams', async () => {
      const { createHackathon: h } = await organizer.client.ok(CREATE, {
        input: input({ title: '  Ensemble 2026  ' }),
      });
      expect(h).toMatchObject({
        phase: 'DRAFT',
        title: 'Ensemble 2026',
        minTeamSize: 2,
        maxTeamSize: 5,
        tracks: [],
        criteria: [],
        teamCount: 0,
      });
      expect(
        await t.factories.count('audit_log', `action = 'hackathon.create' AND entity_id = $1`, [
          h.id,
        ]),
      ).toBe(1);
    });

    it('is for organizers only', async () => {
      const before = await t.factories.count('hackathons');
      const teacher = await t.factories.teacher(school.id);
      const pupil = await t.factories.pupil(school.id);
      const juror = await t.factories.juror();
      for (const user of [teacher, pupil, juror])
        expect(await user.client.code(CREATE, { input: input() })).toBe('FORBIDDEN');
      expect(await t.client.code(CREATE, { input: input() })).toBe('UNAUTHENTICATED');
      expect(await t.factories.count('hackathons')).toBe(before);
    });

    it('names every bad field at once', async () => {
      const before = await t.factories.count('hackathons');
      const err = await organizer.client.fails(CREATE, {
        input: input({
          slug: 'Not A Slug!',
          title: 'ab',
          description: 'x'.repeat(20_001),
          registrationClosesAt: new Date(Date.now() + 30 * DAY).toISOString(),
          submissionDeadline: new Date(Date.now() + 10 * DAY).toISOString(),
          minTeamSize: 0,
          maxTeamSize: 11,
        }),
      });
      expect(err.extensions?.code).toBe('BAD_USER_INPUT');
      expect(Object.keys(err.extensions?.fields ?? {}).sort()).toEqual(
        [
          'description',
          'maxTeamSize',
          'minTeamSize',
          'registrationClosesAt',
          'slug',
          'title',
        ].sort(),
      );
      expect(await t.factories.count('hackathons')).toBe(before);
    });

    it.each([
      ['a slug shorter than 3 characters', { slug: 'ab' }, 'slug'],
      ['a slug longer than 60 characters', { slug: 'a'.repeat(61) }, 'slug'],
      ['a slug with upper-case letters', { slug: 'Hackathon-2026' }, 'slug'],
      ['a title longer than 200 characters', { title: 'x'.repeat(201) }, 'title'],
      [
        'registration closing after the submission deadline',
        { registrationClosesAt: new Date(Date.now() + 22 * DAY).toISOString() },
        'registrationClosesAt',
      ],
      ['a minimum team size of 0', { minTeamSize: 0 }, 'minTeamSize'],
      ['a minimum team size above the maximum', { minTeamSize: 4, maxTeamSize: 3 }, 'minTeamSize'],
      ['a maximum team size above 10', { maxTeamSize: 11 }, 'maxTeamSize'],
    ])('refuses %s (BAD_USER_INPUT naming the field)', async (_label, over, field) => {
      const before = await t.factories.count('hackathons');
      const err = await organizer.client.fails(CREATE, { input: input(over) });
      expect(err.extensions?.code).toBe('BAD_USER_INPUT');
      expect(Object.keys(err.extensions?.fields ?? {})).toEqual([field]);
      expect(await t.factories.count('hackathons')).toBe(before);
    });

    it('accepts the limits: equal deadlines, teams of exactly 1 to 10, a 3- and a 60-character slug', async () => {
      const at = new Date(Date.now() + 5 * DAY).toISOString();
      await organizer.client.ok(CREATE, {
        input: input({
          registrationClosesAt: at,
          submissionDeadline: at,
          minTeamSize: 1,
          maxTeamSize: 10,
        }),
      });
      await organizer.client.ok(CREATE, {
        input: input({ slug: `x${seq++}`.padEnd(3, '0').slice(0, 3) }),
      });
      await organizer.client.ok(CREATE, {
        input: input({ slug: `${'a'.repeat(50)}-${String(seq++).padStart(9, '0')}` }),
      });
    });

    it('refuses a slug already in use (CONFLICT)', async () => {
      const first = input();
      await organizer.client.ok(CREATE, { input: first });
      const before = await t.factories.count('hackathons');
      expect(await organizer.client.code(CREATE, { input: input({ slug: first.slug }) })).toBe(
        'CONFLICT',
      );
      expect(await t.factories.count('hackathons')).toBe(before);
    });
  });

  describe('updateHackathon', () => {
    it('replaces the settings and records them in the audit log', async () => {
      const h = await createHackathon(t, { phase: 'REGISTRATION' });
      const next = input({ title: 'Nouveau titre', maxTeamSize: 6 });
      const { updateHackathon } = await organizer.client.ok(UPDATE, { id: h.id, input: next });
      expect(updateHackathon).toMatchObject({
        id: h.id,
        slug: next.slug,
        title: 'Nouveau titre',
        maxTeamSize: 6,
        phase: 'REGISTRATION',
      });
      const [audit] = await t.db.query(
        `SELECT before, after FROM audit_log WHERE action = 'hackathon.update' AND entity_id = $1`,
        [h.id],
      );
      expect(audit.before.slug).toBe(h.slug);
      expect(audit.after.slug).toBe(next.slug);
    });

    it('keeps its own slug without a conflict', async () => {
      const h = await createHackathon(t);
      await organizer.client.ok(UPDATE, { id: h.id, input: input({ slug: h.slug }) });
    });

    it('refuses another hackathon’s slug (CONFLICT) and changes nothing', async () => {
      const a = await createHackathon(t);
      const b = await createHackathon(t);
      const before = await hackathonRow(b.id);
      expect(
        await organizer.client.code(UPDATE, { id: b.id, input: input({ slug: a.slug }) }),
      ).toBe('CONFLICT');
      expect(await hackathonRow(b.id)).toEqual(before);
    });

    it('names every bad field at once and changes nothing', async () => {
      const h = await createHackathon(t);
      const before = await hackathonRow(h.id);
      const err = await organizer.client.fails(UPDATE, {
        id: h.id,
        input: input({ slug: '-', minTeamSize: 6, maxTeamSize: 5 }),
      });
      expect(err.extensions?.code).toBe('BAD_USER_INPUT');
      expect(Object.keys(err.extensions?.fields ?? {}).sort()).toEqual(['minTeamSize', 'slug']);
      expect(await hackathonRow(h.id)).toEqual(before);
    });

    it('refuses a maximum team size below the size of an existing team', async () => {
      const h = await createHackathon(t, { maxTeamSize: 4 });
      const [{ id: teamId }] = await t.db.query(
        `INSERT INTO teams (hackathon_id, track_id, school_id, category, name, invite_code) VALUES ($1, $2, $3, 'COLLEGE', 'Les Cigales', $4) RETURNING id`,
        [h.id, h.trackIds[0], school.id, `inv${Date.now().toString(36)}`.slice(0, 16)],
      );
      for (let i = 0; i < 3; i++) {
        const p = await t.factories.pupil(school.id);
        await t.db.query(
          `INSERT INTO team_members (team_id, user_id, hackathon_id, captain) VALUES ($1, $2, $3, $4)`,
          [teamId, p.id, h.id, i === 0],
        );
      }
      const before = await hackathonRow(h.id);
      const err = await organizer.client.fails(UPDATE, {
        id: h.id,
        input: input({ minTeamSize: 1, maxTeamSize: 2 }),
      });
      expect(err.extensions?.code).toBe('BAD_USER_INPUT');
      expect(err.extensions?.fields).toHaveProperty('maxTeamSize');
      expect(await hackathonRow(h.id)).toEqual(before);
      await organizer.client.ok(UPDATE, {
        id: h.id,
        input: input({ minTeamSize: 1, maxTeamSize: 3 }),
      });
    });

    it('refuses any change once ARCHIVED (PHASE_CLOSED)', async () => {
      const h = await createHackathon(t, { phase: 'ARCHIVED' });
      const before = await hackathonRow(h.id);
      expect(await organizer.client.code(UPDATE, { id: h.id, input: input() })).toBe(
        'PHASE_CLOSED',
      );
      expect(await hackathonRow(h.id)).toEqual(before);
    });

    it('answers NOT_FOUND for an unknown hackathon and BAD_USER_INPUT for a malformed id', async () => {
      expect(
        await organizer.client.code(UPDATE, {
          id: '00000000-0000-4000-8000-000000000000',
          input: input(),
        }),
      ).toBe('NOT_FOUND');
      const err = await organizer.client.fails(UPDATE, { id: 'nope', input: input() });
      expect(err.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: { id: expect.any(String) },
      });
    });

    it('is for organizers only', async () => {
      const h = await createHackathon(t);
      const teacher = await t.factories.teacher(school.id);
      expect(await teacher.client.code(UPDATE, { id: h.id, input: input() })).toBe('FORBIDDEN');
    });
  });

  describe('addTrack', () => {
    it('appends tracks in order', async () => {
      const h = await createHackathon(t, { phase: 'DRAFT', tracks: 0 });
      await organizer.client.ok(ADD_TRACK, {
        h: h.id,
        input: { name: 'Prévenir', description: 'Avant' },
      });
      await organizer.client.ok(ADD_TRACK, {
        h: h.id,
        input: { name: 'Agir', description: 'Pendant' },
      });
      const { hackathon } = await organizer.client.ok(
        `query($id: ID) { hackathon(id: $id) { tracks { name } } }`,
        { id: h.id },
      );
      expect(hackathon.tracks.map((x: { name: string }) => x.name)).toEqual(['Prévenir', 'Agir']);
    });

    it('refuses a name already used in the hackathon, ignoring case (CONFLICT)', async () => {
      const h = await createHackathon(t, { tracks: ['Prévenir'] });
      expect(
        await organizer.client.code(ADD_TRACK, {
          h: h.id,
          input: { name: 'PRÉVENIR', description: '' },
        }),
      ).toBe('CONFLICT');
      expect(await t.factories.count('tracks', 'hackathon_id = $1', [h.id])).toBe(1);
      // The same name in another hackathon is fine.
      const other = await createHackathon(t, { tracks: 0 });
      await organizer.client.ok(ADD_TRACK, {
        h: other.id,
        input: { name: 'Prévenir', description: '' },
      });
    });

    it.each([
      ['a one-character name', 'x'],
      ['an 81-character name', 'x'.repeat(81)],
    ])('refuses %s (BAD_USER_INPUT fields.name)', async (_label, name) => {
      const h = await createHackathon(t, { tracks: 0 });
      const err = await organizer.client.fails(ADD_TRACK, {
        h: h.id,
        input: { name, description: '' },
      });
      expect(err.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: { name: expect.any(String) },
      });
      expect(await t.factories.count('tracks', 'hackathon_id = $1', [h.id])).toBe(0);
    });

    it('is allowed in every phase but ARCHIVED (PHASE_CLOSED)', async () => {
      for (const phase of ['DRAFT', 'REGISTRATION', 'BUILDING', 'JUDGING', 'RESULTS'] as const) {
        const h = await createHackathon(t, { phase, tracks: 0 });
        await organizer.client.ok(ADD_TRACK, { h: h.id, input: { name: 'Agir', description: '' } });
      }
      const archived = await createHackathon(t, { phase: 'ARCHIVED', tracks: 0 });
      expect(
        await organizer.client.code(ADD_TRACK, {
          h: archived.id,
          input: { name: 'Agir', description: '' },
        }),
      ).toBe('PHASE_CLOSED');
      expect(await t.factories.count('tracks', 'hackathon_id = $1', [archived.id])).toBe(0);
    });

    it('is for organizers only, and NOT_FOUND for an unknown hackathon', async () => {
      const h = await createHackathon(t, { tracks: 0 });
      const pupil = await t.factories.pupil(school.id);
      expect(
        await pupil.client.code(ADD_TRACK, { h: h.id, input: { name: 'Agir', description: '' } }),
      ).toBe('FORBIDDEN');
      expect(
        await organizer.client.code(ADD_TRACK, {
          h: '00000000-0000-4000-8000-000000000000',
          input: { name: 'Agir', description: '' },
        }),
      ).toBe('NOT_FOUND');
      expect(await t.factories.count('tracks', 'hackathon_id = $1', [h.id])).toBe(0);
    });
  });

  describe('addCriterion', () => {
    const criterion = (over: Record<string, unknown> = {}) => ({
      name: 'Impact',
      description: 'Aide vraiment',
      weight: 2,
      maxScore: 20,
      ...over,
    });

    it('appends criteria in order with their weight and scale', async () => {
      const h = await createHackathon(t, { phase: 'DRAFT', criteria: [] });
      await organizer.client.ok(ADD_CRITERION, { h: h.id, input: criterion({ name: 'Impact' }) });
      await organizer.client.ok(ADD_CRITERION, {
        h: h.id,
        input: criterion({ name: 'Design', weight: 0.5, maxScore: 1 }),
      });
      const { hackathon } = await organizer.client.ok(
        `query($id: ID) { hackathon(id: $id) { criteria { name weight maxScore } } }`,
        { id: h.id },
      );
      expect(hackathon.criteria).toEqual([
        { name: 'Impact', weight: 2, maxScore: 20 },
        { name: 'Design', weight: 0.5, maxScore: 1 },
      ]);
    });

    it.each([
      ['a weight of 0', { weight: 0 }, ['weight']],
      ['a negative weight', { weight: -1 }, ['weight']],
      ['a maxScore of 0', { maxScore: 0 }, ['maxScore']],
      ['a maxScore of 101', { maxScore: 101 }, ['maxScore']],
      ['a one-character name', { name: 'x' }, ['name']],
      [
        'every bad field at once',
        { name: '', weight: 0, maxScore: 500 },
        ['maxScore', 'name', 'weight'],
      ],
    ])('refuses %s (BAD_USER_INPUT)', async (_label, over, fields) => {
      const h = await createHackathon(t, { criteria: [] });
      const err = await organizer.client.fails(ADD_CRITERION, { h: h.id, input: criterion(over) });
      expect(err.extensions?.code).toBe('BAD_USER_INPUT');
      expect(Object.keys(err.extensions?.fields ?? {}).sort()).toEqual(fields);
      expect(await t.factories.count('criteria', 'hackathon_id = $1', [h.id])).toBe(0);
    });

    it('is allowed until BUILDING and refused from JUDGING on (PHASE_CLOSED): existing evaluations would lack it', async () => {
      for (const phase of ['DRAFT', 'REGISTRATION', 'BUILDING'] as const) {
        const h = await createHackathon(t, { phase, criteria: [] });
        await organizer.client.ok(ADD_CRITERION, { h: h.id, input: criterion() });
      }
      for (const phase of ['JUDGING', 'RESULTS', 'ARCHIVED'] as const) {
        const h = await createHackathon(t, { phase, criteria: [] });
        expect(await organizer.client.code(ADD_CRITERION, { h: h.id, input: criterion() })).toBe(
          'PHASE_CLOSED',
        );
        expect(await t.factories.count('criteria', 'hackathon_id = $1', [h.id])).toBe(0);
      }
    });

    it('is for organizers only', async () => {
      const h = await createHackathon(t, { criteria: [] });
      const juror = await t.factories.juror();
      expect(await juror.client.code(ADD_CRITERION, { h: h.id, input: criterion() })).toBe(
        'FORBIDDEN',
      );
      expect(await t.factories.count('criteria', 'hackathon_id = $1', [h.id])).toBe(0);
    });
  });

  describe('reading', () => {
    it('hides a DRAFT hackathon from anonymous visitors, pupils, teachers and jurors', async () => {
      const draft = await createHackathon(t, { phase: 'DRAFT' });
      const open = await createHackathon(t, { phase: 'REGISTRATION' });
      const viewers = [
        t.client,
        (await t.factories.pupil(school.id)).client,
        (await t.factories.teacher(school.id)).client,
        (await t.factories.juror()).client,
      ];
      for (const client of viewers) {
        expect((await client.ok(ONE_BY_ID, { id: draft.id })).hackathon).toBeNull();
        expect((await client.ok(ONE_BY_SLUG, { slug: draft.slug })).hackathon).toBeNull();
        const ids = (await client.ok(LIST)).hackathons.map((h: { id: string }) => h.id);
        expect(ids).not.toContain(draft.id);
        expect(ids).toContain(open.id);
      }
      expect((await organizer.client.ok(ONE_BY_ID, { id: draft.id })).hackathon).toMatchObject({
        id: draft.id,
        phase: 'DRAFT',
      });
      expect(
        (await organizer.client.ok(LIST)).hackathons.map((h: { id: string }) => h.id),
      ).toContain(draft.id);
    });

    it('shows every later phase to everyone, ARCHIVED included', async () => {
      for (const phase of ['REGISTRATION', 'BUILDING', 'JUDGING', 'RESULTS', 'ARCHIVED'] as const) {
        const h = await createHackathon(t, { phase });
        expect((await t.client.ok(ONE_BY_SLUG, { slug: h.slug })).hackathon).toEqual({
          id: h.id,
          slug: h.slug,
        });
      }
    });

    it('answers null for an unknown id or slug', async () => {
      expect(
        (await t.client.ok(ONE_BY_ID, { id: '00000000-0000-4000-8000-000000000000' })).hackathon,
      ).toBeNull();
      expect((await t.client.ok(ONE_BY_SLUG, { slug: 'no-such-hackathon' })).hackathon).toBeNull();
    });

    it('wants exactly one of id and slug', async () => {
      const h = await createHackathon(t);
      expect((await t.client.fails(`{ hackathon { id } }`)).extensions?.code).toBe(
        'BAD_USER_INPUT',
      );
      const both = await t.client.fails(
        `query($id: ID, $slug: String) { hackathon(id: $id, slug: $slug) { id } }`,
        { id: h.id, slug: h.slug },
      );
      expect(both.extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('lists the latest submission deadline first', async () => {
      const later = await createHackathon(t, {
        submissionDeadline: new Date(Date.now() + 400 * DAY),
        registrationClosesAt: new Date(Date.now() + DAY),
      });
      const sooner = await createHackathon(t, {
        submissionDeadline: new Date(Date.now() + 300 * DAY),
        registrationClosesAt: new Date(Date.now() + DAY),
      });
      const ids = (await t.client.ok(LIST)).hackathons.map((h: { id: string }) => h.id);
      expect(ids.indexOf(later.id)).toBeLessThan(ids.indexOf(sooner.id));
      expect(ids.indexOf(later.id)).toBe(0);
    });

    it('counts teams that have not withdrawn', async () => {
      const h = await createHackathon(t);
      for (const [i, status] of ['FORMING', 'VALIDATED', 'WITHDRAWN', 'DISQUALIFIED'].entries()) {
        await t.db.query(
          `INSERT INTO teams (hackathon_id, track_id, school_id, category, name, invite_code, status) VALUES ($1, $2, $3, 'COLLEGE', $4, $5, $6)`,
          [
            h.id,
            h.trackIds[0],
            school.id,
            `Equipe ${i}`,
            `c${i}${Date.now().toString(36)}`.slice(0, 16),
            status,
          ],
        );
      }
      expect(
        (await t.client.ok(`query($id: ID) { hackathon(id: $id) { teamCount } }`, { id: h.id }))
          .hackathon.teamCount,
      ).toBe(3);
    });

    it('loads tracks, criteria and team counts of a whole list in a constant number of statements', async () => {
      for (let i = 0; i < 3; i++) await createHackathon(t, { tracks: 2, criteria: [{}, {}] });
      const few = await t.sql.measure(() => organizer.client.ok(LIST_DEEP));
      for (let i = 0; i < 5; i++) await createHackathon(t, { tracks: 3, criteria: [{}] });
      const many = await t.sql.measure(() => organizer.client.ok(LIST_DEEP));
      expect(many.result.hackathons.length).toBeGreaterThan(few.result.hackathons.length);
      expect(many.count).toBe(few.count);
    });
  });
});
