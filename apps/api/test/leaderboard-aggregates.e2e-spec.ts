// The running totals kept with each score and recusal equal a full recomputation, after random scoring.
import { meanScores, zScores } from '@ensemble/domain';
import {
  assignmentsOf,
  createTestApp,
  JURY_OPS,
  judgingScenario,
  TestApp,
} from '@ensemble/testing';

/** Small seeded generator (mulberry32): the same "random" run every time. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('leaderboard aggregates', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('equal a full recomputation exactly after random scoring, re-scoring and recusals (some concurrent)', async () => {
    const random = seeded(20261125);
    const s = await judgingScenario(t, {
      teams: 8,
      jurors: 5,
      schools: 3,
      hackathon: {
        criteria: [
          { weight: 1, maxScore: 10 },
          { weight: 2.5, maxScore: 20 },
          { weight: 0.5, maxScore: 5 },
        ],
      },
    });
    await s.organizer.client.ok(JURY_OPS.assign, { hackathonId: s.hackathon.id, k: 3 });
    const mark = () =>
      s.hackathon.criteria.map((c) => ({
        criterionId: c.id,
        value: Math.floor(random() * (c.maxScore + 1)),
      }));

    for (let round = 0; round < 6; round++) {
      const ops: Promise<unknown>[] = [];
      for (const juror of s.jurors) {
        const ids = [...(await assignmentsOf(t, s.hackathon.id, juror.id)).values()];
        if (!ids.length) continue;
        const id = ids[Math.floor(random() * ids.length)];
        // Mostly scores (first time or again), sometimes a recusal; each juror acts once per round, in parallel.
        ops.push(
          random() < 0.15
            ? juror.client.ok(JURY_OPS.conflict, { id, reason: `Conflit ${round}` })
            : juror.client.ok(JURY_OPS.score, { id, scores: mark(), comment: `Round ${round}` }),
        );
      }
      await Promise.all(ops);
    }

    const counted: { team_id: string; juror_id: string; weighted_score: number }[] =
      await t.db.query(
        `SELECT e.team_id, e.juror_id, e.weighted_score::float8 AS weighted_score FROM evaluations e
         JOIN jury_assignments a ON a.id = e.assignment_id AND a.status = 'DONE' WHERE e.hackathon_id = $1`,
        [s.hackathon.id],
      );
    expect(counted.length).toBeGreaterThan(10);
    const recomputed = (key: 'team_id' | 'juror_id') => {
      const out = new Map<string, { n: number; sum: number; sumSq: number }>();
      for (const e of counted) {
        const agg = out.get(e[key]) ?? { n: 0, sum: 0, sumSq: 0 };
        agg.n += 1;
        agg.sum += e.weighted_score;
        agg.sumSq += e.weighted_score ** 2;
        out.set(e[key], agg);
      }
      return out;
    };
    const compare = (
      rows: { id: string; n: number; sum: number; sum_sq: number }[],
      expected: Map<string, { n: number; sum: number; sumSq: number }>,
    ) => {
      for (const row of rows) {
        const want = expected.get(row.id) ?? { n: 0, sum: 0, sumSq: 0 };
        expect(row.n).toBe(want.n);
        expect(row.sum).toBeCloseTo(want.sum, 6);
        expect(row.sum_sq).toBeCloseTo(want.sumSq, 4);
      }
      expect(rows.filter((r) => r.n > 0).length).toBe(expected.size);
    };
    compare(
      await t.db.query(
        `SELECT team_id AS id, n, sum::float8 AS sum, sum_sq::float8 AS sum_sq FROM leaderboard_team_stats WHERE hackathon_id = $1`,
        [s.hackathon.id],
      ),
      recomputed('team_id'),
    );
    compare(
      await t.db.query(
        `SELECT juror_id AS id, n, sum::float8 AS sum, sum_sq::float8 AS sum_sq FROM leaderboard_juror_stats WHERE hackathon_id = $1`,
        [s.hackathon.id],
      ),
      recomputed('juror_id'),
    );

    // Exactly, digit for digit: the numeric totals equal numeric sums over the counted evaluations.
    for (const [table, key] of [
      ['leaderboard_team_stats', 'team_id'],
      ['leaderboard_juror_stats', 'juror_id'],
    ] as const) {
      const [{ rows, differ }]: { rows: number; differ: number }[] = await t.db.query(
        `WITH r AS (
           SELECT e.${key} AS k, count(*)::int AS n, sum(e.weighted_score) AS sum,
                  sum(e.weighted_score * e.weighted_score) AS sum_sq
             FROM evaluations e JOIN jury_assignments a ON a.id = e.assignment_id AND a.status = 'DONE'
            WHERE e.hackathon_id = $1 GROUP BY e.${key})
         SELECT count(*)::int AS rows,
                (count(*) FILTER (WHERE coalesce(r.n, 0) <> coalesce(x.n, 0)
                                     OR coalesce(r.sum, 0) <> coalesce(x.sum, 0)
                                     OR coalesce(r.sum_sq, 0) <> coalesce(x.sum_sq, 0)))::int AS differ
           FROM r FULL JOIN (SELECT ${key} AS k, n, sum, sum_sq FROM ${table} WHERE hackathon_id = $1) x ON x.k = r.k`,
        [s.hackathon.id],
      );
      expect(rows).toBeGreaterThan(0);
      expect(differ).toBe(0);
    }

    // And the boards built from the totals equal the domain's two-pass computation over every evaluation.
    const evaluations = counted.map((e) => ({
      teamId: e.team_id,
      jurorId: e.juror_id,
      weightedScore: e.weighted_score,
    }));
    for (const [method, expected] of [
      ['MEAN', meanScores(evaluations)],
      ['Z_SCORE', zScores(evaluations)],
    ] as const) {
      const { leaderboard } = await s.organizer.client.ok(JURY_OPS.leaderboard, {
        hackathonId: s.hackathon.id,
        method,
      });
      for (const entry of leaderboard.entries) {
        const want = expected.get(entry.team.id) ?? { score: 0, evaluations: 0 };
        expect([entry.team.id, entry.score, entry.evaluations]).toEqual([
          entry.team.id,
          want.score,
          want.evaluations,
        ]);
      }
    }
  });
});
