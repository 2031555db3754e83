// No N+1: listing a hackathon's teams with their relations sends the same number of SQL statements
// for 10 teams as for 100, members, mentor, school and submission (with its feedback) included;
// one team's page costs a fixed, small number of statements.
import { createHackathon, createTestApp, HackathonRow, TestApp, TestUser } from '@ensemble/testing';

const TEAMS_WITH_RELATIONS = `query($h: ID!) {
  teams(hackathonId: $h, first: 100) {
    id name status inviteCode
    members { captain joinedAt user { displayName school { name } } }
    mentor { displayName }
    school { name }
    hackathon { title }
    track { name }
    submission { title version status feedback { body author { displayName } } }
  }
}`;

describe('teams(hackathonId) without N+1', () => {
  let t: TestApp;
  let organizer: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    organizer = await t.factories.organizer();
  });
  afterAll(() => t.close());

  /** `count` teams of 3 pupils over 3 schools, each with a mentor, written in a few statements. */
  async function hackathonWithTeams(count: number): Promise<HackathonRow> {
    const h = await createHackathon(t, { tracks: 3 });
    const schools = [
      await t.factories.school(),
      await t.factories.school({ level: 'LYCEE' }),
      await t.factories.school(),
    ];
    const mentors = await Promise.all(schools.map((s) => t.factories.teacher(s.id)));
    await t.db.query(
      `INSERT INTO teams (hackathon_id, track_id, school_id, category, name, invite_code, mentor_id)
       SELECT $1, ($2::uuid[])[1 + i % 3], ($3::uuid[])[1 + i % 3], s.level, 'Team ' || lpad(i::text, 4, '0'),
              upper(substr(md5(random()::text || i), 1, 10)), ($4::uuid[])[1 + i % 3]
         FROM generate_series(0, $5 - 1) AS i
         JOIN schools s ON s.id = ($3::uuid[])[1 + i % 3]`,
      [h.id, h.trackIds, schools.map((s) => s.id), mentors.map((m) => m.id), count],
    );
    // Three pupils per team (the first one captain), users and memberships in one statement.
    await t.db.query(
      `WITH slots AS (
         SELECT t.id AS team_id, t.school_id, k, gen_random_uuid() AS user_id
           FROM teams t CROSS JOIN generate_series(1, 3) AS k
          WHERE t.hackathon_id = $1
       ), pupils AS (
         INSERT INTO users (id, role, status, email, first_name, last_name, birth_year, school_id)
         SELECT user_id, 'PUPIL', 'ACTIVE', 'n1-' || user_id || '@test.fr', 'Élève' || k, 'Nom', 2010, school_id FROM slots
         RETURNING id
       )
       INSERT INTO team_members (team_id, user_id, hackathon_id, captain, joined_at)
       SELECT team_id, user_id, $1, k = 1, now() + make_interval(secs => k) FROM slots`,
      [h.id],
    );
    // A submission per team, each with one piece of feedback from its mentor.
    await t.db.query(
      `WITH subs AS (
         INSERT INTO submissions (team_id, hackathon_id, title, summary, description)
         SELECT id, hackathon_id, 'Projet ' || name, 'Résumé', 'Description' FROM teams WHERE hackathon_id = $1
         RETURNING id, team_id
       )
       INSERT INTO feedback (submission_id, author_id, body)
       SELECT subs.id, t.mentor_id, 'Bravo' FROM subs JOIN teams t ON t.id = subs.team_id`,
      [h.id],
    );
    return h;
  }

  it('sends as many statements for 100 teams as for 10', async () => {
    const small = await hackathonWithTeams(10);
    const large = await hackathonWithTeams(100);
    const run = (h: HackathonRow) =>
      t.sql.measure(() => organizer.client.ok(TEAMS_WITH_RELATIONS, { h: h.id }));
    const few = await run(small);
    const many = await run(large);
    expect(few.result.teams).toHaveLength(10);
    expect(many.result.teams).toHaveLength(100);
    expect(many.result.teams[0].members).toHaveLength(3);
    expect(many.result.teams[0].mentor.displayName).toBeTruthy();
    expect(many.result.teams[0].submission.feedback).toEqual([
      { body: 'Bravo', author: { displayName: expect.any(String) } },
    ]);
    expect(many.count).toBe(few.count);
    expect(few.count).toBeLessThanOrEqual(14);
  });

  it('reads a team page in 2 statements: the viewer, then the team with its school, track, mentor, members, submission and feedback', async () => {
    const h = await hackathonWithTeams(1);
    const [{ id }] = await t.db.query(`SELECT id FROM teams WHERE hackathon_id = $1`, [h.id]);
    const page = (selection: string, fragments = '') => `query($id: ID!) {
      team(id: $id) { id name inviteCode school { name } track { name } mentor { displayName }
        members { captain joinedAt user { id displayName } } ${selection} } } ${fragments}`;
    const direct = await t.sql.measure(() =>
      organizer.client.ok(page('submission { title feedback { body author { displayName } } }'), {
        id,
      }),
    );
    const viaFragment = await t.sql.measure(() =>
      organizer.client.ok(
        page('...Project', 'fragment Project on Team { submission { title feedback { body } } }'),
        { id },
      ),
    );
    expect(direct.result.team.submission.feedback).toEqual([
      { body: 'Bravo', author: { displayName: expect.any(String) } },
    ]);
    expect(direct.result.team.members).toHaveLength(3);
    expect(viaFragment.result.team.submission.title).toMatch(/^Projet /);
    expect(direct.count).toBe(2);
    expect(viaFragment.count).toBe(2);
    // What the page reads as JSON inside the team's statement (members, feedback) is what the
    // teams list reads with its own statements: same order, same users, same instants to the ms.
    await t.db.query(
      `INSERT INTO feedback (submission_id, author_id, body, created_at)
       SELECT s.id, t.mentor_id, 'Premier', now() - interval '1 day'
         FROM submissions s JOIN teams t ON t.id = s.team_id WHERE s.team_id = $1`,
      [id],
    );
    const fields = `members { captain joinedAt user { id displayName } }
      submission { id feedback { id body createdAt author { displayName } } }`;
    const onPage = await t.sql.measure(() =>
      organizer.client.ok(`query($id: ID!) { team(id: $id) { ${fields} } }`, { id }),
    );
    const listed = await organizer.client.ok<{ teams: { id: string }[] }>(
      `query($h: ID!) { teams(hackathonId: $h) { id ${fields} } }`,
      { h: h.id },
    );
    expect(onPage.count).toBe(2);
    expect({ id, ...onPage.result.team }).toEqual(listed.teams.find((x) => x.id === id));
    expect(onPage.result.team.members.map((m: { captain: boolean }) => m.captain)).toEqual([
      true,
      false,
      false,
    ]);
    expect(onPage.result.team.submission.feedback.map((f: { body: string }) => f.body)).toEqual([
      'Premier',
      'Bravo',
    ]);
  });
});
