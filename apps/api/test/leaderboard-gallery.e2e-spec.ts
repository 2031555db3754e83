// projectGallery: the judged teams' projects, by team name, a page at a time; public once results are
// published, organizers only before. Pupils appear only as "Lina B.".
import {
  createJudgedTeam,
  createTestApp,
  judgingScenario,
  JudgingScenario,
  JURY_OPS,
  TestApp,
  TestUser,
} from '@ensemble/testing';

const GALLERY = `query($hackathonId: ID!, $first: Int, $after: ID, $category: SchoolLevel, $trackId: ID) {
  projectGallery(hackathonId: $hackathonId, first: $first, after: $after, category: $category, trackId: $trackId) {
    id name category inviteCode track { id name } school { id name }
    members { user { displayName firstName lastName email } }
    submission { title summary description feedback { id } } } }`;

interface GalleryTeam {
  id: string;
  name: string;
  category: string;
  inviteCode: string | null;
  track: { id: string };
  members: { user: Record<string, string | null> }[];
  submission: { title: string; summary: string; feedback: unknown[] } | null;
}

describe('projectGallery', () => {
  let t: TestApp;
  let s: JudgingScenario;
  let lina: TestUser;
  let withPupils: { id: string; name: string };
  const names = ['Delta', 'alpha', 'Charlie', 'Bravo', 'Echo'];

  beforeAll(async () => {
    t = await createTestApp();
    s = await judgingScenario(t, { teamNames: names, schools: 2 });
    lina = await t.factories.pupil(s.schools[0].id, { firstName: 'Lina', lastName: 'Benali' });
    withPupils = await createJudgedTeam(t, {
      hackathon: s.hackathon,
      schoolId: s.schools[0].id,
      name: 'Foxtrot',
      memberIds: [lina.id],
    });
    // Neither a FORMING team nor a DRAFT submission is judged: they stay out of the gallery.
    await createJudgedTeam(t, {
      hackathon: s.hackathon,
      schoolId: s.schools[0].id,
      name: 'Golf (forming)',
      teamStatus: 'FORMING',
    });
    await createJudgedTeam(t, {
      hackathon: s.hackathon,
      schoolId: s.schools[1].id,
      name: 'Hotel (draft)',
      submissionStatus: 'DRAFT',
    });
  });
  afterAll(() => t.close());

  const gallery = async (client = t.client, variables: Record<string, unknown> = {}) =>
    (
      await client.ok<{ projectGallery: GalleryTeam[] }>(GALLERY, {
        hackathonId: s.hackathon.id,
        first: 50,
        ...variables,
      })
    ).projectGallery;

  describe('before publication', () => {
    it('is FORBIDDEN to visitors, pupils, teachers and jurors', async () => {
      expect(await t.client.code(GALLERY, { hackathonId: s.hackathon.id })).toBe('FORBIDDEN');
      for (const user of [lina, await t.factories.teacher(s.schools[0].id), s.jurors[0]])
        expect(await user.client.code(GALLERY, { hackathonId: s.hackathon.id })).toBe('FORBIDDEN');
    });

    it('lets organizers preview it', async () => {
      expect((await gallery(s.organizer.client)).map((team) => team.name)).toEqual([
        'alpha',
        'Bravo',
        'Charlie',
        'Delta',
        'Echo',
        'Foxtrot',
      ]);
    });
  });

  describe('once results are published', () => {
    beforeAll(async () => {
      await s.organizer.client.ok(JURY_OPS.publish, { hackathonId: s.hackathon.id });
    });

    it('shows everyone the judged projects by team name, ignoring case', async () => {
      const teams = await gallery();
      expect(teams.map((team) => team.name)).toEqual([
        'alpha',
        'Bravo',
        'Charlie',
        'Delta',
        'Echo',
        'Foxtrot',
      ]);
      const delta = teams.find((team) => team.name === 'Delta')!;
      expect(delta.submission).toEqual({
        title: 'Projet Delta',
        summary: 'Résumé',
        description: 'Description',
        feedback: [],
      });
      expect(delta.track.id).toBe(s.teams[names.indexOf('Delta')].trackId);
      expect(delta.inviteCode).toBeNull();
    });

    it('shows pupils only as first name and initial', async () => {
      const foxtrot = (await gallery()).find((team) => team.id === withPupils.id)!;
      expect(foxtrot.members).toEqual([
        { user: { displayName: 'Lina B.', firstName: null, lastName: null, email: null } },
      ]);
    });

    it('pages with first and after', async () => {
      const page1 = await gallery(t.client, { first: 4 });
      const page2 = await gallery(t.client, { first: 4, after: page1[3].id });
      expect(page1.map((team) => team.name)).toEqual(['alpha', 'Bravo', 'Charlie', 'Delta']);
      expect(page2.map((team) => team.name)).toEqual(['Echo', 'Foxtrot']);
      expect(await gallery(t.client, { after: page2[1].id })).toEqual([]);
      expect(await gallery(t.client, { after: '00000000-0000-4000-8000-000000000000' })).toEqual(
        [],
      );
    });

    it('filters by category and by track', async () => {
      const collegeSchool = s.schools.find((school) => school.level === 'COLLEGE')!;
      const college = await gallery(t.client, { category: 'COLLEGE' });
      expect(college.length).toBeGreaterThan(0);
      expect(college.every((team) => team.category === 'COLLEGE')).toBe(true);
      expect(college.map((team) => team.name)).toEqual(
        [
          ...s.teams.filter((team) => team.schoolId === collegeSchool.id).map((team) => team.name),
          'Foxtrot',
        ].sort((a, b) => a.localeCompare(b, 'fr', { sensitivity: 'base' })),
      );
      const track = s.hackathon.trackIds[1];
      const byTrack = await gallery(t.client, { trackId: track });
      expect(byTrack.map((team) => team.name)).toEqual(
        s.teams
          .filter((team) => team.trackId === track)
          .map((team) => team.name)
          .sort((a, b) => a.localeCompare(b, 'fr', { sensitivity: 'base' })),
      );
    });

    it('reads a page in the same number of statements whatever its size (no N+1)', async () => {
      // Both pages end with Foxtrot, the team with a pupil, so both read members' accounts.
      const delta = (await gallery()).find((team) => team.name === 'Delta')!;
      const measure = async (variables: Record<string, unknown>) =>
        (await t.sql.measure(() => gallery(t.client, variables))).count;
      expect(await measure({ first: 6 })).toBe(await measure({ first: 2, after: delta.id }));
    });

    it('refuses page sizes out of 1–50 and malformed ids (BAD_USER_INPUT)', async () => {
      for (const variables of [{ first: 0 }, { first: 51 }, { after: 'x' }, { trackId: 'x' }])
        expect(await t.client.code(GALLERY, { hackathonId: s.hackathon.id, ...variables })).toBe(
          'BAD_USER_INPUT',
        );
    });

    it('answers NOT_FOUND for an unknown hackathon', async () => {
      expect(
        await t.client.code(GALLERY, { hackathonId: '00000000-0000-4000-8000-000000000000' }),
      ).toBe('NOT_FOUND');
    });
  });
});
