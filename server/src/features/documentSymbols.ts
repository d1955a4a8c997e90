import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import type { AgencyAnnotation, DateAnnotation, QuoteAnnotation, TextSpan } from '../analysis/annotation';
import type { AnnotationIndex } from './annotationIndex';
import { describeTimexValue, isoWeekMonday } from './dateDescription';
import type { NewsDocument } from './newsDocument';
import { quoteLabel } from './quoteText';

/** The outline: the headline, then Agencies, Timeline and Quotes. */
export function documentSymbols(document: NewsDocument, index: AnnotationIndex): DocumentSymbol[] {
  const range = (span: { start: number; end: number }): Range => ({
    start: document.positionAt(span.start),
    end: document.positionAt(span.end),
  });
  const symbols: DocumentSymbol[] = [];
  const headline = findHeadline(document.getText());
  if (headline) symbols.push({ name: headline.text, detail: 'headline', kind: SymbolKind.File, range: range(headline), selectionRange: range(headline) });

  const agencies = agencyGroups(index.agencies).map((mentions) => {
    const first = mentions[0];
    const children = mentions.map<DocumentSymbol>((mention) => ({
      name: mention.text,
      detail: `line ${document.positionAt(mention.start).line + 1}`,
      kind: SymbolKind.Field,
      range: range(mention),
      selectionRange: range(mention),
    }));
    return group(first.canonical, `${first.category} · ${plural(mentions.length, 'mention')}`, SymbolKind.Class, children, range(first));
  });
  if (agencies.length) symbols.push(group('Agencies', plural(agencies.length, 'agency', 'agencies'), SymbolKind.Namespace, agencies));

  const dates = index.analysis.annotations.filter((a): a is DateAnnotation => a.type === 'date');
  const timeline = [...dates].sort((a, b) => chronologicalKey(a.value) - chronologicalKey(b.value) || a.start - b.start).map<DocumentSymbol>((date) => ({
    name: `${date.value} · ${date.text}`,
    detail: describeTimexValue(date.value),
    kind: SymbolKind.Event,
    range: range(date),
    selectionRange: range(date),
  }));
  if (timeline.length) symbols.push(group('Timeline', plural(timeline.length, 'date'), SymbolKind.Namespace, timeline));

  const quotes = index.quotes.map<DocumentSymbol>((quote) => ({
    name: `${speakerName(quote)}: ${quoteLabel(quote.text, 8)}`,
    detail: quote.cue ?? (quote.kind === 'post' ? 'post' : ''),
    kind: SymbolKind.String,
    range: range(quote),
    selectionRange: range(quote.speaker && quote.speaker.start >= quote.start && quote.speaker.end <= quote.end ? quote.speaker : firstLine(document, quote)),
  }));
  if (quotes.length) symbols.push(group('Quotes', plural(quotes.length, 'quote'), SymbolKind.Namespace, quotes));
  return symbols;
}

/** A short first line that does not read like a sentence of body text, or a `title:` header. */
export function findHeadline(text: string): TextSpan | undefined {
  const title = /^(?:---\r?\n(?:.*\r?\n)*?)?title\s*:\s*(.+?)\s*$/im.exec(text.slice(0, 4000));
  if (title && title.index < 4000) {
    const start = title.index + title[0].indexOf(title[1]);
    return { start, end: start + title[1].length, text: title[1] };
  }
  const lineMatch = /^[^\S\r\n]*(\S[^\r\n]*?)[^\S\r\n]*(?:\r\n|\r|\n|$)/.exec(text);
  if (!lineMatch) return undefined;
  const line = lineMatch[1];
  if (line.length > 160 || /[.!?:]["”’']?$/.test(line) || line === '---') return undefined;
  const start = lineMatch.index + lineMatch[0].indexOf(line);
  return { start, end: start + line.length, text: line };
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

function firstLine(document: NewsDocument, quote: QuoteAnnotation): TextSpan {
  const text = quote.text;
  const lineEnd = text.search(/[\r\n]/);
  const end = lineEnd < 0 ? quote.end : quote.start + lineEnd;
  return { start: quote.start, end, text: document.getText().slice(quote.start, end) };
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
