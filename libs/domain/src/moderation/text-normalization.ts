// Turns free text into the comparable tokens the moderation list is matched against.

/** Characters that render as nothing: used to split a word invisibly ("con\u00ADnard"). */
const INVISIBLE =
  // Each invisible code point is matched on its own on purpose, combining marks included.
  // eslint-disable-next-line no-misleading-character-class
  /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFE00-\uFE0F\uFEFF]/g;

/** Letters NFKD does not decompose, plus Cyrillic/Greek look-alikes used to dodge filters. */
const FOLDS: Record<string, string> = {
  œ: 'oe',
  æ: 'ae',
  ß: 'ss',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  ı: 'i',
  þ: 'th',
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  і: 'i',
  ј: 'j',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  ѕ: 's',
  т: 't',
  у: 'y',
  х: 'x',
  α: 'a',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
};
const FOLDABLE = new RegExp(`[${Object.keys(FOLDS).join('')}]`, 'g');

/** Leetspeak substitutions (1 also reads as l: see tokenCandidates). */
const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '€': 'e',
  '!': 'i',
};
const LEET_CHARS = /[0134579@$€!]/g;

/** A token is a run of letters, digits and leet symbols; anything else separates words. */
const SEPARATORS = /[^a-z0-9@$€!]+/;

/** Lower case, no accents, no invisible characters, look-alike letters folded. */
function foldText(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(FOLDABLE, (c) => FOLDS[c] ?? c);
}

function leet(token: string, one: 'i' | 'l'): string {
  return token.replace(LEET_CHARS, (c) => (c === '1' ? one : (LEET[c] ?? c)));
}

/**
 * The readings of one raw token, most likely first. Several readings exist
 * because the same symbols are ambiguous: a trailing "!" is punctuation
 * ("con!") but an inner one is an i ("p!d"); "1" is an i or an l ("sa1ope");
 * a leading "@" is a mention ("@connard") or an a ("@bruti"); a final "s" may
 * be a plural. Numbers of two
 * digits or more stay numbers, so "Team 455" does not read as "ass".
 */
function tokenCandidates(raw: string): string[] {
  const body = raw.replace(/^!+|!+$/g, '');
  if (body === '') return [];
  if (/^[0-9]{2,}$/.test(body)) return [body];
  const candidates = [leet(body, 'i')];
  if (body !== raw) candidates.push(leet(raw, 'i'));
  if (body.includes('1')) candidates.push(leet(body, 'l'));
  if (body.startsWith('@') && body.length > 1) candidates.push(leet(body.slice(1), 'i'));
  // Plurals ("connards", "salopes") read as the listed singular; short words
  // are left alone so "culs" and "pds" need their own entry to be caught.
  for (const candidate of [...candidates]) {
    if (candidate.length >= 5 && candidate.endsWith('s')) candidates.push(candidate.slice(0, -1));
  }
  return [...new Set(candidates)];
}

/** One word of the text with every reading worth comparing. */
export interface TextToken {
  /** The most likely reading; what normalizeForModeration shows. */
  primary: string;
  readings: string[];
}

export function tokenizeForModeration(text: string): TextToken[] {
  const tokens: TextToken[] = [];
  for (const raw of foldText(text).split(SEPARATORS)) {
    const readings = tokenCandidates(raw);
    if (readings.length > 0) tokens.push({ primary: readings[0], readings });
  }
  return tokens;
}

/**
 * The canonical form text is compared in: lower case, accents and invisible
 * characters removed, leetspeak decoded, words separated by single spaces.
 * "C.0.N.N.@.R.D !" → "c o n n a r d".
 */
export function normalizeForModeration(text: string): string {
  return tokenizeForModeration(text)
    .map((t) => t.primary)
    .join(' ');
}

/**
 * A list entry in canonical tokens. Entries are written by people, not
 * dodging anything, so every leet symbol is decoded (the source lists spell
 * "!mb3c!l3" for "imbécile").
 */
export function normalizeListEntry(entry: string): string[] {
  return foldText(entry)
    .split(SEPARATORS)
    .filter((raw) => raw !== '')
    .map((raw) => (/^[0-9]{2,}$/.test(raw) ? raw : leet(raw, 'i')));
}

/** "connnnard" → "conard": every run of a repeated letter becomes one letter. */
export function collapseRepeats(word: string): string {
  return word.replace(/(.)\1+/g, '$1');
}

/**
 * Whether a word is stretched on purpose. Hardly any French or English word has the
 * same letter three times in a row, so only such words are compared in
 * collapsed form; collapsing ordinary words would confuse "cônes" with "connes".
 */
export function isStretched(word: string): boolean {
  return /(.)\1\1/.test(word);
}
