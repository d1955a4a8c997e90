/**
 * One form of a name or phrase for searching: journalists type "Valdes" for "Valdés", "dont" or "don't"
 * for "don’t", and any case. Folding both sides the same way makes every search accent-, case- and
 * typography-insensitive.
 */

const COMBINING_MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
const SINGLE_QUOTES = /[‘’‚‛′`´]/g;
/** Printable ASCII but the backtick, words apart by single spaces. */
const PLAIN = /^(?:[!-_a-~]+(?: [!-_a-~]+)*)?$/;
const DOUBLE_QUOTES = /[“”„‟″«»]/g;

/** Without accents, in lower case, with typographic quotes as straight ones and white space collapsed. */
export function foldForSearch(text: string): string {
  // Most names are plain ASCII with single spaces inside: lower case is all they need.
  if (PLAIN.test(text)) return text.toLowerCase();
  return stripAccents(text).toLowerCase().replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"').replace(/\s+/g, ' ').trim();
}

/** The text without its combining marks ("Valdés" → "Valdes"); case and length per letter are kept. */
export function stripAccents(text: string): string {
  // Only letters from U+00C0 on and combining marks can lose a mark; text without them (ASCII with curly
  // quotes and dashes, the common case) skips the normalisation.
  return MAY_CARRY_MARKS.test(text) ? text.normalize('NFD').replace(COMBINING_MARKS, '').normalize('NFC') : text;
}

/** Anything from U+00C0 on, but the general punctuation block (dashes, curly quotes, ellipsis). */
const MAY_CARRY_MARKS = /[\u00c0-\u1fff\u20d0-\uffff]/;

/**
 * Alphabetical the way a reader expects: by the folded forms, then case and accents decide. The caller
 * folds each name once, not once per comparison.
 */
export function compareFoldedNames(foldedA: string, a: string, foldedB: string, b: string): number {
  if (foldedA !== foldedB) return foldedA < foldedB ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
