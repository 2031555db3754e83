// The running totals kept with each score and recusal equal a full recomputation, after random scoring.
import { meanScores, zScores } from '@ensemble/domain';
import {
  assignmentsOf,
  createTestApp,
  JURY_OPS,
  judgingScenario,
  TestApp,
} from '@ensemble/testing';

/** Small seeded generator (mulberry32): the same marks and choices each run (among ids that differ). */
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
    const { assignJurors } = await s.organizer.client.ok(JURY_OPS.assign, {
      hackathonId: s.hackathon.id,
      k: 3,
    });
    const mark = () =>
      s.hackathon.criteria.map((c) => ({
        criterionId: c.id,
        value: Math.floor(random() * (c.maxScore + 1)),
      }));
    const score = (juror: (typeof s.jurors)[number], id: string, round: number) =>
      juror.client.ok(JURY_OPS.score, { id, scores: mark(), comment: `Round ${round}` });
    const recuse = (juror: (typeof s.jurors)[number], id: string, round: number) =>
      juror.client.ok(JURY_OPS.conflict, { id, reason: `Conflit ${round}` });
    // What the operations leave counted (assignments scored and not recused), tracked on the
    // side: the test knows exactly how many evaluations must count, whatever the timing.
    const counted = new Set<string>();
    let rescored = 0;
    let recusedCounted = 0;
    // Every juror's live assignments, read before a round starts (a recusal hands its submission
    // to another juror, so reading them during the round would make the choices timing-dependent).
    const live = async () =>
      Promise.all(
        s.jurors.map(async (j) =>
          [...(await assignmentsOf(t, s.hackathon.id, j.id)).values()].sort(),
        ),
      );

    // Round 0: every juror scores every assignment, all at once (the same juror's and the same
    // team's totals written by concurrent transactions).
    const first = await live();
    await Promise.all(s.jurors.flatMap((juror, i) => first[i].map((id) => score(juror, id, 0))));
    first.flat().forEach((id) => counted.add(id));
    expect(counted.size).toBe(assignJurors.assignments);
    expect(counted.size).toBeGreaterThan(10);

    // Rounds 1–5: each juror acts once per round, in parallel: one recusal per round (a different
    // juror each time), re-scores otherwise. Round 3 adds two concurrent re-scores of the same
    // assignment; round 4 a score and a recusal of the same assignment at once.
    for (let round = 1; round <= 5; round++) {
      const assigned = await live();
      const ops = s.jurors.map(async (juror, i) => {
        const ids = assigned[i];
        if (!ids.length) return;
        const id = ids[Math.floor(random() * ids.length)];
        const wasCounted = counted.has(id);
        if ((round + i) % 5 === 0) {
          await recuse(juror, id, round);
          counted.delete(id);
          if (wasCounted) recusedCounted += 1;
        } else if (round === 3 && (round + i) % 5 === 1) {
          await Promise.all([score(juror, id, round), score(juror, id, round)]);
          counted.add(id);
          if (wasCounted) rescored += 2;
        } else if (round === 4 && (round + i) % 5 === 1) {
          // Either order is fine: the score lands first and is discarded, or it meets a recused
          // assignment (CONFLICT). The recusal always succeeds, and nothing of the score counts.
          const [scored] = await Promise.all([
            juror.client.request(JURY_OPS.score, { id, scores: mark(), comment: 'Race' }),
            recuse(juror, id, round),
          ]);
          expect(scored.errors?.map((e) => e.extensions?.code) ?? ['OK']).toEqual([
            expect.stringMatching(/^(OK|CONFLICT)$/),
          ]);
          counted.delete(id);
          if (wasCounted) recusedCounted += 1;
        } else {
          await score(juror, id, round);
          counted.add(id);
          if (wasCounted) rescored += 1;
        }
      });
      await Promise.all(ops);
    }
    // The run exercised what it claims to: re-scores and recusals of counted evaluations.
    expect(rescored).toBeGreaterThan(0);
    expect(recusedCounted).toBeGreaterThan(0);

    const rows: {
      assignment_id: string;
      team_id: string;
      juror_id: string;
      weighted_score: number;
    }[] = await t.db.query(
      `SELECT e.assignment_id, e.team_id, e.juror_id, e.weighted_score::float8 AS weighted_score
         FROM evaluations e
         JOIN jury_assignments a ON a.id = e.assignment_id AND a.status = 'DONE'
        WHERE e.hackathon_id = $1`,
      [s.hackathon.id],
    );
    expect(rows.map((e) => e.assignment_id).sort()).toEqual([...counted].sort());
    const recomputed = (key: 'team_id' | 'juror_id') => {
      const out = new Map<string, { n: number; sum: number; sumSq: number }>();
      for (const e of rows) {
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
    const evaluations = rows.map((e) => ({
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
