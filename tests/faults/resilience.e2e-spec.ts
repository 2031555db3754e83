// Fault tests on the built API as a real process: database outage, SIGTERM and kill -9 under load.
// One file so the scenarios run one after the other (their timings must not compete for the CPU).
import {
  ADMIN_EMAIL,
  ApiProcess,
  baseDatabaseUrl,
  CREATE_SCHOOL,
  freshDatabase,
  gql,
  GqlResult,
  hashedPassword,
  httpStatus,
  login,
  requireBuild,
  schoolInput,
  sleep,
  sql,
  startApi,
  succeeded,
  TcpProxy,
  uniqueUai,
  withDatabase,
} from './support';
import { databaseInvariantViolations } from '@ensemble/testing/invariants';

/** How long the database stays unreachable (the issue asks for 20 s). */
const OUTAGE_MS = Number(process.env.FAULT_DB_OUTAGE_MS ?? 20_000);
const RECOVERY_LIMIT_MS = 10_000;
// Also set by the "faults" Jest project; repeated here so the file runs the same under any config.
jest.setTimeout(OUTAGE_MS + 100_000);

interface Attempt {
  started: number;
  ended: number;
  ok: boolean;
  uai: string;
  result: GqlResult;
}

describe('fault tolerance of the built API', () => {
  beforeAll(() => requireBuild());

  describe('PostgreSQL unreachable for a while under a steady load of mutations', () => {
    let db: Awaited<ReturnType<typeof freshDatabase>> | undefined;
    let api: ApiProcess | undefined;
    let proxy: TcpProxy | undefined;
    afterAll(async () => {
      await api?.stop();
      await proxy?.close();
      await db?.drop();
    });

    it(`stays up, answers 503 on /health/ready during the outage and 200 after, accepts mutations within ${RECOVERY_LIMIT_MS / 1000} s of the restore, and keeps every acknowledged write`, async () => {
      db = await freshDatabase();
      const target = new URL(baseDatabaseUrl());
      proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
      await proxy.start();
      api = await startApi(withDatabase(baseDatabaseUrl(), db.name, proxy.port));
      const token = await login(api.baseUrl, ADMIN_EMAIL);

      const attempts: Attempt[] = [];
      const readiness: { at: number; status: number }[] = [];
      let running = true;
      const worker = async () => {
        while (running) {
          const uai = uniqueUai();
          const started = Date.now();
          const result = await gql(
            api!.baseUrl,
            CREATE_SCHOOL,
            { input: schoolInput(uai) },
            token,
            15_000,
          );
          attempts.push({ started, ended: Date.now(), ok: succeeded(result), uai, result });
          await sleep(250);
        }
      };
      const poller = async () => {
        while (running) {
          const at = Date.now();
          readiness.push({ at, status: await httpStatus(`${api!.baseUrl}/health/ready`, 4000) });
          await sleep(250);
        }
      };
      const load = Promise.all([worker(), worker(), poller()]);

      await sleep(3000);
      const cutAt = Date.now();
      await proxy.cut();
      await sleep(OUTAGE_MS);
      expect(api.alive()).toBe(true);
      const restoredAt = Date.now();
      await proxy.restore();

      // Keep the load going until a mutation started after the restore succeeds (or the limit is long past).
      const recoveredBy = () => attempts.find((a) => a.ok && a.started >= restoredAt);
      while (!recoveredBy() && Date.now() < restoredAt + RECOVERY_LIMIT_MS + 5000) await sleep(100);
      await sleep(2000);
      running = false;
      await load;

      const context = () =>
        `\nreadiness: ${JSON.stringify(readiness.map((r) => [r.at - cutAt, r.status]))}` +
        `\nattempts: ${JSON.stringify(attempts.map((a) => [a.started - cutAt, a.ended - cutAt, a.ok]))}` +
        `\nAPI output:\n${api!.output().slice(-4000)}`;

      expect(api.alive()).toBe(true);
      // Before the cut the load went through.
      expect(attempts.filter((a) => a.ok && a.ended < cutAt).length).toBeGreaterThan(0);
      // During the outage readiness said 503 (a load balancer takes the instance out)…
      const during = readiness.filter((r) => r.at > cutAt + 3000 && r.at < restoredAt);
      expect({ during: during.map((r) => r.status), ctx: context() }).toMatchObject({
        during: expect.arrayContaining([503]),
      });
      // Never ready meanwhile: each probe got 503, or no answer within its 4 s (a probe that times
      // out also takes the instance out; on a loaded CI machine the 2 s ping check can run late).
      expect({ during: during.map((r) => r.status), ctx: context() }).toMatchObject({
        during: during.map((r) => (r.status === 0 ? 0 : 503)),
      });
      // …and mutations were refused rather than silently accepted or hung forever.
      const refused = attempts.filter((a) => a.started > cutAt + 1000 && a.ended < restoredAt);
      expect(refused.length).toBeGreaterThan(0);
      expect(refused.every((a) => !a.ok)).toBe(true);
      // After the restore: ready again and writes again, quickly.
      const recovered = recoveredBy();
      if (!recovered || recovered.ended > restoredAt + RECOVERY_LIMIT_MS) {
        throw new Error(
          `No mutation succeeded within ${RECOVERY_LIMIT_MS} ms of the restore${context()}`,
        );
      }
      expect(readiness.filter((r) => r.at > recovered.ended).some((r) => r.status === 200)).toBe(
        true,
      );
      expect(readiness[readiness.length - 1].status).toBe(200);

      // Every write the client saw acknowledged is in the database (read directly, not through the proxy).
      const acked = attempts.filter((a) => a.ok).map((a) => a.uai);
      const stored: { uai: string }[] = await sql(
        db.url,
        `SELECT uai FROM schools WHERE uai = ANY($1)`,
        [acked],
      );
      expect(new Set(stored.map((r) => r.uai))).toEqual(new Set(acked));
    });
  });

  describe('SIGTERM under load', () => {
    let db: Awaited<ReturnType<typeof freshDatabase>> | undefined;
    let api: ApiProcess | undefined;
    afterAll(async () => {
      await api?.stop();
      await db?.drop();
    });

    it('reports 503 on readiness first, answers every in-flight request, and exits 0 within 10 s', async () => {
      db = await freshDatabase();
      api = await startApi(db.url, { SHUTDOWN_GRACE_MS: '1500' });
      const base = api.baseUrl;
      const token = await login(base, ADMIN_EMAIL);

      const results: { started: number; ended: number; uai?: string; result: GqlResult }[] = [];
      const readiness: { at: number; status: number }[] = [];
      let sigtermAt = Infinity;
      // Like a load balancer: no new requests once readiness is not 200 after the signal.
      let sending = true;
      const send = async (
        query: string,
        vars: Record<string, unknown>,
        uai?: string,
        auth?: string,
      ) => {
        const started = Date.now();
        const result = await gql(base, query, vars, auth, 15_000);
        results.push({ started, ended: Date.now(), uai, result });
      };
      const worker = async () => {
        while (sending) {
          const uai = uniqueUai();
          await send(CREATE_SCHOOL, { input: schoolInput(uai) }, uai, token);
        }
      };
      const poller = async () => {
        while (api!.alive()) {
          const at = Date.now();
          const status = await httpStatus(`${base}/health/ready`, 2000);
          readiness.push({ at, status });
          if (at > sigtermAt && status !== 200) sending = false;
          await sleep(50);
        }
      };
      const pollerDone = poller();
      const workers = Promise.all([worker(), worker(), worker(), worker()]);
      await sleep(1500);

      // Slow requests (password hashing) still running when the signal arrives. Five, not more:
      // attempts on one login reserve a place in its throttle (RULES: 5 failures in 15 min), so a
      // sixth concurrent attempt is refused with RATE_LIMITED by design.
      const LOGIN = `mutation($l: String!, $p: String!) { login(login: $l, password: $p) { accessToken } }`;
      const slow = Array.from({ length: 5 }, () =>
        send(LOGIN, { l: ADMIN_EMAIL, p: 'Correct-Horse-Battery-42' }),
      );
      sigtermAt = Date.now();
      api.proc.kill('SIGTERM');
      const exit = await Promise.race([api.exited, sleep(12_000).then(() => null)]);
      sending = false;
      await Promise.all([workers, pollerDone, ...slow]);

      const context = `\nAPI output:\n${api.output().slice(-4000)}`;
      expect({ exit, context }).toMatchObject({ exit: { code: 0 } });
      expect(exit!.at - sigtermAt).toBeLessThan(10_000);

      // Every request sent (including those in flight at the signal) got a real answer.
      const inFlight = results.filter((r) => r.started <= sigtermAt && r.ended >= sigtermAt);
      expect(inFlight.length).toBeGreaterThanOrEqual(6);
      const unanswered = results.filter((r) => !succeeded(r.result));
      expect(unanswered.map((r) => ({ at: r.started - sigtermAt, ...r.result }))).toEqual([]);

      // Readiness went 503 before the server stopped answering.
      const after = readiness.filter((r) => r.at > sigtermAt);
      const firstNotOk = after.find((r) => r.status !== 200);
      expect(firstNotOk?.status).toBe(503);

      const acked = results.filter((r) => r.uai).map((r) => r.uai!);
      const stored: { uai: string }[] = await sql(
        db.url,
        `SELECT uai FROM schools WHERE uai = ANY($1)`,
        [acked],
      );
      expect(stored).toHaveLength(acked.length);
    });
  });

  describe('kill -9 of the API under team and submission traffic', () => {
    let db: Awaited<ReturnType<typeof freshDatabase>> | undefined;
    let api: ApiProcess | undefined;
    afterAll(async () => {
      await api?.stop();
      await db?.drop();
    });

    it('leaves no half-written team, membership or submission, and the API boots again on the same data', async () => {
      db = await freshDatabase();
      api = await startApi(db.url);
      const base = api.baseUrl;
      const url = db.url;
      const MAX = 3;

      const [school] = await sql(
        url,
        `INSERT INTO schools (uai, name, city, department, level, search_key)
         VALUES ('0130001A', 'Collège Fault', 'Marseille', '13', 'COLLEGE', 'college fault marseille') RETURNING id`,
      );
      const [hackathon] = await sql(
        url,
        `INSERT INTO hackathons (slug, title, description, phase, registration_closes_at, submission_deadline, min_team_size, max_team_size)
         VALUES ('fault-hack', 'Fault hackathon', 'Pannes', 'REGISTRATION', now() + interval '7 days', now() + interval '14 days', 1, $1)
         RETURNING id`,
        [MAX],
      );
      const [track] = await sql(
        url,
        `INSERT INTO tracks (hackathon_id, name, description, position) VALUES ($1, 'Track', 'About', 0) RETURNING id`,
        [hackathon.id],
      );
      const hash = await hashedPassword();
      const pupil = async (i: number) => {
        const email = `pupil-${i}@fault.ensemble.fr`;
        const [row] = await sql(
          url,
          `INSERT INTO users (role, status, email, password_hash, first_name, last_name, birth_year, school_id)
           VALUES ('PUPIL', 'ACTIVE', $1, $2, 'Camille', 'Durand', extract(year from now())::int - 16, $3) RETURNING id`,
          [email, hash, school.id],
        );
        return { id: row.id as string, token: await login(base, email) };
      };
      const movers = await Promise.all(Array.from({ length: 16 }, (_, i) => pupil(i)));
      // Three teams of two whose members keep saving their submission.
      const writers: { token: string; teamId: string }[] = [];
      for (let t = 0; t < 3; t++) {
        const members = [await pupil(100 + 2 * t), await pupil(101 + 2 * t)];
        const [team] = await sql(
          url,
          `INSERT INTO teams (hackathon_id, track_id, school_id, category, name, invite_code, status)
           VALUES ($1, $2, $3, 'COLLEGE', $4, $5, 'FORMING') RETURNING id`,
          [hackathon.id, track.id, school.id, `Writers ${t}`, `WRITERS${t}CODE`],
        );
        for (const [i, m] of members.entries()) {
          await sql(
            url,
            `INSERT INTO team_members (team_id, user_id, hackathon_id, captain) VALUES ($1, $2, $3, $4)`,
            [team.id, m.id, hackathon.id, i === 0],
          );
          writers.push({ token: m.token, teamId: team.id });
        }
      }

      const codes: { id: string; code: string }[] = [];
      let running = true;
      let sequence = 0;
      const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)];
      const mover = async (p: { id: string; token: string }) => {
        let teamId: string | null = null;
        while (running) {
          const roll = Math.random();
          if (teamId && roll < 0.3) {
            const r = await gql(
              base,
              `mutation($t: ID!) { leaveTeam(teamId: $t) }`,
              { t: teamId },
              p.token,
            );
            if (succeeded(r)) teamId = null;
          } else if (!teamId && (roll < 0.6 || codes.length === 0)) {
            const r = await gql(
              base,
              `mutation($input: TeamInput!) { createTeam(input: $input) { id inviteCode } }`,
              {
                input: {
                  hackathonId: hackathon.id,
                  trackId: track.id,
                  name: `Équipe ${sequence++}`,
                },
              },
              p.token,
            );
            if (succeeded(r)) {
              teamId = r.data.createTeam.id;
              codes.push({ id: r.data.createTeam.id, code: r.data.createTeam.inviteCode });
            }
          } else if (!teamId) {
            const team = pick(codes);
            const r = await gql(
              base,
              `mutation($c: String!) { joinTeam(inviteCode: $c) { id } }`,
              { c: team.code },
              p.token,
            );
            if (succeeded(r)) teamId = r.data.joinTeam.id;
          } else {
            await sleep(20);
          }
        }
      };
      let saves = 0;
      const writer = async (w: { token: string; teamId: string }) => {
        while (running) {
          const r = await gql(
            base,
            `mutation($t: ID!, $input: SubmissionInput!) { saveSubmission(teamId: $t, input: $input) { id version } }`,
            {
              t: w.teamId,
              input: {
                title: `Projet ${saves}`,
                summary: 'Résumé',
                description: 'Une description.',
                repositoryUrl: null,
                demoUrl: null,
                videoUrl: null,
              },
            },
            w.token,
          );
          if (succeeded(r)) saves++;
        }
      };
      const load = Promise.all([...movers.map(mover), ...writers.map(writer)]);

      await sleep(1500 + Math.random() * 1000);
      api.proc.kill('SIGKILL');
      await api.exited;
      running = false;
      await load;
      expect(codes.length).toBeGreaterThan(0);
      expect(saves).toBeGreaterThan(0);

      // Teams, memberships, captains, submission history, scores and running totals are sound.
      expect(await databaseInvariantViolations((q, p) => sql(url, q, p))).toEqual([]);

      // The same data serves again after a restart.
      api = await startApi(db.url);
      const again = await gql(
        api.baseUrl,
        `mutation($t: ID!, $input: SubmissionInput!) { saveSubmission(teamId: $t, input: $input) { id version } }`,
        {
          t: writers[0].teamId,
          input: {
            title: 'Après la panne',
            summary: '',
            description: '',
            repositoryUrl: null,
            demoUrl: null,
            videoUrl: null,
          },
        },
        writers[0].token,
      );
      expect(succeeded(again)).toBe(true);
    });
  });
});
