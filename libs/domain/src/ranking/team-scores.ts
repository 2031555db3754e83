// A team's leaderboard score from its jurors' evaluations: plain mean or juror-standardised (z-score).

import { roundHalfAwayFromZero } from './rounding';

export interface Evaluation {
  teamId: string;
  jurorId: string;
  /** The evaluation's `weightedScore`, unrounded. */
  weightedScore: number;
}

export interface TeamScore {
  score: number;
  /** How many evaluations the score is made of. */
  evaluations: number;
}

/** Running totals a juror's scores can be standardised from, updatable one evaluation at a time. */
export interface JurorStats {
  n: number;
  sum: number;
  sumSq: number;
}

export const MEAN_DECIMALS = 2;
export const Z_SCORE_DECIMALS = 3;

/**
 * Each z value is snapped to 9 decimals before averaging, so the two-pass
 * computation (zScores) and the running-totals one (zScoresFromStats), which
 * differ by float noise around 1e-12, round to the same displayed score.
 */
const Z_SNAP_DECIMALS = 9;

/**
 * Relative variance below which a juror is treated as giving every team the
 * same score. Both ways of computing the variance leave noise around 1e-15 ×
 * mean² when all scores are equal; a genuine spread of weighted scores (≥ 0.001
 * on a 0–100 scale) is many orders of magnitude above this threshold.
 */
const ZERO_SPREAD_RELATIVE = 1e-12;

/** MEAN mode: the mean weightedScore of each team's evaluations, rounded to 2 decimals. */
export function meanScores(evaluations: readonly Evaluation[]): Map<string, TeamScore> {
  const totals = new Map<string, { sum: number; n: number }>();
  for (const { teamId, weightedScore } of evaluations) {
    const total = totals.get(teamId) ?? { sum: 0, n: 0 };
    total.sum += weightedScore;
    total.n += 1;
    totals.set(teamId, total);
  }
  return mapTotals(totals, MEAN_DECIMALS);
}

/**
 * Z_SCORE mode. Each evaluation is standardised against the same juror's
 * evaluations — `(s − mean) / sd` with the population standard deviation — and
 * counts 0 when that juror has a single evaluation or no spread. A team's score
 * is the mean of its z values, rounded to 3 decimals.
 *
 * Pass every DONE evaluation of the hackathon, even when the leaderboard is
 * filtered by category or track: a juror's leniency is measured on all their
 * evaluations; filter the teams afterwards.
 */
export function zScores(evaluations: readonly Evaluation[]): Map<string, TeamScore> {
  const byJuror = new Map<string, number[]>();
  for (const { jurorId, weightedScore } of evaluations) {
    const scores = byJuror.get(jurorId) ?? [];
    scores.push(weightedScore);
    byJuror.set(jurorId, scores);
  }
  const jurorMeanSd = new Map<string, { mean: number; sd: number }>();
  for (const [jurorId, scores] of byJuror) {
    // Two passes: the variance from deviations is the textbook-accurate one.
    const mean = scores.reduce((acc, s) => acc + s, 0) / scores.length;
    const variance = scores.reduce((acc, s) => acc + (s - mean) ** 2, 0) / scores.length;
    const meanSquare = scores.reduce((acc, s) => acc + s * s, 0) / scores.length;
    jurorMeanSd.set(jurorId, { mean, sd: spreadOrZero(scores.length, variance, meanSquare) });
  }
  return aggregateZ(evaluations, (jurorId) => jurorMeanSd.get(jurorId) ?? { mean: 0, sd: 0 });
}

/**
 * Same as `zScores`, but with each juror's mean and spread taken from running
 * totals the API keeps up to date (addToStats / removeFromStats) instead of
 * re-reading all their evaluations. `statsByJuror` must hold the totals of
 * every juror of `evaluations` over the whole hackathon; a missing juror is a
 * bug and throws.
 */
export function zScoresFromStats(
  evaluations: readonly Evaluation[],
  statsByJuror: ReadonlyMap<string, JurorStats>,
): Map<string, TeamScore> {
  const cache = new Map<string, { mean: number; sd: number }>();
  return aggregateZ(evaluations, (jurorId) => {
    let meanSd = cache.get(jurorId);
    if (meanSd === undefined) {
      const stats = statsByJuror.get(jurorId);
      if (stats === undefined) throw new RangeError(`No running totals for juror ${jurorId}`);
      meanSd = statsMeanSd(stats);
      cache.set(jurorId, meanSd);
    }
    return meanSd;
  });
}

export function emptyStats(): JurorStats {
  return { n: 0, sum: 0, sumSq: 0 };
}

/** The totals with one more evaluation (a new object: stats are values). */
export function addToStats(stats: JurorStats, score: number): JurorStats {
  return { n: stats.n + 1, sum: stats.sum + score, sumSq: stats.sumSq + score * score };
}

/**
 * The totals without one evaluation (re-scoring is remove old + add new).
 * Back at zero evaluations the totals are reset exactly, so rounding drift
 * cannot survive a juror's history being emptied.
 */
export function removeFromStats(stats: JurorStats, score: number): JurorStats {
  if (stats.n <= 0) throw new RangeError('Cannot remove an evaluation from empty juror stats');
  if (stats.n === 1) return emptyStats();
  return { n: stats.n - 1, sum: stats.sum - score, sumSq: stats.sumSq - score * score };
}

/**
 * Mean and population standard deviation from running totals. The variance is
 * `(sumSq − sum × mean) / n`, which cancels badly when scores are nearly
 * equal: a slightly negative result is clamped to 0, and a spread that is only
 * rounding noise counts as no spread (sd = 0), as for one evaluation.
 */
export function statsMeanSd(stats: JurorStats): { mean: number; sd: number } {
  if (stats.n <= 0) return { mean: 0, sd: 0 };
  const mean = stats.sum / stats.n;
  const variance = Math.max(0, (stats.sumSq - stats.sum * mean) / stats.n);
  return { mean, sd: spreadOrZero(stats.n, variance, stats.sumSq / stats.n) };
}

function spreadOrZero(n: number, variance: number, meanSquare: number): number {
  if (n < 2 || variance <= ZERO_SPREAD_RELATIVE * meanSquare) return 0;
  return Math.sqrt(variance);
}

function aggregateZ(
  evaluations: readonly Evaluation[],
  meanSdOf: (jurorId: string) => { mean: number; sd: number },
): Map<string, TeamScore> {
  const totals = new Map<string, { sum: number; n: number }>();
  for (const { teamId, jurorId, weightedScore } of evaluations) {
    const { mean, sd } = meanSdOf(jurorId);
    const z = sd === 0 ? 0 : roundHalfAwayFromZero((weightedScore - mean) / sd, Z_SNAP_DECIMALS);
    const total = totals.get(teamId) ?? { sum: 0, n: 0 };
    total.sum += z;
    total.n += 1;
    totals.set(teamId, total);
  }
  return mapTotals(totals, Z_SCORE_DECIMALS);
}

function mapTotals(
  totals: Map<string, { sum: number; n: number }>,
  decimals: number,
): Map<string, TeamScore> {
  const result = new Map<string, TeamScore>();
  for (const [teamId, { sum, n }] of totals) {
    result.set(teamId, { score: roundHalfAwayFromZero(sum / n, decimals), evaluations: n });
  }
  return result;
}
