/**
 * Finds quotation-mark pairs in one paragraph. compromise's quotations() mis-pairs „ with ” and
 * drops long quotes, so this is a small scanner of its own: every mark is classified as opening
 * or closing (from the mark itself or, for the ambiguous straight marks, from its neighbours),
 * then paired with a stack so that nested quotes stay inside their outer quote.
 */

export type MarkFamily = 'double' | 'single';

/** A matched pair of marks; `end` is exclusive and includes the closing mark. */
export interface QuotePair {
  start: number;
  end: number;
  /** Offsets of the quoted words, without the marks. */
  contentStart: number;
  contentEnd: number;
  family: MarkFamily;
}

export interface ScannedParagraph {
  /** Top-level pairs only (a quote inside another quote is part of the outer statement). */
  pairs: QuotePair[];
  /** A top-level opening mark never closed in this paragraph: the quote may continue in the next paragraph. */
  unclosedOpen: { start: number; family: MarkFamily; mark: string; pairsIfStray: QuotePair[] } | null;
  /** The mark the paragraph opens with (what a continued multi-paragraph quote does), or null. */
  opensWithMark: string | null;
}

type Role = 'open' | 'close' | 'either';

interface Mark {
  index: number;
  length: number;
  family: MarkFamily;
  role: Role;
}

/** Word-internal or elided-letter apostrophes that look like an opening single mark. */
const ELISIONS = /^(?:em|til|tis|twas|n|cause|bout|round|nuff|ere)\b/i;

function isWordChar(code: number): boolean {
  // Letters and digits of any script; surrogate halves count as word characters (emoji, rare scripts).
  // NaN is the edge of the text: a mark there starts or ends a quote, it is no apostrophe.
  if (Number.isNaN(code)) return false;
  if (code >= 48 && code <= 57) return true;
  if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return true;
  if (code < 0xc0) return false;
  if (code === 0xd7 || code === 0xf7) return false;
  if (code >= 0x2000 && code <= 0x2bff) return false; // punctuation, symbols, arrows
  if (code >= 0x3000 && code <= 0x303f) return false;
  return true;
}

function isSpaceOrNone(code: number): boolean {
  return Number.isNaN(code) || code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0 || code === 0x2009 || code === 0x202f;
}

/** Characters after which an ambiguous mark opens a quote. */
function opensAfter(code: number): boolean {
  return (
    isSpaceOrNone(code) ||
    code === 40 || code === 91 || code === 123 || // ( [ {
    code === 0x2014 || code === 0x2013 || code === 45 || code === 47 || // — – - /
    code === 58 // : (a colon glued to a quote, "said:"quote" typos)
  );
}

/** Characters before which an ambiguous mark closes a quote. */
function closesBefore(code: number): boolean {
  return (
    isSpaceOrNone(code) ||
    code === 44 || code === 46 || code === 59 || code === 58 || code === 33 || code === 63 || // , . ; : ! ?
    code === 41 || code === 93 || code === 125 || // ) ] }
    code === 0x2014 || code === 0x2013 || code === 45 || code === 0x2026 || code === 0x2019 || code === 0x201d || code === 39 || code === 34
  );
}

/**
 * Bidi embeddings, zero-width spaces and joiners are invisible: pasted posts put U+202A before a
 * paragraph's opening mark. The mark's role comes from the visible characters around it.
 */
function isInvisibleFormat(code: number): boolean {
  return (code >= 0x200b && code <= 0x200f) || (code >= 0x202a && code <= 0x202e) || (code >= 0x2060 && code <= 0x2069) || code === 0xfeff;
}

function visibleBefore(text: string, i: number): number {
  let k = i - 1;
  while (k >= 0 && isInvisibleFormat(text.charCodeAt(k))) k--;
  return k >= 0 ? text.charCodeAt(k) : NaN;
}

function visibleAfter(text: string, i: number): number {
  let k = i;
  while (k < text.length && isInvisibleFormat(text.charCodeAt(k))) k++;
  return text.charCodeAt(k);
}

function classify(text: string, i: number): Mark | null {
  const c = text.charCodeAt(i);
  const prev = visibleBefore(text, i);
  switch (c) {
    case 0x201c: // “ opens; glued to the end of a word it closes (German „…“, or a mistyped ”)
      return ambiguous(text, i, 1, 'double', 'open');
    case 0x201e: // „
    case 0x00ab: // «
      return { index: i, length: 1, family: 'double', role: 'open' };
    case 0x00bb: // »
      return { index: i, length: 1, family: 'double', role: 'close' };
    case 0x201d: // ” mostly closes; a mistyped opener sits before a word after a space
      return ambiguous(text, i, 1, 'double', 'close');
    case 0x2018: // ‘ opens unless it elides a number (‘90s)
      if (/^\d\ds\b|^\d\d\b/.test(text.slice(i + 1, i + 4))) return null;
      return { index: i, length: 1, family: 'single', role: 'open' };
    case 0x201a: // ‚
    case 0x2039: // ‹
      return { index: i, length: 1, family: 'single', role: 'open' };
    case 0x203a: // ›
      return { index: i, length: 1, family: 'single', role: 'close' };
    case 0x2019: // ’ is mostly an apostrophe
      return apostropheOrMark(text, i, 1, prev);
    case 34: // "
      return ambiguous(text, i, 1, 'double', 'either');
    case 96: // `` opens in TimeML/AP transcripts
      if (text.charCodeAt(i + 1) === 96) return { index: i, length: 2, family: 'double', role: 'open' };
      return null;
    case 39: // ' or ''
      if (text.charCodeAt(i + 1) === 39) return ambiguous(text, i, 2, 'double', 'either');
      return apostropheOrMark(text, i, 1, prev);
    default:
      return null;
  }
}

/** A straight (or misused curly) mark: its role comes from the spaces around it. */
function ambiguous(text: string, i: number, length: number, family: MarkFamily, fallback: Role): Mark | null {
  const prev = visibleBefore(text, i);
  const next = visibleAfter(text, i + length);
  // At the start of a paragraph or line a mark can only open ("” … what I learned" is a mistyped opener).
  if (Number.isNaN(prev) || prev === 10 || prev === 13) return { index: i, length, family, role: 'open' };
  const canOpen = opensAfter(prev) && !isSpaceOrNone(next);
  const canClose = !isSpaceOrNone(prev) && closesBefore(next);
  if (canOpen && !canClose) return { index: i, length, family, role: 'open' };
  if (canClose && !canOpen) return { index: i, length, family, role: 'close' };
  // Spaces on both sides ("Monday. “ she added"): a curly mark's shape is no evidence (mis-typed or
  // mis-encoded), so it closes the open quote if there is one and opens otherwise.
  if (isSpaceOrNone(prev) && isSpaceOrNone(next)) return { index: i, length, family, role: 'either' };
  if (isWordChar(prev) && isWordChar(next)) {
    // 5"10 or a glued quote: a double mark still pairs, a single one is an apostrophe.
    return family === 'double' ? { index: i, length, family, role: fallback } : null;
  }
  return { index: i, length, family, role: fallback };
}

function apostropheOrMark(text: string, i: number, length: number, prev: number): Mark | null {
  const next = visibleAfter(text, i + length);
  if (isWordChar(prev) && isWordChar(next)) return null; // don't, Russia's, rock'n'roll
  if (!isWordChar(prev) && isWordChar(next)) {
    const after = text.slice(i + length, i + length + 6);
    if (/^\d/.test(after)) return null; // '90s, '22
    if (ELISIONS.test(after)) return null; // 'em, 'til, rock 'n' roll
  }
  // A plural possessive ("the players' union") classifies as closing; with no single quote open it closes nothing.
  return ambiguous(text, i, length, 'single', 'either');
}

/** Pairs the quotation marks of one paragraph. */
export function scanQuotes(paragraph: string): ScannedParagraph {
  const marks: Mark[] = [];
  for (let i = 0; i < paragraph.length; i++) {
    const c = paragraph.charCodeAt(i);
    if (c !== 34 && c !== 39 && c !== 96 && c !== 0xab && c !== 0xbb && (c < 0x2018 || c > 0x203a)) continue;
    const mark = classify(paragraph, i);
    if (mark) {
      marks.push(mark);
      i += mark.length - 1;
    }
  }

  const { pairs, stack } = pairMarks(paragraph, marks);
  // Single opens left over were apostrophes ('tis); a double left open may run into the next paragraph.
  const firstDouble = stack.find((m) => m.family === 'double');
  const lastPairEnd = pairs.length ? pairs[pairs.length - 1].end : 0;
  // An unclosed single mark only counts as a running quote when it opens the paragraph.
  const unclosed = firstDouble && firstDouble.index >= lastPairEnd ? firstDouble : stack.find((m) => m.index === 0);
  return {
    pairs,
    unclosedOpen: unclosed
      ? {
          start: unclosed.index,
          family: unclosed.family,
          mark: paragraph.slice(unclosed.index, unclosed.index + unclosed.length),
          pairsIfStray: pairMarks(paragraph, marks.filter((m) => m !== unclosed)).pairs.filter((p) => p.start > unclosed.index),
        }
      : null,
    opensWithMark: marks.length && marks[0].index === 0 && marks[0].role !== 'close' ? paragraph.slice(0, marks[0].length) : null,
  };
}

/**
 * A closing mark closes the nearest open mark of its family, dropping unmatched opens above it
 * (stray apostrophes); a closing mark with nothing to close is ignored. Only pairs that sit
 * inside no other pair are reported.
 */
function pairMarks(paragraph: string, marks: readonly Mark[]): { pairs: QuotePair[]; stack: Mark[] } {
  const stack: Mark[] = [];
  const pairs: QuotePair[] = [];
  // How many marks of each family are open, so that nesting is known without scanning the stack.
  const open = { double: 0, single: 0 };
  for (const mark of marks) {
    // A quote running over lines: the new line re-opens with a mark, which continues rather than nests.
    if (mark.role !== 'close' && stack.length > 0 && stack[0].family === mark.family && stack[stack.length - 1] === stack[0] && startsLine(paragraph, mark.index)) continue;
    const openIndex = findOpen(stack, mark, paragraph.charCodeAt(mark.index), paragraph);
    if (openIndex >= 0) {
      const opener = stack[openIndex];
      for (let k = openIndex; k < stack.length; k++) open[stack[k].family]--;
      stack.length = openIndex;
      if (open.double === 0 && open[opener.family] === 0) {
        pairs.push({ start: opener.index, end: mark.index + mark.length, contentStart: opener.index + opener.length, contentEnd: mark.index, family: opener.family });
      }
      continue;
    }
    if (mark.role !== 'close') {
      stack.push(mark);
      open[mark.family]++;
    }
  }
  return { pairs, stack };
}

function startsLine(paragraph: string, index: number): boolean {
  let i = index - 1;
  while (i >= 0 && (paragraph.charCodeAt(i) === 32 || paragraph.charCodeAt(i) === 9 || paragraph.charCodeAt(i) === 0xa0)) i--;
  return i >= 0 && (paragraph.charCodeAt(i) === 10 || paragraph.charCodeAt(i) === 13);
}

const MAX_NESTING = 16;

/** Index in the stack of the open mark this mark closes, or -1. */
function findOpen(stack: readonly Mark[], mark: Mark, code: number, paragraph: string): number {
  // Only the German closers among opening marks close anything.
  if (mark.role === 'open' && code !== 0x201c && code !== 0x2018) return -1;
  // A closer matches one of the last few open marks; deeper ones are unclosed strays, and the bound keeps this linear.
  for (let k = stack.length - 1; k >= Math.max(0, stack.length - MAX_NESTING); k--) {
    const open = stack[k];
    if (open.family !== mark.family) continue;
    if (mark.role !== 'open') return k;
    // German „…“ and ‚…‘ close with the marks that open English quotes.
    const opener = paragraph.charCodeAt(open.index);
    if ((code === 0x201c && opener === 0x201e) || (code === 0x2018 && opener === 0x201a)) return k;
    return -1;
  }
  return -1;
}
