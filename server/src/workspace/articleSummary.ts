/**
 * What the workspace index keeps of one article: its entities, quotes and dates with their offsets and a
 * little context, never the text itself, so that thousands of articles fit in memory. Offsets are UTF-16
 * code units into the article as it was read; `lineStarts` turns them into positions without the text.
 */
import type { AnalysisResult, EntityKind } from '../analysis/annotation';
import { findHeadline } from '../analysis/text/headline';
import { firstEnclosingIndices } from './enclosingSpans';

export interface SummarySpan {
  start: number;
  end: number;
}

export interface SummaryEntity {
  kind: EntityKind;
  /** The fullest name the article gives; an agency's canonical name. */
  name: string;
  category?: string;
  /** An agency's acronym ("DLR" for German Aerospace Center), so that a search can find it by either. */
  acronym?: string;
  roles: readonly string[];
  /** Every mention, sorted by start. The first full mention is the definition. */
  mentions: readonly SummarySpan[];
}

export interface SummaryQuote extends SummarySpan {
  /** The quote, cut to PREVIEW_LENGTH characters. */
  preview: string;
  /** The speaker mention as written ("she", "a NASA spokesman"), if any. */
  speaker: (SummarySpan & { text: string }) | null;
  /** Who it is credited to, after resolution; null when unknown. */
  resolved: string | null;
  resolvedKind: EntityKind | null;
  /** Index into `entities`, when the resolved speaker is one of them. */
  entity?: number;
  cue: string | null;
}

export interface SummaryDate extends SummarySpan {
  /** The date as written ("last Tuesday"). */
  text: string;
  /** TIMEX3 value: 2022-03-03, 2022-03, 2022-W09, 2022, PAST_REF … */
  value: string;
  /** The sentence around it, cut to CONTEXT_LENGTH characters, with white space collapsed. */
  context: string;
  /** Index into `quotes` of a quote holding this date, or whose paragraph holds it. */
  quote?: number;
  /** Agencies named in the same paragraph (canonical names). */
  agencies: readonly string[];
}

export interface ArticleSummary {
  uri: string;
  /** The headline (as the outline finds it), else the file's name; cut to CONTEXT_LENGTH characters. */
  title: string;
  /** YYYY-MM-DD, what relative dates were resolved against. */
  publicationDate: string;
  /** Offset of the start of each line: offsets become positions without keeping the text. */
  lineStarts: Uint32Array;
  entities: readonly SummaryEntity[];
  quotes: readonly SummaryQuote[];
  dates: readonly SummaryDate[];
}

export const PREVIEW_LENGTH = 160;
export const CONTEXT_LENGTH = 200;

export function summariseArticle(uri: string, text: string, analysis: AnalysisResult): ArticleSummary {
  const steps = summariseArticleInSteps(uri, text, analysis);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Dates summarised between two steps: a wire file has 9,000, whose excerpts took 20–40 ms in one turn. */
const DATES_PER_STEP = 1000;

/** The same in steps, for a caller that gives the event loop a turn between them. */
export function* summariseArticleInSteps(uri: string, text: string, analysis: AnalysisResult): Generator<void, ArticleSummary, void> {
  const paragraphStarts = paragraphBoundaries(text);
  const quotes: SummaryQuote[] = [];
  const dates: SummaryDate[] = [];
  const agenciesByParagraph = new Map<number, Set<string>>();
  const quotesByParagraph = new Map<number, number>();
  const acronymsByStart = new Map<number, string>();
  for (const annotation of analysis.annotations) {
    if (annotation.type === 'agency') {
      if (annotation.acronym) acronymsByStart.set(annotation.start, annotation.acronym);
      const paragraph = lastStartAtOrBefore(paragraphStarts, annotation.start);
      let names = agenciesByParagraph.get(paragraph);
      if (!names) agenciesByParagraph.set(paragraph, (names = new Set()));
      names.add(annotation.canonical);
    } else if (annotation.type === 'quote') {
      const paragraph = lastStartAtOrBefore(paragraphStarts, annotation.start);
      if (!quotesByParagraph.has(paragraph)) quotesByParagraph.set(paragraph, quotes.length);
      quotes.push({
        start: annotation.start,
        end: annotation.end,
        preview: clip(annotation.text, PREVIEW_LENGTH),
        speaker: annotation.speaker ? { start: annotation.speaker.start, end: annotation.speaker.end, text: annotation.speaker.text } : null,
        resolved: annotation.resolved,
        resolvedKind: annotation.resolvedKind,
        ...(annotation.entity !== undefined ? { entity: annotation.entity } : {}),
        cue: annotation.cue,
      });
    }
  }
  const dateAnnotations = analysis.annotations.filter((annotation) => annotation.type === 'date');
  const holdingQuotes = firstEnclosingIndices(dateAnnotations, quotes);
  yield;
  for (let i = 0; i < dateAnnotations.length; i++) {
    if (i > 0 && i % DATES_PER_STEP === 0) yield;
    const annotation = dateAnnotations[i];
    const paragraph = lastStartAtOrBefore(paragraphStarts, annotation.start);
    const holding = holdingQuotes[i];
    const quote = holding >= 0 ? holding : quotesByParagraph.get(paragraph);
    dates.push({
      start: annotation.start,
      end: annotation.end,
      text: annotation.text,
      value: annotation.value,
      context: sentenceAround(text, annotation.start, annotation.end),
      ...(quote !== undefined ? { quote } : {}),
      agencies: [...(agenciesByParagraph.get(paragraph) ?? [])],
    });
  }
  yield;
  return {
    uri,
    title: clip(titleOf(uri, text), CONTEXT_LENGTH),
    publicationDate: analysis.publicationDate.value,
    lineStarts: lineStartsOf(text),
    entities: analysis.entities.map((entity) => ({
      kind: entity.kind,
      name: entity.name,
      ...(entity.category ? { category: entity.category } : {}),
      ...(entity.kind === 'agency' ? acronymOf(entity.mentions, acronymsByStart) : {}),
      roles: entity.roles,
      mentions: entity.mentions.map(({ start, end }) => ({ start, end })),
    })),
    quotes,
    dates,
  };
}

/** The acronym an agency's mentions carry, if any. */
function acronymOf(mentions: readonly SummarySpan[], acronymsByStart: ReadonlyMap<number, string>): { acronym?: string } {
  for (const mention of mentions) {
    const acronym = acronymsByStart.get(mention.start);
    if (acronym) return { acronym };
  }
  return {};
}

/** The LSP position of an offset, from the line starts alone. */
export function positionIn(summary: ArticleSummary, offset: number): { line: number; character: number } {
  const line = lastStartAtOrBefore(summary.lineStarts, offset);
  return { line, character: offset - summary.lineStarts[line] };
}

export function rangeIn(summary: ArticleSummary, span: SummarySpan): { start: { line: number; character: number }; end: { line: number; character: number } } {
  return { start: positionIn(summary, span.start), end: positionIn(summary, span.end) };
}

function lineStartsOf(text: string): Uint32Array {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (code === 10) {
      starts.push(i + 1);
    }
  }
  return Uint32Array.from(starts);
}

function paragraphBoundaries(text: string): number[] {
  const starts = [0];
  const blank = /\r?\n[ \t]*\r?\n/g;
  for (let m = blank.exec(text); m; m = blank.exec(text)) starts.push(m.index + m[0].length);
  return starts;
}

/** The index of the last of these ascending starts at or before `offset`: its line, or its paragraph. */
function lastStartAtOrBefore(starts: ArrayLike<number>, offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Metadata lines (`date: …`) and a first line of body text do not name an article; its file name does. */
function titleOf(uri: string, text: string): string {
  const headline = findHeadline(text);
  if (headline) return headline.text.replace(/^#+\s*/, '');
  const name = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** The sentence holding [start, end): from the last sentence end before it to the next one after it, within its line. */
function sentenceAround(text: string, start: number, end: number): string {
  // A sentence longer than the excerpt is cut around the date anyway, so looking further than this changes nothing
  // but the time: a wire file has 9,000 dates, many on long lines. Character by character, no slice or regex each.
  const floor = Math.max(0, start - SENTENCE_REACH);
  const ceiling = Math.min(text.length, end + SENTENCE_REACH);
  let from = start;
  while (from > floor && text.charCodeAt(from - 1) !== 10 && !(from >= 2 && isSentenceEnd(text.charCodeAt(from - 2)) && /\s/.test(text[from - 1]))) from--;
  let to = end;
  while (to < ceiling && text.charCodeAt(to) !== 10 && !(to >= 1 && isSentenceEnd(text.charCodeAt(to - 1)))) to++;
  const sentence = text.slice(from, to).replace(/\s+/g, ' ').trim();
  if (sentence.length <= CONTEXT_LENGTH) return sentence;
  // Keep the date in view: centre the excerpt on it.
  const relative = start - from;
  const begin = Math.max(0, Math.min(relative - CONTEXT_LENGTH / 2, sentence.length - CONTEXT_LENGTH));
  return `${begin > 0 ? '…' : ''}${clip(sentence.slice(begin), CONTEXT_LENGTH - 1)}`;
}

const SENTENCE_REACH = 2 * CONTEXT_LENGTH;

/** '.', '!' or '?'. */
function isSentenceEnd(code: number): boolean {
  return code === 46 || code === 33 || code === 63;
}

/** At most `length` characters, never ending inside a surrogate pair, with an ellipsis when cut. */
function clip(text: string, length: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= length) return flat;
  let cut = length - 1;
  const code = flat.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return `${flat.slice(0, cut)}…`;
}

/** What the workspace features read: every indexed article, open documents at their current version. */
export interface ArticleSummaries {
  all(): Iterable<ArticleSummary>;
  get(uri: string): ArticleSummary | undefined;
}
