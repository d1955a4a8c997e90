import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import type { AgencyAnnotation, DateAnnotation, QuoteAnnotation, TextSpan } from '../analysis/annotation';
import { findHeadline } from '../analysis/text/headline';
import type { AnnotationIndex } from './annotationIndex';
import { describeTimexValue, isoWeekMonday } from './dateDescription';
import type { NewsDocument } from './newsDocument';
import { quoteLabel } from './quoteText';

/**
 * Mentions listed under each agency. A wire file can mention one agency thousands of times; past this
 * the outline stops being a map (and costs megabytes per request), and document highlights show them all.
 */
const MAX_MENTIONS_LISTED = 100;
/**
 * Timeline entries, in chronological order. A 1 MB wire file has 9,000 dates: 2.3 MB of outline on every
 * request, serialised in one turn of the server's event loop, for a list nobody scrolls in an outline.
 */
const MAX_TIMELINE_ENTRIES = 500;

/** The outline: the headline, then Agencies, People, Timeline and Quotes. */
export function documentSymbols(document: NewsDocument, index: AnnotationIndex): DocumentSymbol[] {
  const steps = documentSymbolsInSteps(document, index);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same outline, one group per step: each group of a wire file costs 10–20 ms, so that a server
 * can let other requests in between them.
 */
export function* documentSymbolsInSteps(document: NewsDocument, index: AnnotationIndex): Generator<void, DocumentSymbol[], void> {
  const range = (span: { start: number; end: number }): Range => ({
    start: document.positionAt(span.start),
    end: document.positionAt(span.end),
  });
  const symbols: DocumentSymbol[] = [];
  const headline = findHeadline(document.getText());
  if (headline) symbols.push({ name: headline.text, detail: 'headline', kind: SymbolKind.File, range: range(headline), selectionRange: range(headline) });

  const agencies = agencyGroups(index.agencies).map((mentions) => {
    const first = mentions[0];
    const children = mentions.slice(0, MAX_MENTIONS_LISTED).map<DocumentSymbol>((mention) => {
      const where = range(mention);
      return { name: mention.text, detail: `line ${where.start.line + 1}`, kind: SymbolKind.Field, range: where, selectionRange: where };
    });
    if (mentions.length > MAX_MENTIONS_LISTED) {
      const next = mentions[MAX_MENTIONS_LISTED];
      const where = { start: range(next).start, end: range(mentions[mentions.length - 1]).end };
      const rest = mentions.length - MAX_MENTIONS_LISTED;
      children.push({ name: `… ${rest} more`, detail: 'Highlight mentions: put the cursor on one', kind: SymbolKind.Field, range: where, selectionRange: range(next) });
    }
    return group(first.canonical, `${first.category} · ${plural(mentions.length, 'mention')}`, SymbolKind.Class, children, range(first));
  });
  if (agencies.length) symbols.push(group('Agencies', plural(agencies.length, 'agency', 'agencies'), SymbolKind.Namespace, agencies));
  yield;

  const text = document.getText();
  const people = index.analysis.entities
    .filter((entity) => entity.kind === 'person' && entity.mentions.length > 0)
    .map((person) => {
      const quotes = index.quotesOf(person).length;
      const children = person.mentions.slice(0, MAX_MENTIONS_LISTED).map<DocumentSymbol>((mention) => {
        const where = range(mention);
        return { name: text.slice(mention.start, mention.end), detail: `line ${where.start.line + 1}`, kind: SymbolKind.Field, range: where, selectionRange: where };
      });
      const detail = [person.roles[0], plural(person.mentions.length, 'mention'), quotes ? plural(quotes, 'quote') : ''].filter(Boolean).join(' · ');
      return group(person.name, detail, SymbolKind.Constructor, children, range(person.mentions[0]));
    });
  if (people.length) symbols.push(group('People', plural(people.length, 'person', 'people'), SymbolKind.Namespace, people));
  yield;

  const dates = index.analysis.annotations.filter((a): a is DateAnnotation => a.type === 'date');
  // Keys and descriptions are computed once per distinct value: a long file repeats the same dates.
  const keys = new Map<string, number>();
  const descriptions = new Map<string, string>();
  const keyOf = (value: string): number => keys.get(value) ?? keys.set(value, chronologicalKey(value)).get(value)!;
  const describe = (value: string): string => descriptions.get(value) ?? descriptions.set(value, describeTimexValue(value)).get(value)!;
  const chronological = dates
    .map((date) => ({ date, key: keyOf(date.value) }))
    .sort((a, b) => a.key - b.key || a.date.start - b.date.start)
    .map(({ date }) => date);
  const timeline = chronological.slice(0, MAX_TIMELINE_ENTRIES).map<DocumentSymbol>((date) => {
    const where = range(date);
    return { name: `${date.value} · ${date.text}`, detail: describe(date.value), kind: SymbolKind.Event, range: where, selectionRange: where };
  });
  if (chronological.length > MAX_TIMELINE_ENTRIES) {
    const rest = chronological.slice(MAX_TIMELINE_ENTRIES);
    const start = rest.reduce((min, date) => Math.min(min, date.start), Infinity);
    const end = rest.reduce((max, date) => Math.max(max, date.end), 0);
    const where = { start: document.positionAt(start), end: document.positionAt(end) };
    timeline.push({ name: `… ${rest.length} more`, detail: `${rest[0].value} and later`, kind: SymbolKind.Event, range: where, selectionRange: range(rest[0]) });
  }
  if (timeline.length) symbols.push(group('Timeline', plural(chronological.length, 'date'), SymbolKind.Namespace, timeline));
  yield;

  const quotes = index.quotes.map<DocumentSymbol>((quote) => ({
    name: `${speakerName(quote)}: ${quoteLabel(quote.text, 8)}`,
    detail: quote.cue ?? (quote.kind === 'post' ? 'post' : ''),
    kind: SymbolKind.String,
    range: range(quote),
    selectionRange: range(quote.speaker && quote.speaker.start >= quote.start && quote.speaker.end <= quote.end ? quote.speaker : firstLine(quote)),
  }));
  if (quotes.length) symbols.push(group('Quotes', plural(quotes.length, 'quote'), SymbolKind.Namespace, quotes));
  return symbols;
}

function group(name: string, detail: string, kind: SymbolKind, children: DocumentSymbol[], selection?: Range): DocumentSymbol {
  const start = children.reduce((min, c) => (before(c.range.start, min) ? c.range.start : min), children[0].range.start);
  const end = children.reduce((max, c) => (before(max, c.range.end) ? c.range.end : max), children[0].range.end);
  return { name, detail, kind, range: { start, end }, selectionRange: selection ?? children[0].selectionRange, children };
}

function before(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Agencies in order of first mention, each with all its mentions. */
function agencyGroups(agencies: readonly AgencyAnnotation[]): AgencyAnnotation[][] {
  const groups = new Map<string, AgencyAnnotation[]>();
  for (const agency of agencies) {
    const list = groups.get(agency.canonical);
    if (list) list.push(agency);
    else groups.set(agency.canonical, [agency]);
  }
  return [...groups.values()];
}

function speakerName(quote: QuoteAnnotation): string {
  return quote.resolved ?? quote.speaker?.text ?? 'Unattributed';
}

function firstLine(quote: QuoteAnnotation): TextSpan {
  const lineEnd = quote.text.search(/[\r\n]/);
  return lineEnd < 0 ? quote : { start: quote.start, end: quote.start + lineEnd, text: quote.text.slice(0, lineEnd) };
}

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** Days since 1970 of the start of the period a TIMEX3 value names; references sort after the calendar. */
export function chronologicalKey(value: string): number {
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (m) return Date.UTC(+m[1], +m[2] - 1, +m[3]) / 86_400_000;
  if ((m = /^(\d{4})-W(\d{2})/.exec(value))) return isoWeekMonday(+m[1], +m[2]).getTime() / 86_400_000;
  if ((m = /^(\d{4})-(\d{2})$/.exec(value))) return Date.UTC(+m[1], +m[2] - 1, 1) / 86_400_000;
  if ((m = /^(\d{4})-Q(\d)$/.exec(value))) return Date.UTC(+m[1], (+m[2] - 1) * 3, 1) / 86_400_000;
  if ((m = /^(\d{4})-(SP|SU|FA|AU|WI)$/.exec(value))) return Date.UTC(+m[1], { SP: 2, SU: 5, FA: 8, AU: 8, WI: 11 }[m[2]] ?? 0, 1) / 86_400_000;
  if ((m = /^(\d{4})/.exec(value))) return Date.UTC(+m[1], 0, 1) / 86_400_000;
  if ((m = /^(\d{3})X?$/.exec(value))) return Date.UTC(+m[1] * 10, 0, 1) / 86_400_000;
  if ((m = /^(\d{2})(?:XX)?$/.exec(value))) return Date.UTC(+m[1] * 100, 0, 1) / 86_400_000;
  return value === 'PAST_REF' ? 1e9 : value === 'PRESENT_REF' ? 1e9 + 1 : 1e9 + 2;
}
