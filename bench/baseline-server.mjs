// The "raw" limit each scenario is compared with: node:http + pg (named prepared statements,
// pool of 10 like the API's default), no framework, answering the same JSON shapes.
//   GET  /s1?category=LYCEE&first=100   leaderboard top N of a category
//   GET  /s2?id=<teamId>                team page: team, members, mentor, submission, feedback
//   POST /s3 {assignmentId, scores, comment}   score: evaluation + criterion scores + running totals, one transaction
//   POST /broadcast {message}           S5: one pre-serialised message to every ws client on /ws
//   GET  /health/ready
import http from 'node:http';
import pg from 'pg';
import { WebSocketServer } from 'ws';

const HACKATHON = process.env.BENCH_HACKATHON_ID;
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_SIZE ?? 10) });
pg.types.setTypeParser(1700, Number);

const S1 = {
  name: 's1',
  text: `SELECT id, name, evaluations, score, rank() OVER (ORDER BY score DESC)::int AS rank FROM (
           SELECT t.id, t.name, coalesce(ts.n, 0)::int AS evaluations,
                  CASE WHEN ts.n > 0 THEN round((ts.sum / ts.n)::numeric, 2)::float8 ELSE 0 END AS score
             FROM teams t JOIN submissions s ON s.team_id = t.id AND s.status = 'SUBMITTED'
             LEFT JOIN leaderboard_team_stats ts ON ts.team_id = t.id
            WHERE t.hackathon_id = $1 AND t.status = 'VALIDATED' AND t.category = $2) x
         ORDER BY score DESC, name LIMIT $3`,
};
const S1_STAMP = { name: 's1stamp', text: `SELECT max(updated_at) AS at FROM leaderboard_juror_stats WHERE hackathon_id = $1` };
const S2_TEAM = {
  name: 's2team',
  text: `SELECT t.id, t.name, t.status, t.category, t.invite_code, sc.name AS school, tr.name AS track,
                m.id AS mentor_id, m.first_name AS mentor_first, m.last_name AS mentor_last
           FROM teams t JOIN schools sc ON sc.id = t.school_id JOIN tracks tr ON tr.id = t.track_id
           LEFT JOIN users m ON m.id = t.mentor_id WHERE t.id = $1`,
};
const S2_MEMBERS = {
  name: 's2members',
  text: `SELECT tm.captain, tm.joined_at, u.id, u.first_name, u.last_name FROM team_members tm JOIN users u ON u.id = tm.user_id
          WHERE tm.team_id = $1 ORDER BY tm.joined_at`,
};
const S2_SUBMISSION = {
  name: 's2submission',
  text: `SELECT id, title, summary, status, version, submitted_at, updated_at FROM submissions WHERE team_id = $1`,
};
const S2_FEEDBACK = {
  name: 's2feedback',
  text: `SELECT f.id, f.body, f.created_at, u.first_name, u.last_name FROM feedback f JOIN submissions s ON s.id = f.submission_id
           LEFT JOIN users u ON u.id = f.author_id WHERE s.team_id = $1 ORDER BY f.created_at`,
};
const display = (first, last) => `${first} ${(last ?? '').slice(0, 1)}.`;

async function s1(category, first) {
  const [rows, stamp] = await Promise.all([
    pool.query({ ...S1, values: [HACKATHON, category, first] }),
    pool.query({ ...S1_STAMP, values: [HACKATHON] }),
  ]);
  return {
    data: {
      leaderboard: {
        published: false,
        updatedAt: stamp.rows[0].at?.toISOString() ?? null,
        entries: rows.rows.map((r) => ({ rank: r.rank, score: r.score, evaluations: r.evaluations, team: { id: r.id, name: r.name } })),
      },
    },
  };
}

async function s2(id) {
  const [team, members, submission, feedback] = await Promise.all(
    [S2_TEAM, S2_MEMBERS, S2_SUBMISSION, S2_FEEDBACK].map((q) => pool.query({ ...q, values: [id] })),
  );
  const t = team.rows[0];
  if (!t) return { data: { team: null } };
  const sub = submission.rows[0];
  return {
    data: {
      team: {
        id: t.id,
        name: t.name,
        status: t.status,
        category: t.category,
        inviteCode: t.invite_code,
        school: { name: t.school },
        track: { name: t.track },
        members: members.rows.map((m) => ({ captain: m.captain, joinedAt: m.joined_at.toISOString(), user: { id: m.id, displayName: display(m.first_name, m.last_name) } })),
        mentor: t.mentor_id ? { id: t.mentor_id, displayName: display(t.mentor_first, t.mentor_last) } : null,
        submission: sub
          ? {
              id: sub.id,
              title: sub.title,
              summary: sub.summary,
              status: sub.status,
              version: sub.version,
              submittedAt: sub.submitted_at?.toISOString() ?? null,
              updatedAt: sub.updated_at.toISOString(),
              feedback: feedback.rows.map((f) => ({ id: f.id, body: f.body, createdAt: f.created_at.toISOString(), author: { displayName: display(f.first_name, f.last_name) } })),
            }
          : null,
      },
    },
  };
}

let criteria = null;
async function s3({ assignmentId, scores, comment }) {
  criteria ??= (await pool.query(`SELECT id, weight, max_score FROM criteria WHERE hackathon_id = $1 ORDER BY position, id`, [HACKATHON])).rows;
  const byId = new Map(scores.map((s) => [s.criterionId, s.value]));
  let w = 0;
  let sum = 0;
  for (const c of criteria) {
    w += c.weight;
    sum += (c.weight * byId.get(c.id)) / c.max_score;
  }
  const value = (sum / w) * 100;
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    // Lock the assignment first, then read the old evaluation in a fresh statement (a joined
    // row read by SELECT … FOR UPDATE may be stale after waiting for the lock).
    const a = (
      await c.query({
        name: 's3lock',
        text: `SELECT a.id, a.juror_id, a.status, a.submission_id, s.team_id
                 FROM jury_assignments a JOIN submissions s ON s.id = a.submission_id
                WHERE a.id = $1 FOR UPDATE OF a`,
        values: [assignmentId],
      })
    ).rows[0];
    // Scores are numeric (9 decimals) and travel as text: the running totals are exact sums.
    a.old = (await c.query({ name: 's3old', text: `SELECT weighted_score::text AS w FROM evaluations WHERE assignment_id = $1`, values: [a.id] })).rows[0]?.w ?? null;
    const before = a.status === 'DONE' && a.old !== null ? a.old : null;
    const { rows: [ev] } = await c.query({
      name: 's3eval',
      text: `INSERT INTO evaluations (assignment_id, hackathon_id, submission_id, team_id, juror_id, comment, weighted_score)
             VALUES ($1, $2, $3, $4, $5, $6, $7::numeric(12, 9))
             ON CONFLICT ON CONSTRAINT evaluations_assignment_key
             DO UPDATE SET comment = excluded.comment, weighted_score = excluded.weighted_score, updated_at = now()
             RETURNING id, updated_at, weighted_score::text AS w`,
      values: [a.id, HACKATHON, a.submission_id, a.team_id, a.juror_id, comment, value],
    });
    await c.query({ name: 's3del', text: `DELETE FROM criterion_scores WHERE evaluation_id = $1`, values: [ev.id] });
    await c.query({
      name: 's3scores',
      text: `INSERT INTO criterion_scores (evaluation_id, criterion_id, value, max_score)
             SELECT $1, * FROM unnest($2::uuid[], $3::int[], $4::int[])`,
      values: [ev.id, criteria.map((x) => x.id), criteria.map((x) => byId.get(x.id)), criteria.map((x) => x.max_score)],
    });
    if (a.status !== 'DONE') await c.query({ name: 's3done', text: `UPDATE jury_assignments SET status = 'DONE', updated_at = now() WHERE id = $1`, values: [a.id] });
    const dn = 1 - (before === null ? 0 : 1);
    // $4: the new score, $5: the one that counted before (or null); deltas computed in numeric.
    const DSUM = `($4::numeric - coalesce($5::numeric, 0))`;
    const DSQ = `($4::numeric * $4::numeric - coalesce($5::numeric * $5::numeric, 0))`;
    await c.query({
      name: 's3juror',
      text: `INSERT INTO leaderboard_juror_stats AS x (hackathon_id, juror_id, n, sum, sum_sq, version) VALUES ($1, $2, $3, ${DSUM}, ${DSQ}, 1)
             ON CONFLICT (hackathon_id, juror_id) DO UPDATE SET n = x.n + $3, sum = x.sum + ${DSUM}, sum_sq = x.sum_sq + ${DSQ}, version = x.version + 1, updated_at = now()`,
      values: [HACKATHON, a.juror_id, dn, ev.w, before],
    });
    await c.query({
      name: 's3team',
      text: `INSERT INTO leaderboard_team_stats AS x (team_id, hackathon_id, n, sum, sum_sq) VALUES ($1, $2, $3, ${DSUM}, ${DSQ})
             ON CONFLICT (team_id) DO UPDATE SET n = x.n + $3, sum = x.sum + ${DSUM}, sum_sq = x.sum_sq + ${DSQ}, updated_at = now()`,
      values: [a.team_id, HACKATHON, dn, ev.w, before],
    });
    await c.query('COMMIT');
    return { data: { scoreSubmission: { id: ev.id, weightedScore: Number(ev.w), updatedAt: ev.updated_at.toISOString() } } };
  } catch (err) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    c.release();
  }
}

const readBody = (req) =>
  new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, 'http://x');
  const send = (status, payload) => {
    const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  };
  try {
    if (url.pathname === '/health/ready') return send(200, { status: 'ok' });
    if (url.pathname === '/s1') return send(200, await s1(url.searchParams.get('category'), Number(url.searchParams.get('first') ?? 100)));
    if (url.pathname === '/s2') return send(200, await s2(url.searchParams.get('id')));
    if (url.pathname === '/s3') return send(200, await s3(JSON.parse(await readBody(req))));
    if (url.pathname === '/broadcast') {
      const message = await readBody(req); // serialised once, by the caller: sent as is to everyone
      let sent = 0;
      for (const ws of wss.clients) {
        if (ws.readyState !== 1) continue;
        ws.send(message);
        sent++;
      }
      return send(200, { sent });
    }
    send(404, { errors: [{ message: 'not found' }] });
  } catch (err) {
    send(500, { errors: [{ message: String(err.message) }] });
  }
});
const wss = new WebSocketServer({ server, path: '/ws' });
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT ?? 3100), '127.0.0.1');
const stop = () => {
  wss.close();
  server.close();
  pool.end().finally(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
