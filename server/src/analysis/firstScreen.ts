/**
 * The first screen of an article before the analysis bundle is loaded: its dates and its quotes, found by
 * the same grammar and scanner as the whole analysis, in the paragraphs around the range in view. No
 * agency lexicon, no people and no speakers, so it costs a fraction of a cold analysis; the server
 * answers the editor's first range request with it and asks for the tokens again once the whole
 * analysis is loaded.
 */
import type { Annotation, DateAnnotation, QuoteAnnotation } from './annotation';
import { findDates } from './dates/dates';
import { findPublicationDate } from './dates/publicationDate';
import { resolveReportingPeriods } from './dates/reportingPeriods';
import { assembleQuotes, findQuotesInParagraph } from './quotes/quotes';
import { splitParagraphsAround } from './text/paragraphs';

export function firstScreenAnnotations(text: string, start: number, end: number, publicationDateSetting?: string): Annotation[] {
  const publicationDate = findPublicationDate(text, publicationDateSetting);
  const paragraphs = splitParagraphsAround(text, start, end);
  const dates: DateAnnotation[] = [];
  for (const paragraph of paragraphs) {
    for (const date of findDates(paragraph.text, publicationDate.value)) {
      dates.push({ ...date, start: date.start + paragraph.start, end: date.end + paragraph.start });
    }
  }
  const quotes = assembleQuotes(
    text,
    paragraphs,
    paragraphs.map((paragraph) => findQuotesInParagraph(paragraph.text)),
  );
  // A speaker's colour depends on whether it is an agency, which only the lexicon knows: painted with the rest.
  const unattributed: QuoteAnnotation[] = quotes.map((quote) => ({ ...quote, speaker: null }));
  return [...resolveReportingPeriods(dates), ...unattributed].sort((a, b) => a.start - b.start || a.end - b.end);
}

/** A made-up first paragraph that takes the first screen's common paths: a dateline, a quote, a sentence adverb. */
const WARM_UP_TEXT = 'OSLO, 3 March 2022 — "We start on Monday," the agency said, a week after it was agreed.\n\nConversely, the minister said on Friday: "Not yet."';

/**
 * The first-screen analysis run once on a made-up paragraph, in steps: the first reads the lexicon snapshot (the
 * tense of the words around a date) and compiles the date grammar, the second the quote scanner and the speaker
 * patterns. The server runs one step a turn while the editor is still sending the document, so that the reads of
 * the document come in between, not after the whole warm-up.
 */
export const FIRST_SCREEN_WARM_UP: ReadonlyArray<() => void> = [
  () => findDates(WARM_UP_TEXT, findPublicationDate(WARM_UP_TEXT).value),
  () => firstScreenAnnotations(WARM_UP_TEXT, 0, WARM_UP_TEXT.length),
];
