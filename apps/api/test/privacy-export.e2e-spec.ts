// GDPR export completeness: every (table, column) with a foreign key to users, read from the
// database's own catalogue, must appear in GET /api/me/export for a user who has rows there.
// A new table referencing users fails this test until a row for it is written below (and the
// export shows it).
import { randomBytes } from 'node:crypto';
import { createHackathon, createTeam, createTestApp, TestApp, TestUser } from '@ensemble/testing';

const SECRET_COLUMNS = ['password_hash', 'token_hash', 'code_hash', 'login_key'];

/** Writes, for `u`, at least one row in every table.column below; returns the keys it covers. */
async function populate(t: TestApp, u: TestUser, other: TestUser): Promise<Set<string>> {
  const q = (sql: string, params: unknown[] = []) => t.db.query(sql, params);
  const covered = new Set<string>();
  const one = async (key: string, sql: string, params: unknown[]) => {
    await q(sql, params);
    covered.add(key);
  };
  const hex = () => randomBytes(32).toString('hex');
  const school = await t.factories.school();
  const hackathon = await createHackathon(t, { phase: 'JUDGING', createdBy: u.id });
  covered.add('hackathons.created_by');
  const team = await createTeam(t, {
    hackathon,
    schoolId: school.id,
    memberIds: [u.id],
    mentorId: u.id,
  });
  covered.add('team_members.user_id').add('teams.mentor_id');

  await one(
    'users.consent_confirmed_by',
    `UPDATE users SET consent_confirmed_by = $1, consent_confirmed_at = now() WHERE id = $2`,
    [u.id, other.id],
  );
  await one(
    'refresh_tokens.user_id',
    `INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at) VALUES ($1, gen_random_uuid(), $2, now() + interval '1 day')`,
    [u.id, hex()],
  );
  await one(
    'invitations.created_by',
    `INSERT INTO invitations (code_hash, role, email, created_by, expires_at) VALUES ($1, 'JUROR', 'juror-x@test.fr', $2, now() + interval '1 day')`,
    [hex(), u.id],
  );
  await one(
    'invitations.accepted_by',
    `INSERT INTO invitations (code_hash, role, email, accepted_by, accepted_at, expires_at) VALUES ($1, 'JUROR', NULL, $2, now(), now() + interval '1 day')`,
    [hex(), u.id],
  );
  await one(
    'announcements.author_id',
    `INSERT INTO announcements (hackathon_id, author_id, title, body) VALUES ($1, $2, 'Annonce', 'Texte')`,
    [hackathon.id, u.id],
  );
  const [submission] = await q(
    `INSERT INTO submissions (team_id, hackathon_id, title, summary, description, status) VALUES ($1, $2, 'Projet', 'Résumé', 'Description', 'SUBMITTED') RETURNING id`,
    [team.id, hackathon.id],
  );
  await one(
    'submission_versions.saved_by',
    `INSERT INTO submission_versions (submission_id, version, title, summary, description, saved_by) VALUES ($1, 1, 'Projet', 'Résumé', 'Description', $2)`,
    [submission.id, u.id],
  );
  await one(
    'feedback.author_id',
    `INSERT INTO feedback (submission_id, author_id, body) VALUES ($1, $2, 'Bravo')`,
    [submission.id, u.id],
  );
  await one(
    'help_requests.requested_by',
    `INSERT INTO help_requests (team_id, hackathon_id, school_id, topic, requested_by) VALUES ($1, $2, $3, 'Aide', $4)`,
    [team.id, hackathon.id, school.id, u.id],
  );
  await one(
    'help_requests.claimed_by',
    `INSERT INTO help_requests (team_id, hackathon_id, school_id, topic, status, claimed_by) VALUES ($1, $2, $3, 'Aide', 'CLAIMED', $4)`,
    [team.id, hackathon.id, school.id, u.id],
  );
  const [assignment] = await q(
    `INSERT INTO jury_assignments (hackathon_id, submission_id, juror_id, status) VALUES ($1, $2, $3, 'DONE') RETURNING id`,
    [hackathon.id, submission.id, u.id],
  );
  covered.add('jury_assignments.juror_id');
  await one(
    'evaluations.juror_id',
    `INSERT INTO evaluations (assignment_id, hackathon_id, submission_id, team_id, juror_id, comment, weighted_score) VALUES ($1, $2, $3, $4, $5, 'Bien', 50)`,
    [assignment.id, hackathon.id, submission.id, team.id, u.id],
  );
  await one(
    'audit_log.actor_id',
    `INSERT INTO audit_log (actor_id, action, entity_type) VALUES ($1, 'test.action', 'user')`,
    [u.id],
  );
  await one(
    'leaderboard_juror_stats.juror_id',
    `INSERT INTO leaderboard_juror_stats (hackathon_id, juror_id, n, sum, sum_sq) VALUES ($1, $2, 1, 50, 2500)`,
    [hackathon.id, u.id],
  );
  await one(
    'leaderboard_publications.published_by',
    `INSERT INTO leaderboard_publications (hackathon_id, published_by, published_at) VALUES ($1, $2, now())`,
    [hackathon.id, u.id],
  );
  return covered;
}

describe('privacy: the GDPR export covers every table that references users', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('has, for every foreign key to users, the user’s rows in GET /api/me/export (and no secrets)', async () => {
    const school = await t.factories.school();
    const user = await t.factories.pupil(school.id);
    const other = await t.factories.pupil(school.id);
    const covered = await populate(t, user, other);

    const foreignKeys: { table: string; column: string }[] = await t.db.query(`
      SELECT cl.relname AS "table", att.attname AS "column"
        FROM pg_constraint con
        JOIN pg_class cl ON cl.oid = con.conrelid
        JOIN pg_namespace ns ON ns.oid = cl.relnamespace AND ns.nspname = current_schema()
        JOIN LATERAL unnest(con.conkey) AS k(attnum) ON true
        JOIN pg_attribute att ON att.attrelid = con.conrelid AND att.attnum = k.attnum
       WHERE con.contype = 'f' AND con.confrelid = 'users'::regclass
       ORDER BY 1, 2`);
    const keys = foreignKeys.map((fk) => `${fk.table}.${fk.column}`);
    expect(keys.length).toBeGreaterThanOrEqual(15);
    // A new reference to users needs a row in populate() so the export of it is checked.
    expect(keys.filter((k) => !covered.has(k))).toEqual([]);

    const res = await fetch(`${t.baseUrl}/api/me/export`, {
      headers: { authorization: `Bearer ${user.token}` },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body.user.id).toBe(user.id);
    const missing = foreignKeys
      .filter(({ table, column }) => {
        const rows: Record<string, unknown>[] | undefined = body.related?.[`${table}.${column}`];
        return !rows?.some((row) => row[column] === user.id);
      })
      .map((fk) => `${fk.table}.${fk.column}`);
    expect(missing).toEqual([]);

    const secrets = JSON.stringify(body).match(new RegExp(`"(${SECRET_COLUMNS.join('|')})"`, 'g'));
    expect(secrets).toBeNull();
  });

  it('does not include rows of other users', async () => {
    const school = await t.factories.school();
    const user = await t.factories.pupil(school.id);
    const other = await t.factories.pupil(school.id);
    await populate(t, other, user);
    const body = (await (
      await fetch(`${t.baseUrl}/api/me/export`, {
        headers: { authorization: `Bearer ${user.token}` },
      })
    ).json()) as any;
    // `user` only appears as the pupil whose consent `other` confirmed.
    expect(Object.keys(body.related)).toEqual([]);
    expect(body.user.consent_confirmed_by).toBe(other.id);
  });
});
