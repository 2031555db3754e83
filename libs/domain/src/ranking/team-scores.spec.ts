import fc from 'fast-check';
import {
  addToStats,
  emptyStats,
  meanScores,
  removeFromStats,
  statsMeanSd,
  zScores,
  zScoresFromStats,
  type Evaluation,
  type JurorStats,
} from './team-scores';

// Hand-computed example used by several tests:
// - J1 scores A 80, B 60: mean 70, sd 10 → z(A) = 1, z(B) = −1
// - J2 scores A, B, C all 50: no spread → every z is 0
// - J3 scores only C (90): one evaluation → z is 0
// - J4 scores A 70, B 40, C 100: mean 70, population sd √600 ≈ 24.4949
//   → z(A) = 0, z(B) = −1.2247449, z(C) = 1.2247449
const EXAMPLE: Evaluation[] = [
  { teamId: 'A', jurorId: 'J1', weightedScore: 80 },
  { teamId: 'B', jurorId: 'J1', weightedScore: 60 },
  { teamId: 'A', jurorId: 'J2', weightedScore: 50 },
  { teamId: 'B', jurorId: 'J2', weightedScore: 50 },
  { teamId: 'C', jurorId: 'J2', weightedScore: 50 },
  { teamId: 'C', jurorId: 'J3', weightedScore: 90 },
  { teamId: 'A', jurorId: 'J4', weightedScore: 70 },
  { teamId: 'B', jurorId: 'J4', weightedScore: 40 },
  { teamId: 'C', jurorId: 'J4', weightedScore: 100 },
];

function statsOf(evaluations: readonly Evaluation[]): Map<string, JurorStats> {
  const stats = new Map<string, JurorStats>();
  for (const e of evaluations)
    stats.set(e.jurorId, addToStats(stats.get(e.jurorId) ?? emptyStats(), e.weightedScore));
  return stats;
}

describe('meanScores', () => {
  it('averages each team’s evaluations and rounds to 2 decimals', () => {
    expect(meanScores(EXAMPLE)).toEqual(
      new Map([
        ['A', { score: 66.67, evaluations: 3 }], // (80 + 50 + 70) / 3 = 66.666…
        ['B', { score: 50, evaluations: 3 }],
        ['C', { score: 80, evaluations: 3 }],
      ]),
    );
  });

  it('rounds half away from zero on the decimal value', () => {
    const scores = meanScores([
      { teamId: 'T', jurorId: 'J1', weightedScore: 1.004 },
      { teamId: 'T', jurorId: 'J2', weightedScore: 1.006 },
    ]);
    expect(scores.get('T')).toEqual({ score: 1.01, evaluations: 2 });
  });

  it('leaves teams without evaluation to the caller', () => {
    expect(meanScores([]).size).toBe(0);
  });
});

describe('zScores', () => {
  it('standardises each evaluation against its juror and averages per team (3 decimals)', () => {
    expect(zScores(EXAMPLE)).toEqual(
      new Map([
        ['A', { score: 0.333, evaluations: 3 }], // (1 + 0 + 0) / 3
        ['B', { score: -0.742, evaluations: 3 }], // (−1 + 0 − 1.2247) / 3
        ['C', { score: 0.408, evaluations: 3 }], // (0 + 0 + 1.2247) / 3
      ]),
    );
  });

  it('gives 0 for a juror with a single evaluation', () => {
    expect(zScores([{ teamId: 'A', jurorId: 'J', weightedScore: 99 }]).get('A')).toEqual({
      score: 0,
      evaluations: 1,
    });
  });

  it('gives 0 for a juror without spread, even when the mean is not exact in binary', () => {
    const scores = zScores(
      ['A', 'B', 'C'].map((teamId) => ({ teamId, jurorId: 'J', weightedScore: 100 / 3 })),
    );
    expect([...scores.values()].map((s) => s.score)).toEqual([0, 0, 0]);
  });

  it('removes a lenient juror’s bias', () => {
    // The lenient juror scores everyone 40 points higher; rankings agree, z-scores are identical.
    const scores = zScores([
      { teamId: 'A', jurorId: 'severe', weightedScore: 30 },
      { teamId: 'B', jurorId: 'severe', weightedScore: 50 },
      { teamId: 'C', jurorId: 'lenient', weightedScore: 70 },
      { teamId: 'D', jurorId: 'lenient', weightedScore: 90 },
    ]);
    expect(scores.get('A')?.score).toBe(-1);
    expect(scores.get('C')?.score).toBe(-1);
    expect(scores.get('B')?.score).toBe(1);
    expect(scores.get('D')?.score).toBe(1);
  });
});

describe('juror running totals', () => {
  it('gives the mean and population standard deviation', () => {
    const stats = [2, 4, 4, 4, 5, 5, 7, 9].reduce(addToStats, emptyStats());
    expect(stats).toEqual({ n: 8, sum: 40, sumSq: 232 });
    expect(statsMeanSd(stats)).toEqual({ mean: 5, sd: 2 });
  });

  it('is 0 spread for no, one, or identical evaluations', () => {
    expect(statsMeanSd(emptyStats())).toEqual({ mean: 0, sd: 0 });
    expect(statsMeanSd(addToStats(emptyStats(), 42))).toEqual({ mean: 42, sd: 0 });
    const same = [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1].reduce(addToStats, emptyStats());
    expect(statsMeanSd(same).sd).toBe(0);
    const thirds = Array.from({ length: 9 }, () => 100 / 3).reduce(addToStats, emptyStats());
    expect(statsMeanSd(thirds).sd).toBe(0);
  });

  it('clamps a slightly negative variance to 0', () => {
    expect(statsMeanSd({ n: 3, sum: 3, sumSq: 3 - 1e-15 })).toEqual({ mean: 1, sd: 0 });
  });

  it('undoes an evaluation with removeFromStats, exactly when the last one goes', () => {
    const once = addToStats(emptyStats(), 0.1);
    const twice = addToStats(once, 0.7);
    expect(removeFromStats(twice, 0.7).n).toBe(1);
    expect(removeFromStats(once, 0.1)).toEqual(emptyStats());
    expect(() => removeFromStats(emptyStats(), 1)).toThrow(RangeError);
  });

  it('matches the hand-computed example', () => {
    expect(zScoresFromStats(EXAMPLE, statsOf(EXAMPLE))).toEqual(zScores(EXAMPLE));
  });

  it('throws when a juror has no totals', () => {
    expect(() => zScoresFromStats(EXAMPLE, new Map())).toThrow('No running totals for juror J1');
  });

  // Weighted scores as the API produces them: 100 × a fraction with a small denominator.
  const weightedScoreArb = fc
    .tuple(fc.integer({ min: 0, max: 60 }), fc.constantFrom(6, 7, 12, 20, 60))
    .map(([points, max]) => (100 * Math.min(points, max)) / max);
  const evaluationArb = fc.record({
    teamId: fc.constantFrom('t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8'),
    jurorId: fc.constantFrom('j1', 'j2', 'j3', 'j4', 'j5'),
    weightedScore: fc.oneof(
      weightedScoreArb,
      fc.integer({ min: 0, max: 10000 }).map((x) => x / 100),
    ),
  });

  it('gives the same team scores as zScores when the totals match (property)', () => {
    fc.assert(
      fc.property(
        fc.array(evaluationArb, { maxLength: 60 }),
        // Scores once added then removed (re-scoring) must leave no trace in the result.
        fc.array(fc.tuple(fc.constantFrom('j1', 'j2', 'j3', 'j4', 'j5'), weightedScoreArb), {
          maxLength: 20,
        }),
        (evaluations, rescored) => {
          const stats = new Map<string, JurorStats>();
          for (const [jurorId, score] of rescored)
            stats.set(jurorId, addToStats(stats.get(jurorId) ?? emptyStats(), score));
          for (const e of evaluations) {
            stats.set(e.jurorId, addToStats(stats.get(e.jurorId) ?? emptyStats(), e.weightedScore));
          }
          for (const [jurorId, score] of rescored)
            stats.set(jurorId, removeFromStats(stats.get(jurorId) ?? emptyStats(), score));
          expect(zScoresFromStats(evaluations, stats)).toEqual(zScores(evaluations));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
