// Finds insults and slurs in user text (team names first of all), without the Scunthorpe problem.
//
// Matching is on whole words and whole phrases, never on substrings: "con"
// is an insult but "contrat", "Conseil" and "Connaught" are not. What defeats
// a naive list is handled on top of that:
// - case, accents, invisible characters and look-alike letters (normalisation);
// - leetspeak ("c0nn4rd", "$alope", "@bruti");
// - stretched words ("connnnard"), compared in collapsed form only when a letter
//   repeats three times, so that "cônes" never reads as "connes";
// - spelled-out words ("c o n n a r d", "c.o.n.n.a.r.d", "c-o-n-n-a-r-d"): runs of
//   one-letter words are also read glued together, and inside such a run the
//   longer entries (5+ letters) are looked for anywhere ("t e s u n c o n n a r d");
// - compounds typed glued ("cassecouilles", "tagueule").
// Known limits: masked words ("c*nnard"), doubled letters without a triple
// ("sallope"), and insults split by ordinary words are not caught.

import {
  collapseRepeats,
  isStretched,
  normalizeForModeration,
  tokenizeForModeration,
  type TextToken,
} from './text-normalization';
import { buildModerationList, type ListEntry } from './word-list';

export { normalizeForModeration };

/** Entries of this many letters or more are also looked for inside spelled-out runs. */
const MIN_SPELLED_ENTRY_LENGTH = 5;

interface Position {
  readings: readonly string[];
  /** Collapsed readings of stretched words only (see isStretched). */
  collapsed: readonly string[];
  /** Part of an innocent phrase ("cul-de-sac"): cannot be part of an insult. */
  innocent: boolean;
}

class Matcher {
  private readonly byFirstToken = new Map<string, ListEntry[]>();
  private readonly byCollapsedFirstToken = new Map<string, ListEntry[]>();
  private readonly glued = new Map<string, string>();
  private readonly gluedCollapsed = new Map<string, string>();
  private readonly longestGlued: number;

  constructor(
    entries: readonly ListEntry[],
    private readonly symbols: readonly string[],
    private readonly innocentPhrases: readonly (readonly string[])[],
  ) {
    for (const entry of entries) {
      push(this.byFirstToken, entry.tokens[0], entry);
      push(this.byCollapsedFirstToken, entry.collapsedTokens[0], entry);
      const glued = entry.tokens.join('');
      if (glued.length >= MIN_SPELLED_ENTRY_LENGTH) {
        this.glued.set(glued, entry.text);
        this.gluedCollapsed.set(collapseRepeats(glued), entry.text);
      }
    }
    // Longest phrase first, so "fils de pute" is reported rather than "pute".
    for (const list of [...this.byFirstToken.values(), ...this.byCollapsedFirstToken.values()]) {
      list.sort((a, b) => b.tokens.length - a.tokens.length);
    }
    this.longestGlued = Math.max(0, ...[...this.glued.keys()].map((g) => g.length));
  }

  find(text: string): string | null {
    const tokens = tokenizeForModeration(text);
    const spelledRuns = findSpelledRuns(tokens);
    return (
      this.findInSequence(tokens.map((t) => t.readings)) ??
      (spelledRuns.length > 0 ? this.findInSequence(withRunsGlued(tokens, spelledRuns)) : null) ??
      this.findInsideRuns(tokens, spelledRuns) ??
      this.symbols.find((symbol) => text.includes(symbol)) ??
      null
    );
  }

  /** Whole-word matching of every entry against a sequence of words (each with its readings). */
  private findInSequence(words: readonly (readonly string[])[]): string | null {
    const positions = this.markInnocent(words);
    for (let start = 0; start < positions.length; start++) {
      const { readings, collapsed, innocent } = positions[start];
      if (innocent) continue;
      const candidates = [
        ...readings.flatMap((r) => this.byFirstToken.get(r) ?? []),
        ...collapsed.flatMap((c) => this.byCollapsedFirstToken.get(c) ?? []),
      ].sort((a, b) => b.tokens.length - a.tokens.length);
      for (const entry of candidates) {
        if (entryMatchesAt(entry, positions, start)) return entry.text;
      }
    }
    return null;
  }

  private markInnocent(words: readonly (readonly string[])[]): Position[] {
    const positions: Position[] = words.map((readings) => ({
      readings,
      collapsed: readings.filter(isStretched).map(collapseRepeats),
      innocent: false,
    }));
    for (let start = 0; start < positions.length; start++) {
      for (const phrase of this.innocentPhrases) {
        const fits =
          start + phrase.length <= positions.length &&
          phrase.every((token, i) => positions[start + i].readings[0] === token);
        if (fits) for (let i = 0; i < phrase.length; i++) positions[start + i].innocent = true;
      }
    }
    return positions;
  }

  /** Longer entries anywhere inside a spelled-out run: "t e s u n c o n n a r d". */
  private findInsideRuns(tokens: readonly TextToken[], runs: readonly Run[]): string | null {
    for (const run of runs) {
      const glued = tokens
        .slice(run.start, run.end)
        .map((t) => t.primary)
        .join('');
      const found =
        findSubstring(glued, this.glued, this.longestGlued) ??
        (isStretched(glued)
          ? findSubstring(collapseRepeats(glued), this.gluedCollapsed, this.longestGlued)
          : null);
      if (found !== null) return found;
    }
    return null;
  }
}

interface Run {
  start: number;
  end: number;
}

/** Runs of two or more consecutive one-letter words: a word spelled out to dodge the filter. */
function findSpelledRuns(tokens: readonly TextToken[]): Run[] {
  const runs: Run[] = [];
  let start = -1;
  for (let i = 0; i <= tokens.length; i++) {
    const single = i < tokens.length && tokens[i].primary.length === 1;
    if (single && start < 0) start = i;
    if (!single && start >= 0) {
      if (i - start >= 2) runs.push({ start, end: i });
      start = -1;
    }
  }
  return runs;
}

function withRunsGlued(tokens: readonly TextToken[], runs: readonly Run[]): string[][] {
  const words: string[][] = [];
  let i = 0;
  for (const run of runs) {
    for (; i < run.start; i++) words.push(tokens[i].readings);
    words.push([
      tokens
        .slice(run.start, run.end)
        .map((t) => t.primary)
        .join(''),
    ]);
    i = run.end;
  }
  for (; i < tokens.length; i++) words.push(tokens[i].readings);
  return words;
}

function entryMatchesAt(entry: ListEntry, positions: readonly Position[], start: number): boolean {
  if (start + entry.tokens.length > positions.length) return false;
  return entry.tokens.every((token, i) => {
    const position = positions[start + i];
    return (
      !position.innocent &&
      (position.readings.includes(token) || position.collapsed.includes(entry.collapsedTokens[i]))
    );
  });
}

function findSubstring(
  text: string,
  needles: ReadonlyMap<string, string>,
  longest: number,
): string | null {
  for (let from = 0; from < text.length; from++) {
    const maxTo = Math.min(text.length, from + longest);
    for (let to = from + MIN_SPELLED_ENTRY_LENGTH; to <= maxTo; to++) {
      const found = needles.get(text.slice(from, to));
      if (found !== undefined) return found;
    }
  }
  return null;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

let matcher: Matcher | undefined;

/** Built on first use: a few milliseconds, then shared. */
function getMatcher(): Matcher {
  if (matcher === undefined) {
    const list = buildModerationList();
    matcher = new Matcher(list.entries, list.symbols, list.innocentPhrases);
  }
  return matcher;
}

/**
 * The first insult or slur found in `text`, as the normalised list entry that
 * matched ("connard", "fils de pute"), or null. Meant for logs and
 * moderators; users should get a generic message, not the word echoed back.
 */
export function findInsult(text: string): string | null {
  return getMatcher().find(text);
}

export function containsInsult(text: string): boolean {
  return findInsult(text) !== null;
}
