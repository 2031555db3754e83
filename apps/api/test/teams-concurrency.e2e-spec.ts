// Races on team membership, fired concurrently against the real database: the state stays consistent.
import {
  createHackathon,
  createTeam,
  createTestApp,
  SchoolRow,
  TEAM_OPS,
  teamMembers,
  teamStatus,
  TestApp,
} from '@ensemble/testing';

const codes = (results: { errors?: { extensions?: { code?: string } }[] }[]) =>
  results.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK').sort();

describe('team races', () => {
  let t: TestApp;
  let school: SchoolRow;

  beforeAll(async () => {
    t = await createTestApp();
    school = await t.factories.school();
  });
  afterAll(() => t.close());

  it('gives the last seat to one of two pupils joining at once; the other gets CONFLICT', async () => {
    for (let round = 0; round < 3; round++) {
      const h = await createHackathon(t, { maxTeamSize: 2 });
      const team = await createTeam(t, {
        hackathon: h,
        schoolId: school.id,
        memberIds: [(await t.factories.pupil(school.id)).id],
      });
      const [a, b] = [await t.factories.pupil(school.id), await t.factories.pupil(school.id)];
      const results = await Promise.all(
        [a, b].map((p) => p.client.request(TEAM_OPS.join, { code: team.inviteCode })),
      );
      expect(codes(results)).toEqual(['CONFLICT', 'OK']);
      expect(await teamMembers(t, team.id)).toHaveLength(2);
    }
  });

  it('creates a single team when a pupil creates two at once, leaving no orphan team', async () => {
    for (let round = 0; round < 3; round++) {
      const h = await createHackathon(t);
      const p = await t.factories.pupil(school.id);
      const results = await Promise.all(
        ['Les Pins', 'Les Chênes'].map((name) =>
          p.client.request(TEAM_OPS.create, {
            input: { hackathonId: h.id, trackId: h.trackIds[0], name },
          }),
        ),
      );
      expect(codes(results)).toEqual(['CONFLICT', 'OK']);
      expect(await t.factories.count('teams', 'hackathon_id = $1', [h.id])).toBe(1);
      expect(
        await t.factories.count('team_members', 'hackathon_id = $1 AND user_id = $2', [h.id, p.id]),
      ).toBe(1);
    }
  });

  it('lets a pupil into only one of two teams joined at once', async () => {
    const h = await createHackathon(t);
    const teams = [
      await createTeam(t, {
        hackathon: h,
        schoolId: school.id,
        memberIds: [(await t.factories.pupil(school.id)).id],
      }),
      await createTeam(t, {
        hackathon: h,
        schoolId: school.id,
        memberIds: [(await t.factories.pupil(school.id)).id],
      }),
    ];
    const p = await t.factories.pupil(school.id);
    const results = await Promise.all(
      teams.map((team) => p.client.request(TEAM_OPS.join, { code: team.inviteCode })),
    );
    expect(codes(results)).toEqual(['CONFLICT', 'OK']);
    expect(
      await t.factories.count('team_members', 'hackathon_id = $1 AND user_id = $2', [h.id, p.id]),
    ).toBe(1);
  });

  it('gives one team to two pupils creating the same name at once', async () => {
    const h = await createHackathon(t);
    const pupils = [await t.factories.pupil(school.id), await t.factories.pupil(school.id)];
    const results = await Promise.all(
      pupils.map((p, i) =>
        p.client.request(TEAM_OPS.create, {
          input: { hackathonId: h.id, trackId: h.trackIds[0], name: i ? 'LES PINS' : 'les pins' },
        }),
      ),
    );
    expect(codes(results)).toEqual(['CONFLICT', 'OK']);
    expect(await t.factories.count('teams', 'hackathon_id = $1', [h.id])).toBe(1);
    expect(await t.factories.count('team_members', 'hackathon_id = $1', [h.id])).toBe(1);
  });

  it('withdraws the team, captain-less and empty, when its last two members leave at once', async () => {
    const h = await createHackathon(t);
    const [a, b] = [await t.factories.pupil(school.id), await t.factories.pupil(school.id)];
    const team = await createTeam(t, {
      hackathon: h,
      schoolId: school.id,
      memberIds: [a.id, b.id],
    });
    const results = await Promise.all(
      [a, b].map((p) => p.client.request(TEAM_OPS.leave, { teamId: team.id })),
    );
    expect(codes(results)).toEqual(['OK', 'OK']);
    expect(await teamMembers(t, team.id)).toEqual([]);
    expect(await teamStatus(t, team.id)).toBe('WITHDRAWN');
  });

  it('keeps exactly one captain when the captain leaves while another member joins', async () => {
    const h = await createHackathon(t);
    const [a, b, c] = [
      await t.factories.pupil(school.id),
      await t.factories.pupil(school.id),
      await t.factories.pupil(school.id),
    ];
    const team = await createTeam(t, {
      hackathon: h,
      schoolId: school.id,
      memberIds: [a.id, b.id],
    });
    const results = await Promise.all([
      a.client.request(TEAM_OPS.leave, { teamId: team.id }),
      c.client.request(TEAM_OPS.join, { code: team.inviteCode }),
    ]);
    expect(codes(results)).toEqual(['OK', 'OK']);
    const members = await teamMembers(t, team.id);
    expect(members.map((m) => m.user_id).sort()).toEqual([b.id, c.id].sort());
    expect(members.filter((m) => m.captain).map((m) => m.user_id)).toEqual([b.id]);
  });
});
