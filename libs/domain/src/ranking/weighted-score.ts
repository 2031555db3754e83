// One evaluation's score out of 100, from the juror's per-criterion marks.

export interface CriterionScore {
  criterionId: string;
  value: number;
}

export interface Criterion {
  id: string;
  weight: number;
  maxScore: number;
}

/**
 * `100 × Σ(weight × value / maxScore) / Σ weight`, unrounded (callers store it
 * and round only for display).
 *
 * The API validates marks first (exactly one integer per criterion in
 * 0..maxScore: BAD_USER_INPUT); reaching here with anything else is a bug, so
 * it throws a RangeError instead of guessing (a missing mark silently counting
 * as 0 would distort a ranking without anyone noticing).
 */
export function weightedScore(
  scores: readonly CriterionScore[],
  criteria: readonly Criterion[],
): number {
  const byCriterion = new Map<string, number>();
  for (const score of scores) {
    if (byCriterion.has(score.criterionId)) {
      throw new RangeError(`Criterion ${score.criterionId} is scored twice`);
    }
    byCriterion.set(score.criterionId, score.value);
  }
  let weightSum = 0;
  let weighted = 0;
  for (const criterion of criteria) {
    if (!(criterion.maxScore > 0))
      throw new RangeError(`Criterion ${criterion.id} has maxScore ≤ 0`);
    if (!(criterion.weight >= 0))
      throw new RangeError(`Criterion ${criterion.id} has a negative weight`);
    const value = byCriterion.get(criterion.id);
    if (value === undefined) throw new RangeError(`Criterion ${criterion.id} is not scored`);
    if (!(value >= 0 && value <= criterion.maxScore)) {
      throw new RangeError(
        `Score ${value} for criterion ${criterion.id} is outside 0..${criterion.maxScore}`,
      );
    }
    byCriterion.delete(criterion.id);
    weightSum += criterion.weight;
    weighted += (criterion.weight * value) / criterion.maxScore;
  }
  const [unknown] = byCriterion.keys();
  if (unknown !== undefined)
    throw new RangeError(`Criterion ${unknown} is not a criterion of the hackathon`);
  if (weightSum === 0) throw new RangeError('The criteria weights sum to 0');
  return (100 * weighted) / weightSum;
}
