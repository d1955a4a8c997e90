/**
 * The one entry point of the analysis: text (+ publication date) in, annotations out.
 * Per-paragraph work is memoised by paragraph text, so re-annotating an edited document only
 * analyses the paragraphs that changed; the document-level passes run on the memoised results.
 */
import type {
  AgencyAnnotation,
  AnalysisResult,
  AnnotateOptions,
  Annotation,
  DateAnnotation,
  QuoteAnnotation,
} from './annotation';
import { createAgencyTagger, type AgencyMention, type AgencyTagger } from './agencies';
import { findDates } from './dates';
import { ParagraphMemo } from './memo';
import { splitParagraphs, type Paragraph } from './paragraphs';
import { findPublicationDate } from './publicationDate';
import { assembleQuotes, findQuotesInParagraph, type ParagraphQuotes } from './quotes';

export * from './annotation';

export interface AnnotateRangeOptions extends AnnotateOptions {
  /** Analyse only the paragraphs that overlap this range (for a quick first screen of a huge file). */
  range?: { start: number; end: number };
}

const dateMemo = new ParagraphMemo<DateAnnotation[]>();
const agencyMemo = new ParagraphMemo<AgencyMention[]>();
const quoteMemo = new ParagraphMemo<ParagraphQuotes>();

let cachedTagger: AgencyTagger | undefined;
function agencyTaggerFor(options: AnnotateOptions): AgencyTagger {
  const key = JSON.stringify(options.customAgencies ?? []);
  if (!cachedTagger || cachedTagger.key !== key) cachedTagger = createAgencyTagger(options.customAgencies ?? []);
  return cachedTagger;
}

export function annotate(text: string, options: AnnotateRangeOptions = {}): AnalysisResult {
  const steps = annotateInSteps(text, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same analysis as `annotate`, yielding after each paragraph so that a caller can spread a
 * long document over several turns of its event loop (and drop it when a newer version arrives).
 */
export function* annotateInSteps(text: string, options: AnnotateRangeOptions = {}): Generator<void, AnalysisResult, void> {
  const publicationDate = findPublicationDate(text, options.publicationDate);
  const tagger = agencyTaggerFor(options);
  let paragraphs = splitParagraphs(text);
  if (options.range) paragraphs = overlapping(paragraphs, options.range);

  const dates: DateAnnotation[] = [];
  const mentions: AgencyMention[] = [];
  const quoteLocals: ParagraphQuotes[] = [];
  const dateKeyPrefix = publicationDate.value + '\u0000';
  const agencyKeyPrefix = tagger.key + '\u0000';
  for (const paragraph of paragraphs) {
    const offset = paragraph.start;
    for (const date of dateMemo.get(dateKeyPrefix + paragraph.text, () => findDates(paragraph.text, publicationDate.value))) {
      dates.push({ ...date, start: date.start + offset, end: date.end + offset });
    }
    for (const mention of agencyMemo.get(agencyKeyPrefix + paragraph.text, () => tagger.findInParagraph(paragraph.text))) {
      mentions.push({ ...mention, start: mention.start + offset, end: mention.end + offset });
    }
    quoteLocals.push(quoteMemo.get(paragraph.text, () => findQuotesInParagraph(paragraph.text)));
    yield;
  }
  const agencies: AgencyAnnotation[] = tagger.resolve(text, mentions);
  const quotes: QuoteAnnotation[] = assembleQuotes(text, paragraphs, quoteLocals, agencies);
  const annotations: Annotation[] = [...agencies, ...dates, ...quotes].sort(byPosition);
  return { publicationDate, annotations };
}

function overlapping(paragraphs: Paragraph[], range: { start: number; end: number }): Paragraph[] {
  return paragraphs.filter((p) => p.end >= range.start && p.start <= range.end);
}

function byPosition(a: Annotation, b: Annotation): number {
  return a.start - b.start || a.end - b.end;
}

/** Forget every memoised paragraph result (for tests that measure a cold analysis). */
export function clearAnalysisCache(): void {
  dateMemo.clear();
  agencyMemo.clear();
  quoteMemo.clear();
}
