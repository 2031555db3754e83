// npm run db:backup / db:restore: a backup taken, the tables wiped, the backup restored, the same rows back.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHackathon, createTestApp, TestApp } from '@ensemble/testing';

const ROOT = join(__dirname, '..', '..', '..');

function run(script: string, args: string[], databaseUrl: string) {
  const res = spawnSync(process.execPath, [join(ROOT, 'scripts', script), ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
  });
  return { status: res.status, output: `${res.stdout}${res.stderr}` };
}

describe('database backup and restore scripts', () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    t = await createTestApp();
    dir = mkdtempSync(join(tmpdir(), 'ensemble-backup-'));
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const snapshot = async () =>
    JSON.stringify({
      schools: await t.db.query(`SELECT * FROM schools ORDER BY id`),
      users: await t.db.query(`SELECT * FROM users ORDER BY id`),
      hackathons: await t.db.query(`SELECT * FROM hackathons ORDER BY id`),
      tracks: await t.db.query(`SELECT * FROM tracks ORDER BY id`),
      teamMembers: await t.db.query(`SELECT * FROM team_members ORDER BY team_id, user_id`),
      migrations: await t.db.query(`SELECT * FROM migrations ORDER BY id`),
    });

  it('backs up, and after the tables are wiped the restore brings back the same rows', async () => {
    const school = await t.factories.school();
    const pupil = await t.factories.pupil(school.id, { firstName: 'Zoé', lastName: 'Brûlé' });
    const hackathon = await createHackathon(t, { phase: 'REGISTRATION' });
    await t.db.query(
      `INSERT INTO teams (hackathon_id, track_id, school_id, category, name, invite_code)
                      VALUES ($1, $2, $3, 'COLLEGE', 'Les Sauvegardés', 'BACKUPCODE1')`,
      [hackathon.id, hackathon.trackIds[0], school.id],
    );
    await t.db.query(
      `INSERT INTO team_members (team_id, user_id, hackathon_id, captain)
                      SELECT id, $1, hackathon_id, true FROM teams WHERE invite_code = 'BACKUPCODE1'`,
      [pupil.id],
    );
    const before = await snapshot();

    const file = join(dir, 'nested', 'ensemble.dump');
    const backup = run('db-backup.mjs', [file], t.databaseUrl);
    expect({ status: backup.status, output: backup.output }).toMatchObject({ status: 0 });
    expect(statSync(file).size).toBeGreaterThan(0);

    const tables: { tablename: string }[] = await t.db.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = current_schema()`,
    );
    await t.db.query(`TRUNCATE ${tables.map((r) => `"${r.tablename}"`).join(', ')} CASCADE`);
    expect(await t.factories.count('users')).toBe(0);
    expect(await t.factories.count('migrations')).toBe(0);

    const restore = run('db-restore.mjs', [file], t.databaseUrl);
    expect({ status: restore.status, output: restore.output }).toMatchObject({ status: 0 });
    expect(await snapshot()).toEqual(before);
    // The application works on the restored data.
    const { me } = await pupil.client.ok(`{ me { id firstName } }`);
    expect(me).toEqual({ id: pupil.id, firstName: 'Zoé' });
  });

  it('refuses to restore without a file, or from a file that does not exist, changing nothing', async () => {
    const before = await snapshot();
    const none = run('db-restore.mjs', [], t.databaseUrl);
    expect(none.status).toBe(2);
    expect(none.output).toMatch(/Usage/);
    const missing = run('db-restore.mjs', [join(dir, 'nope.dump')], t.databaseUrl);
    expect(missing.status).toBe(2);
    expect(missing.output).toMatch(/No such backup file/);
    expect(await snapshot()).toEqual(before);
  });

  it('fails with a non-zero exit code when the database cannot be reached', () => {
    const url = new URL(t.databaseUrl);
    url.port = '1';
    const res = run('db-backup.mjs', [join(dir, 'never.dump')], url.toString());
    expect(res.status).toBe(1);
    expect(res.output).toMatch(/Backup of .* failed/);
  });
});
