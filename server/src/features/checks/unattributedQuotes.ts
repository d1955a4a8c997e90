/**
 * `unattributed-quote`: a direct quote long enough to be a statement (8 words or more) whose speaker is
 * found neither in its own paragraph nor in the paragraphs around it. Short phrases in quotation marks are
 * often titles, slogans or scare quotes, and a quote next to an attributed one usually continues it.
 */
import type { QuoteAnnotation } from '../../analysis/annotation';
import type { Paragraph } from '../../analysis/text/paragraphs';
import { isCueWord } from '../../analysis/quotes/speakers';
import { wordCount } from '../quoteText';
import type { Finding } from './check';

export const MIN_STATEMENT_WORDS = 8;

export function unattributedQuotes(text: string, paragraphs: readonly Paragraph[], quotes: readonly QuoteAnnotation[]): Finding[] {
  const findings: Finding[] = [];
  const attributed = quotes.filter((quote) => quote.speaker);
  let next = 0; // attributed quotes are sorted by start, as the analysis returns them
  for (const quote of quotes) {
    if (quote.speaker || quote.kind !== 'direct') continue;
    const words = wordCount(quote.text);
    if (words < MIN_STATEMENT_WORDS) continue;
    const first = paragraphIndexAt(paragraphs, quote.start);
    const last = paragraphIndexAt(paragraphs, Math.max(quote.start, quote.end - 1));
    const from = paragraphs[Math.max(0, first - 1)]?.start ?? quote.start;
    const to = paragraphs[Math.min(paragraphs.length - 1, last + 1)]?.end ?? quote.end;
    while (next < attributed.length && attributed[next].end <= from) next++;
    const nearby = next < attributed.length && attributed[next].start < to;
    if (nearby || signedOrBylined(text, quote) || hasAttributionCue(text, from, to, quotes)) continue;
    findings.push({
      code: 'unattributed-quote',
      start: quote.start,
      end: quote.end,
      message: `No speaker for this quote (${words} words) in its paragraph or the ones next to it: who said it?`,
    });
  }
  return findings;
}

/**
 * `"…" — Jane Doe` (on the same line or the next) signs a quote; `by Jane Doe: "…"` and `"…," by Jane Doe`
 * credit an excerpt or a title. All name the speaker without a verb.
 */
function signedOrBylined(text: string, quote: QuoteAnnotation): boolean {
  const after = text.slice(quote.end, quote.end + 24);
  if (/^\s*[-–—―]+[ \t]*[\p{Lu}@]/u.test(after) || /^\s*by\s+(?:the\s+)?\p{Lu}/u.test(after)) return true;
  return /\bby\b[^.!?:\r\n]{1,80}:[ \t]*$/.test(text.slice(Math.max(0, quote.start - 100), quote.start));
}

/**
 * A cue verb ("said", "told", "according to") outside the quotes of [from, to): the speaker is named
 * there even though no quote was tied to it ("…," the report concluded. / Mr. Clarke said later).
 */
function hasAttributionCue(text: string, from: number, to: number, quotes: readonly QuoteAnnotation[]): boolean {
  let cursor = from;
  const inside = quotes.filter((quote) => quote.end > from && quote.start < to);
  for (const quote of [...inside, { start: to, end: to }]) {
    const between = text.slice(cursor, Math.max(cursor, quote.start));
    if (/\baccording to\b/i.test(between)) return true;
    for (const word of between.match(/\p{Ll}+/gu) ?? []) if (isCueWord(word)) return true;
    cursor = Math.max(cursor, quote.end);
  }
  return false;
}

/** Index of the paragraph that holds `offset`, or of the last one before it. */
function paragraphIndexAt(paragraphs: readonly Paragraph[], offset: number): number {
  let low = 0;
  let high = paragraphs.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (paragraphs[mid].start <= offset) low = mid + 1;
    else high = mid;
  }
  return Math.max(0, low - 1);
}
