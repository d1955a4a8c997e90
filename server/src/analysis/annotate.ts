/**
 * The one entry point of the analysis: text (+ publication date) in, annotations out.
 * Per-paragraph work is memoised by paragraph text, so re-annotating an edited document only
 * analyses the paragraphs that changed; the document-level passes run on the memoised results.
 */
import type {
  CustomAgency,
  AgencyAnnotation,
  AnalysisResult,
  AnnotateOptions,
  Annotation,
  DateAnnotation,
  QuoteAnnotation,
} from './annotation';
import { createAgencyTagger, placedMention, type AgencyMention, type AgencyTagger } from './agencies/agencies';
import { withoutIgnored } from './agencies/ignoredAgencies';
import { findDates } from './dates/dates';
import { isDictionaryWord } from './nlp';
import { ParagraphMemo, type MemoEntry } from './memo';
import { splitParagraphs, splitParagraphsAround } from './text/paragraphs';
import { findPublicationDate } from './dates/publicationDate';
import { resolveReportingPeriods } from './dates/reportingPeriods';
import { assembleQuotes, findQuotesInParagraph, type ParagraphQuotes } from './quotes/quotes';
import { EntityTable, type ParagraphPersons } from './entities/entityTable';
import { findPersonMentions, type PersonMention } from './entities/personMentions';
import { resolveSpeakers } from './entities/speakerResolution';

export * from './annotation';

export interface AnnotateRangeOptions extends AnnotateOptions {
  /** Analyse only the paragraphs that overlap this range (for a quick first screen of a huge file). */
  range?: { start: number; end: number };
  /**
   * false: leave the paragraph memo alone (neither read nor fill it). For a text analysed once and not
   * edited, such as a file of the workspace index: thousands of them would evict the paragraphs of
   * the documents being edited, and hold their results long after.
   */
  memoise?: boolean;
}

/** What one paragraph contributes, offsets relative to the paragraph. */
interface ParagraphResult {
  dates: DateAnnotation[];
  mentions: AgencyMention[];
  quotes: ParagraphQuotes;
  persons: PersonMention[];
  /** The same results at absolute offsets, for the offset the paragraph last had: most paragraphs keep it across an edit. */
  placed?: { offset: number; dates: DateAnnotation[]; mentions: AgencyMention[] };
}

/**
 * One memo per analysis context (publication date and agency list), keyed by the paragraph text
 * alone: one hash of each paragraph per analysis, and no key strings built on every keystroke.
 */
const memosByContext = new Map<string, ParagraphMemo<ParagraphResult>>();
const MAX_CONTEXTS = 4;

function memoFor(context: string): ParagraphMemo<ParagraphResult> {
  let memo = memosByContext.get(context);
  if (!memo) {
    if (memosByContext.size >= MAX_CONTEXTS) {
      const oldest = memosByContext.keys().next().value as string;
      // The last run's entries must not keep a memo alive that no context uses any more.
      if (lastRun?.memo === memosByContext.get(oldest)) lastRun = undefined;
      memosByContext.delete(oldest);
    }
    memo = new ParagraphMemo<ParagraphResult>();
    memosByContext.set(context, memo);
  }
  return memo;
}

/**
 * The paragraphs of the last whole text analysed, in order, with the memo they came from. An edit leaves the
 * paragraphs before it at the same index and those after it at the same index from the end, so most of the next
 * version's paragraphs are found by comparing them with these, which reads a paragraph only up to its first
 * difference, where looking them up in the memo hashes every character of the text.
 */
let lastRun: { memo: ParagraphMemo<ParagraphResult>; entries: ReadonlyArray<MemoEntry<ParagraphResult>> } | undefined;

let cachedTagger: AgencyTagger | undefined;
let cachedFor: readonly CustomAgency[] | undefined;
function agencyTaggerFor(options: AnnotateOptions): AgencyTagger {
  const custom = options.customAgencies ?? [];
  // The same list object comes back on every keystroke: compare it by identity before comparing its contents.
  if (cachedTagger && (custom === cachedFor || cachedTagger.key === JSON.stringify(custom))) {
    cachedFor = custom;
    return cachedTagger;
  }
  cachedTagger = createAgencyTagger(custom);
  cachedFor = custom;
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
  const paragraphs = options.range ? splitParagraphsAround(text, options.range.start, options.range.end) : splitParagraphs(text);

  const dates: DateAnnotation[] = [];
  const mentions: AgencyMention[] = [];
  const quoteLocals: ParagraphQuotes[] = [];
  const persons: ParagraphPersons[] = [];
  const memo = options.memoise === false ? undefined : memoFor(`${publicationDate.value}\u0000${tagger.key}`);
  const previous = memo && lastRun?.memo === memo ? lastRun.entries : undefined;
  const entries: Array<MemoEntry<ParagraphResult>> = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const paragraph = paragraphs[i];
    const offset = paragraph.start;
    const analyseParagraph = (own: string): ParagraphResult => ({
      dates: findDates(own, publicationDate.value),
      mentions: tagger.findInParagraph(own),
      quotes: findQuotesInParagraph(own),
      persons: findPersonMentions(own),
    });
    let local: ParagraphResult;
    if (memo) {
      const entry = sameParagraph(previous, i, paragraphs.length, paragraph.text);
      if (entry) memo.touch(entry);
      const used = entry ?? memo.entry(paragraph.text, analyseParagraph);
      entries.push(used);
      local = used.value;
    } else {
      local = analyseParagraph(paragraph.text);
    }
    if (local.placed?.offset !== offset) {
      local.placed = {
        offset,
        dates: local.dates.map((date) => ({ ...date, start: date.start + offset, end: date.end + offset })),
        mentions: local.mentions.map((mention) => placedMention(mention, offset)),
      };
    }
    for (const date of local.placed.dates) dates.push(date);
    for (const mention of local.placed.mentions) mentions.push(mention);
    if (local.persons.length) persons.push({ offset, persons: local.persons });
    quoteLocals.push(local.quotes);
    yield;
  }
  if (memo && !options.range) lastRun = { memo, entries };
  // The document-level passes each take tens of milliseconds on a wire file: one step each, so that a
  // caller that slices the analysis never holds its event loop for all of them at once.
  const agencies: AgencyAnnotation[] = withoutIgnored(tagger.resolve(text, mentions), options.ignoredAgencies);
  yield;
  const quotes: QuoteAnnotation[] = assembleQuotes(text, paragraphs, quoteLocals);
  yield;
  const table = new EntityTable(persons, agencies);
  yield;
  resolveSpeakers(text, quotes, agencies, table);
  yield;
  const periods = resolveReportingPeriods(dates);
  yield;
  return { publicationDate, annotations: mergeByPosition([agencies, periods, quotes]), entities: table.published(quotes) };
}

/** The last run's entry for the paragraph at `index` of `count`, matched from the start or from the end, if its text is the same. */
function sameParagraph(
  previous: ReadonlyArray<MemoEntry<ParagraphResult>> | undefined,
  index: number,
  count: number,
  text: string,
): MemoEntry<ParagraphResult> | undefined {
  if (!previous) return undefined;
  const fromStart = previous[index];
  if (fromStart !== undefined && fromStart.key === text) return fromStart;
  const fromEnd = previous[previous.length - (count - index)];
  if (fromEnd !== undefined && fromEnd.key === text) return fromEnd;
  return undefined;
}

function byPosition(a: Annotation, b: Annotation): number {
  return a.start - b.start || a.end - b.end;
}

/** Each list comes out of its tagger in order; merging them is linear, where sorting the lot was not. */
function mergeByPosition(lists: ReadonlyArray<readonly Annotation[]>): Annotation[] {
  const sorted = lists.map((list) => (isSorted(list) ? list : [...list].sort(byPosition)));
  const merged: Annotation[] = [];
  const next = sorted.map(() => 0);
  for (;;) {
    let best = -1;
    for (let i = 0; i < sorted.length; i++) {
      if (next[i] < sorted[i].length && (best < 0 || byPosition(sorted[i][next[i]], sorted[best][next[best]]) < 0)) best = i;
    }
    if (best < 0) return merged;
    merged.push(sorted[best][next[best]++]);
  }
}

function isSorted(list: readonly Annotation[]): boolean {
  for (let i = 1; i < list.length; i++) if (byPosition(list[i - 1], list[i]) > 0) return false;
  return true;
}

/** Forget every memoised paragraph result (for tests that measure a cold analysis). */
export function clearAnalysisCache(): void {
  memosByContext.clear();
  lastRun = undefined;
}

/**
 * Loads the lexicons and compiles the hot paths ahead of the first real document, so that its latency is the
 * analysis alone. In steps (the agency lexicon's indexes, compromise's lexicon snapshot, then an analysis of a
 * made-up paragraph, itself in steps): the server runs one a turn, and together they took 60–90 ms.
 */
export function* warmUpInSteps(): Generator<void, void, void> {
  agencyTaggerFor({});
  yield;
  isDictionaryWord('agency');
  yield;
  yield* annotateInSteps('BERLIN, March 7, 2022 — The Example Agency (EXA) said on Monday: "We are ready," NASA added.', {});
}
