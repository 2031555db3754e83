// The moderation list: public French and English lists, minus their false positives, plus our additions.

import frenchBadwords from 'french-badwords-list';
import naughtyEnglish from 'naughty-words/en.json';
import naughtyFrench from 'naughty-words/fr.json';
import { INNOCENT_PHRASES, REMOVED_LIST_ENTRIES } from './allowlist';
import { EXTRA_WORDS } from './extra-words';
import { collapseRepeats, normalizeListEntry } from './text-normalization';

export interface ListEntry {
  /** The entry in canonical form, words separated by one space: what findInsult returns. */
  text: string;
  tokens: readonly string[];
  /** The same tokens with repeated letters collapsed, for stretched words ("connnnard"). */
  collapsedTokens: readonly string[];
}

export interface ModerationList {
  entries: readonly ListEntry[];
  /** Entries with no letters at all (emoji), matched as plain substrings of the raw text. */
  symbols: readonly string[];
  innocentPhrases: readonly (readonly string[])[];
}

export const SOURCE_LISTS: Readonly<Record<string, readonly string[]>> = {
  'french-badwords-list': frenchBadwords.array,
  'naughty-words/fr': naughtyFrench,
  'naughty-words/en': naughtyEnglish,
  'extra-words': EXTRA_WORDS,
};

function toEntry(tokens: readonly string[]): ListEntry {
  return { text: tokens.join(' '), tokens, collapsedTokens: tokens.map(collapseRepeats) };
}

export function buildModerationList(): ModerationList {
  const removed = new Set(REMOVED_LIST_ENTRIES.map((e) => normalizeListEntry(e).join(' ')));
  const entries = new Map<string, ListEntry>();
  const symbols = new Set<string>();

  for (const list of Object.values(SOURCE_LISTS)) {
    for (const raw of list) {
      const tokens = normalizeListEntry(raw);
      if (tokens.length === 0) {
        if (raw.trim() !== '') symbols.add(raw.trim());
        continue;
      }
      const text = tokens.join(' ');
      if (removed.has(text)) continue;
      // "s&m" would become the letters "s m", which ordinary text is full of.
      if (tokens.length > 1 && tokens.every((t) => t.length === 1)) continue;
      entries.set(text, toEntry(tokens));
      // Compounds and phrases are also typed glued together ("cassecouilles",
      // "tagueule"); short glued forms are left out as too likely to be a word.
      const glued = tokens.join('');
      if (tokens.length > 1 && glued.length >= 6 && !removed.has(glued) && !entries.has(glued)) {
        entries.set(glued, toEntry([glued]));
      }
    }
  }

  return {
    entries: [...entries.values()],
    symbols: [...symbols],
    innocentPhrases: INNOCENT_PHRASES.map(normalizeListEntry),
  };
}
