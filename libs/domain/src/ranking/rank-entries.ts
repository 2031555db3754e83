// Leaderboard order and competition ranks ("1, 2, 2, 4").

import { roundHalfAwayFromZero } from './rounding';

export interface RankOptions {
  /**
   * Decimals the scores are compared at. The default, 3, is the finest
   * precision a leaderboard mode uses (Z_SCORE); MEAN scores already rounded
   * to 2 decimals are unchanged by it. Pass 2 when handing in raw mean scores.
   */
  decimals?: number;
}

// Team names compare like a French reader expects: accents and case do not
// reorder ("Échos" sits with the "E"s), digits compare as numbers ("Team 2" <
// "Team 10"). The chain below only exists to make the order total.
const baseCollator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
const fullCollator = new Intl.Collator('fr', { sensitivity: 'variant', numeric: true });

function compareNames(a: string, b: string): number {
  return baseCollator.compare(a, b) || fullCollator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * Orders entries by score descending, then name ascending (French collation,
 * ties broken by accents/case then code units, then input order — so the
 * result is the same on every server). Entries whose scores are equal once
 * rounded share a rank and the next rank skips: 1, 2, 2, 4. The entries keep
 * their own `score`; only the comparison uses the rounded value.
 */
export function rankEntries<T extends { score: number; name: string }>(
  entries: readonly T[],
  options: RankOptions = {},
): (T & { rank: number })[] {
  const decimals = options.decimals ?? 3;
  const keyed = entries.map((entry, index) => ({
    entry,
    index,
    key: roundHalfAwayFromZero(entry.score, decimals),
  }));
  keyed.sort(
    (a, b) => b.key - a.key || compareNames(a.entry.name, b.entry.name) || a.index - b.index,
  );

  const ranked: (T & { rank: number })[] = [];
  keyed.forEach((item, position) => {
    const previous = keyed[position - 1];
    const rank =
      previous !== undefined && previous.key === item.key
        ? ranked[position - 1].rank
        : position + 1;
    ranked.push({ ...item.entry, rank });
  });
  return ranked;
}
