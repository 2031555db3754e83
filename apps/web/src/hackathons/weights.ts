/** A criterion's weight as a whole percentage of all weights (weights need not sum to 1). */
export function weightShare(weight: number, criteria: readonly { weight: number }[]): number {
  const total = criteria.reduce((sum, c) => sum + c.weight, 0);
  return total > 0 ? Math.round((100 * weight) / total) : 0;
}
