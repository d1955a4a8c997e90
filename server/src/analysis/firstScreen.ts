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

/**
 * Runs the first-screen analysis once on a made-up paragraph: it reads the lexicon snapshot (the tense of the
 * words around a date) and compiles the date grammar and the quote scanner, while the editor is still busy
 * sending the document.
 */
export function warmUpFirstScreen(): void {
  firstScreenAnnotations('OSLO, 3 March 2022 — "We start on Monday," the agency said, a week after it was agreed.', 0, 1);
}
