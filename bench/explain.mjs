#!/usr/bin/env node
// EXPLAIN (ANALYZE, BUFFERS) of the hot queries on a generated event, for the README's
// performance section. Run on a database kept by `node bench/run.mjs --only=S6 --keep-db`:
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/ensemble_bench_<n> node bench/explain.mjs
// The leaderboard's statements are the API's own (from the build: `npm run build:api` first); the
// team page and the scoring's first step are written out from teams-query.service.ts (with the
// parts team.loaders.ts and feedback.service.ts add) and scoring.service.ts, where they are
// assembled at run time or sit inside a larger statement.
import { createRequire } from 'node:module';
import pg from 'pg';

const require = createRequire(import.meta.url);
const {
  STAMP,
  TEAM_TOTALS,
  TEAMS_DIGEST,
} = require('../dist/apps/api/apps/api/src/leaderboard/leaderboard-data.service.js');

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required (a database kept by bench --keep-db)');
const client = new pg.Client({ connectionString: url });
await client.connect();

const [{ hackathon_id: h }] = (
  await client.query(`SELECT hackathon_id FROM teams GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`)
).rows;
const [{ id: team }] = (
  await client.query(
    `SELECT t.id FROM teams t JOIN submissions s ON s.team_id = t.id WHERE t.hackathon_id = $1 LIMIT 1`,
    [h],
  )
).rows;
const [{ assignment_id: assignment }] = (
  await client.query(`SELECT assignment_id FROM evaluations WHERE hackathon_id = $1 LIMIT 1`, [h])
).rows;

const queries = [
  [
    'S1/S5 — running totals read again after a score (leaderboard.teamTotals)',
    TEAM_TOTALS.text,
    [h],
  ],
  ['S1 — board stamp checked on each read (leaderboard.stamp)', STAMP.text, [h]],
  [
    'S1 — teams digest, every 5 s in the background (leaderboard.teamsDigest)',
    TEAMS_DIGEST.text,
    [h],
  ],
  [
    'S2 — a team page after the viewer: team, school, track, mentor, submission, members and feedback (teams.withRelationsSubmissionPart0Part1)',
    `SELECT row_to_json(t) AS "t", row_to_json(s) AS "s", row_to_json(tr) AS "tr", row_to_json(m) AS "m", row_to_json(sub) AS "sub",
            (SELECT coalesce(json_agg(json_build_array(row_to_json(tm), row_to_json(u)) ORDER BY tm.joined_at, tm.user_id), '[]')
               FROM team_members tm JOIN users u ON u.id = tm.user_id WHERE tm.team_id = t.id) AS part0,
            (SELECT json_build_array(s.id, coalesce((
               SELECT json_agg(json_build_array(row_to_json(f), row_to_json(u)) ORDER BY f.created_at, f.id)
                 FROM feedback f LEFT JOIN users u ON u.id = f.author_id WHERE f.submission_id = s.id), '[]'))
               FROM submissions s WHERE s.team_id = t.id) AS part1
       FROM teams t JOIN schools s ON s.id = t.school_id JOIN tracks tr ON tr.id = t.track_id
       LEFT JOIN users m ON m.id = t.mentor_id LEFT JOIN submissions sub ON sub.team_id = t.id
      WHERE t.id = $1`,
    [team],
  ],
  [
    'S3 — the evaluation a score replaces (scoring.write, its first step)',
    `SELECT e.id, e.comment, e.weighted_score,
            (SELECT coalesce(jsonb_object_agg(cs.criterion_id, cs.value), '{}'::jsonb)
               FROM criterion_scores cs WHERE cs.evaluation_id = e.id) AS scores
       FROM evaluations e WHERE e.assignment_id = $1`,
    [assignment],
  ],
];

for (const [title, text, params] of queries) {
  // Twice: the second run is the warm one the API sees.
  await client.query(`EXPLAIN (ANALYZE) ${text}`, params);
  const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, params);
  console.log(`-- ${title}`);
  console.log(rows.map((r) => r['QUERY PLAN']).join('\n'));
  console.log();
}
await client.end();
