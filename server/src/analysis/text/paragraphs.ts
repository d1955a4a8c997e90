/**
 * Paragraphs are the unit of caching: analysis that depends only on one paragraph's text is
 * memoised by that text, so an edit re-analyses only the paragraphs it touches.
 */

export interface Paragraph {
  start: number;
  end: number;
  text: string;
}

/** Blocks longer than this are cut at line breaks, then at sentence ends, so one huge line stays linear. */
const MAX_PARAGRAPH_LENGTH = 20_000;

// A lone \r is a line break only when no \n follows: otherwise one CRLF would count as two breaks, a blank line.
const BLANK_LINES = /(?:\r\n|\r(?!\n)|\n)[ \t\u00a0]*(?:\r\n|\r(?!\n)|\n)(?:[ \t\u00a0]*(?:\r\n|\r(?!\n)|\n))*/g;

export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let blockStart = 0;
  BLANK_LINES.lastIndex = 0;
  for (let match = BLANK_LINES.exec(text); match; match = BLANK_LINES.exec(text)) {
    pushBlock(text, blockStart, match.index, paragraphs);
    blockStart = match.index + match[0].length;
  }
  pushBlock(text, blockStart, text.length, paragraphs);
  return paragraphs;
}

/** How far before a range the search for the blank line that opens its block starts; doubled until one is found. */
const FIRST_REACH = 4_096;

/**
 * The paragraphs of `splitParagraphs(text)` that overlap [start, end], without splitting the rest of the
 * text: a first screen of a 10 MB file must not cost a pass over all of it. The same paragraphs, because
 * a blank-line run always ends where the whole-text split ends it, wherever the search enters the run.
 */
export function splitParagraphsAround(text: string, start: number, end: number): Paragraph[] {
  let blockStart = 0;
  let scanFrom = 0;
  for (let reach = FIRST_REACH; start - reach > 0; reach *= 2) {
    BLANK_LINES.lastIndex = start - reach;
    const match = BLANK_LINES.exec(text);
    // A run that starts before `start`: every block after it is a block of the whole-text split.
    if (match && match.index < start) {
      blockStart = match.index + match[0].length;
      scanFrom = blockStart;
      break;
    }
  }
  const blocks: Paragraph[] = [];
  BLANK_LINES.lastIndex = scanFrom;
  for (let match = BLANK_LINES.exec(text); match; match = BLANK_LINES.exec(text)) {
    pushBlock(text, blockStart, match.index, blocks);
    blockStart = match.index + match[0].length;
    if (blockStart > end) break;
  }
  if (blockStart <= end) pushBlock(text, blockStart, text.length, blocks);
  return blocks.filter((p) => p.end >= start && p.start <= end);
}

function pushBlock(text: string, start: number, end: number, into: Paragraph[]): void {
  // Trim surrounding whitespace so that offsets point at the words.
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (start >= end) return;
  if (end - start <= MAX_PARAGRAPH_LENGTH) {
    into.push({ start, end, text: text.slice(start, end) });
    return;
  }
  let pieceStart = start;
  while (pieceStart < end) {
    let pieceEnd = Math.min(end, pieceStart + MAX_PARAGRAPH_LENGTH);
    if (pieceEnd < end) pieceEnd = findCut(text, pieceStart, pieceEnd);
    into.push({ start: pieceStart, end: pieceEnd, text: text.slice(pieceStart, pieceEnd) });
    pieceStart = pieceEnd;
  }
}

/** The last line break, else the last sentence end, else the last space before `limit`; never inside a surrogate pair. */
function findCut(text: string, from: number, limit: number): number {
  const floor = from + (MAX_PARAGRAPH_LENGTH >> 1);
  for (let i = limit; i > floor; i--) {
    const c = text.charCodeAt(i - 1);
    if (c === 10 || c === 13) return i;
  }
  for (let i = limit; i > floor; i--) {
    const c = text.charCodeAt(i - 1);
    if ((c === 46 || c === 33 || c === 63) && text.charCodeAt(i) === 32) return i + 1;
  }
  for (let i = limit; i > floor; i--) {
    if (text.charCodeAt(i - 1) === 32) return i;
  }
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0 || code === 0xfeff;
}
