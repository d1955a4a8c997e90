/**
 * A fuzzy match in the spirit of VS Code's Go to Symbol: the query's characters must appear in the name in
 * order, ignoring case and accents; a match scores higher the more it looks like what the user meant to
 * type: the whole name, then its start, then the start of one of its words, then a run inside a word, then
 * scattered characters, which count most where they start words ("gac" for "German Aerospace Center").
 */
import { stripAccents } from './searchFold';

/** A name prepared once for many queries. */
export interface FuzzyTarget {
  /** Lower case, without accents. */
  readonly folded: string;
  /** Same length as `folded` with its case kept, when lower-casing kept the length; else `folded`. */
  readonly cased: string;
  /** Which letters and digits it holds (`characterMask`): most names are turned away on it alone. */
  readonly mask: number;
}

export function fuzzyTarget(name: string): FuzzyTarget {
  const cased = stripAccents(name);
  const folded = cased.toLowerCase();
  return { folded, cased: folded.length === cased.length ? cased : folded, mask: characterMask(folded) };
}

/** A query prepared once for many names. */
export interface FuzzyQuery {
  /** Lower case, without accents, white space as single spaces (as in names), none around it. */
  readonly text: string;
  readonly mask: number;
}

export function fuzzyQuery(query: string): FuzzyQuery {
  const text = stripAccents(query.trim().replace(/\s+/g, ' ')).toLowerCase();
  return { text, mask: characterMask(text) };
}

/** One bit per letter a–z, one for any digit: a name lacking a bit of the query cannot match it. */
function characterMask(folded: string): number {
  let mask = 0;
  for (let i = 0; i < folded.length; i++) {
    const code = folded.charCodeAt(i);
    if (code >= 97 && code <= 122) mask |= 1 << (code - 97);
    else if (code >= 48 && code <= 57) mask |= 1 << 26;
  }
  return mask;
}

// Tiers leave room below them for the finer scores of scattered matches.
const EXACT = 4_000_000;
const PREFIX = 3_000_000;
const WORD_PREFIX = 2_000_000;
const INSIDE_WORD = 1_000_000;

/** Scattered letters score below this, whatever they are: a caller holding better matches can skip them. */
export const SCATTERED_BELOW = INSIDE_WORD;

/**
 * How well `query` (from `fuzzyQuery`) matches; 0 when it does not. An empty query matches everything
 * equally (score 1). `scattered` false skips the costliest kind of match, letters found apart, which then
 * score 0.
 */
export function fuzzyScore(prepared: FuzzyQuery, target: FuzzyTarget, scattered = true): number {
  const query = prepared.text;
  if (query.length === 0) return 1;
  if ((target.mask & prepared.mask) !== prepared.mask) return 0;
  const text = target.folded;
  if (query.length > text.length) return 0;
  const at = text.indexOf(query);
  if (at === 0) return query.length === text.length ? EXACT : PREFIX;
  if (at > 0) {
    for (let from = at; from >= 0; from = text.indexOf(query, from + 1)) {
      if (isWordStart(target.cased, from)) return WORD_PREFIX;
    }
    return INSIDE_WORD;
  }
  return scattered ? scatteredScore(query, target) : 0;
}

/**
 * Characters found apart: the best of two greedy walks, one taking each character at the first place it
 * occurs, one preferring the next character in a row or the start of a word. Each character earns 1, more
 * when it starts a word (8) or follows the one before (4); 0 when the characters are not all there in order.
 */
function scatteredScore(query: string, target: FuzzyTarget): number {
  const firstPlaces = walk(query, target, false);
  return firstPlaces === 0 ? 0 : Math.max(firstPlaces, walk(query, target, true));
}

function walk(query: string, target: FuzzyTarget, preferWordStarts: boolean): number {
  const text = target.folded;
  let score = 0;
  let previous = -2;
  for (let q = 0; q < query.length; q++) {
    const char = query[q];
    let at = -1;
    if (preferWordStarts && text[previous + 1] !== char) at = nextWordStart(target, char, previous + 1);
    if (at < 0) at = text.indexOf(char, previous + 1);
    if (at < 0) return 0;
    score += at === previous + 1 ? 4 : isWordStart(target.cased, at) ? 8 : 1;
    if (at === 0) score += 4;
    previous = at;
  }
  return score;
}

function nextWordStart(target: FuzzyTarget, char: string, from: number): number {
  for (let at = target.folded.indexOf(char, from); at >= 0; at = target.folded.indexOf(char, at + 1)) {
    if (isWordStart(target.cased, at)) return at;
  }
  return -1;
}

/** The first character, one after a space or punctuation, and an upper-case letter after a lower-case one ("SpaceX"). */
function isWordStart(cased: string, at: number): boolean {
  if (at === 0) return true;
  const before = cased[at - 1];
  if (!isWordCharacter(before)) return isWordCharacter(cased[at]);
  const here = cased[at];
  return here !== here.toLowerCase() && before === before.toLowerCase() && before !== before.toUpperCase();
}

function isWordCharacter(char: string): boolean {
  const code = char.charCodeAt(0);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return /[\p{L}\p{N}]/u.test(char);
}
