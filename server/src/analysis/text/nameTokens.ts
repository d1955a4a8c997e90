/**
 * Word tokens for name matching. Names in the lexicon and words in the text go through the same
 * tokeniser, so "Queen's Park" in the lexicon matches CoNLL's spaced "Queen 's Park", and a handle
 * ("@DLR_en") or a dotted abbreviation ("U.S.") stays one token.
 */

export interface NameToken {
  text: string;
  start: number;
  end: number;
}

/** Lower-case words that occur inside names ("Bank of England", "Zentrum für Luft- und Raumfahrt"). */
export const NAME_CONNECTORS: ReadonlySet<string> = new Set([
  'of', 'for', 'and', 'the', 'de', 'du', 'des', 'la', 'le', 'di', 'del', 'della', 'von', 'van', 'der', 'den', 'y', 'e', 'in', 'on', 'für', 'und',
]);

/**
 * Only words that can be part of a name become tokens: capitalised words, numbers, handles ("@DLR_en"),
 * dotted abbreviations ("U.S."), words with an inner capital ("eBay"), the possessive "'s", "&", and the
 * lower-case connectors. Other lower-case words are skipped, so the text between two tokens then contains
 * letters and a name stops there (see joinsName). A hand-written scanner: a Unicode regex was the slowest
 * part of the whole tagger.
 */
export function tokenize(text: string): NameToken[] {
  const tokens: NameToken[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 64 /* @ */ && i + 1 < n && isHandleChar(text, i + 1)) {
      let j = i + 1;
      while (j < n && isHandleChar(text, j)) j++;
      tokens.push({ text: text.slice(i, j), start: i, end: j });
      i = j;
      continue;
    }
    if (c === 38 /* & */) {
      tokens.push({ text: '&', start: i, end: i + 1 });
      i++;
      continue;
    }
    if ((c === 39 || c === 0x2019) && i + 1 < n && (text.charCodeAt(i + 1) | 32) === 115 /* s */ && !isWordChar(text, i + 2)) {
      tokens.push({ text: text.slice(i, i + 2), start: i, end: i + 2 });
      i += 2;
      continue;
    }
    if (!isWordChar(text, i)) {
      i++;
      continue;
    }
    // A word, with inner hyphens, dots and apostrophes ("Coca-Cola", "U.S", "O'Neill"), but not "'s".
    let j = i + 1;
    let hasUpper = isUpper(text, i);
    for (;;) {
      while (j < n && isWordChar(text, j)) {
        if (!hasUpper && isUpper(text, j)) hasUpper = true;
        j++;
      }
      const d = text.charCodeAt(j);
      const joiner = d === 45 || d === 46 || d === 39 || d === 0x2019;
      if (!joiner || !isWordChar(text, j + 1)) break;
      if ((d === 39 || d === 0x2019) && (text.charCodeAt(j + 1) | 32) === 115 && !isWordChar(text, j + 2)) break;
      j++;
    }
    // "U.S." keeps its final dot.
    // "Scientology-related", "Ontario-based": the name ends before a lower-case compound tail.
    if (hasUpper) {
      let hyphen = j - 1;
      while (hyphen > i && text.charCodeAt(hyphen) !== 45) hyphen--;
      if (hyphen > i && LOWER_TAIL.test(text.slice(hyphen + 1, j))) {
        tokens.push({ text: text.slice(i, hyphen), start: i, end: hyphen });
        i = j;
        continue;
      }
    }
    const first = text.charCodeAt(i);
    // Most words are ordinary lower-case words: decide before slicing, connectors are at most five letters.
    if (hasUpper || (first >= 48 && first <= 57) || (j - i <= 5 && NAME_CONNECTORS.has(text.slice(i, j)))) {
      let word = text.slice(i, j);
      if (text.charCodeAt(j) === 46 && word.length >= 3 && word.charCodeAt(word.length - 2) === 46 && DOTTED.test(word)) word = text.slice(i, ++j);
      tokens.push({ text: word, start: i, end: j });
    }
    i = j;
  }
  return tokens;
}

const LETTER = /[\p{L}\p{M}\p{N}]/u;
const DOTTED = /^(?:\p{L}\.)+\p{L}$/u;
const LOWER_TAIL = /^\p{Ll}{2,}$/u;

function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  if (Number.isNaN(c)) return false;
  if (c >= 0xd800 && c <= 0xdfff) return false; // astral letters are too rare in names to pay for pairing
  return LETTER.test(text[i]);
}

function isHandleChar(text: string, i: number): boolean {
  return text.charCodeAt(i) === 95 /* _ */ || isWordChar(text, i);
}

function isUpper(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c >= 65 && c <= 90;
  const ch = text[i];
  return ch !== ch.toLowerCase();
}

/**
 * Whether the text between two tokens keeps them in one name: spaces or a hyphen ("Luft- und"), no line break or
 * punctuation. A hyphen spaced on both sides is a dash ("OSLO - The Harbour Authority"), which ends a name.
 */
export function joinsName(gap: string): boolean {
  return gap.length > 0 && gap.length <= 3 && /^(?:[ \t\u00a0]*|-[ \t\u00a0]*|[ \t\u00a0]*-)$/.test(gap);
}

/** "NASA", "Roscosmos", "3M"; not "30-year" or "eBay" (a name's first word). */
export function isCapitalised(word: string): boolean {
  return /^(?:\p{Lu}|\p{N}+\p{Lu})/u.test(word);
}

export function isAllCaps(word: string): boolean {
  return /\p{Lu}/u.test(word) && !/\p{Ll}/u.test(word);
}

/** Upper-case key used to match names in all-caps headlines. */
export function capsKey(words: readonly string[]): string {
  return words.join(' ').toUpperCase();
}
