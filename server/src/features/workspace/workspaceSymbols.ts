import { SymbolKind, type WorkspaceSymbol } from 'vscode-languageserver-types';
import type { ArticleSummaries, ArticleSummary, SummarySpan } from '../../workspace/articleSummary';
import { rangeIn } from '../../workspace/articleSummary';
import type { EntityKind } from '../../analysis/annotation';
import { describeTimexValue } from '../dateDescription';
import { quoteLabel } from '../quoteText';
import { declarationOf, entityKey } from './articleTargets';
import { fuzzyQuery, fuzzyScore, fuzzyTarget, type FuzzyTarget } from './fuzzyMatch';
import { TopRanked } from './topRanked';

/**
 * Symbol kinds, the same as the article's outline gives them, so one icon means one thing everywhere:
 * an agency is a Class, a person a Constructor, a group of people a Struct, a quote a String, a date an Event.
 */
const ENTITY_KINDS: Record<EntityKind, SymbolKind> = { agency: SymbolKind.Class, person: SymbolKind.Constructor, group: SymbolKind.Struct };

/** Words of a quote in its symbol name, after who said it. */
const QUOTE_WORDS = 8;

interface ArticleSymbol {
  name: string;
  kind: SymbolKind;
  target: FuzzyTarget;
  summary: ArticleSummary;
  span: SummarySpan;
}

interface Ranked {
  symbol: ArticleSymbol;
  score: number;
}

/**
 * Each article's symbols with their names prepared for matching, built once per summary: summaries are
 * replaced, never changed, so the cache follows the index without being told, and goes with the summary.
 */
const symbolCache = new WeakMap<ArticleSummary, ArticleSymbol[]>();

/**
 * Ctrl+T: agencies, people, quotes ("Entity: first words") and dates of every article, matched fuzzily.
 * The best `limit` by match quality, then by name (case and accents aside), then by article and position.
 */
export function workspaceSymbols(summaries: ArticleSummaries, query: string, limit = 500): WorkspaceSymbol[] {
  const wanted = fuzzyQuery(query);
  const top = new TopRanked<Ranked>(limit, byRank);
  for (const summary of summaries.all()) {
    for (const symbol of symbolsOf(summary)) {
      const score = fuzzyScore(wanted, symbol.target);
      if (score === 0) continue;
      // Most matches of a short query rank below the kept ones: turn them away before building a record.
      const threshold = top.threshold;
      if (threshold && score < threshold.score) continue;
      top.offer({ symbol, score });
    }
  }
  return top.ranked().map(({ symbol }) => ({
    name: symbol.name,
    kind: symbol.kind,
    containerName: symbol.summary.title,
    location: { uri: symbol.summary.uri, range: rangeIn(symbol.summary, symbol.span) },
  }));
}

function byRank(a: Ranked, b: Ranked): number {
  if (a.score !== b.score) return b.score - a.score;
  const x = a.symbol;
  const y = b.symbol;
  if (x.target.folded !== y.target.folded) return x.target.folded < y.target.folded ? -1 : 1;
  if (x.name !== y.name) return x.name < y.name ? -1 : 1;
  if (x.summary.uri !== y.summary.uri) return x.summary.uri < y.summary.uri ? -1 : 1;
  return x.span.start - y.span.start;
}

function symbolsOf(summary: ArticleSummary): ArticleSymbol[] {
  let symbols = symbolCache.get(summary);
  if (symbols) return symbols;
  symbols = [];
  const add = (name: string, kind: SymbolKind, span: SummarySpan) => symbols!.push({ name, kind, target: fuzzyTarget(name), summary, span });
  // One symbol per person or agency of the article, at its first full mention (the one F12 goes to).
  const seen = new Set<string>();
  for (const entity of summary.entities) {
    const key = entityKey(entity.kind, entity.name);
    const at = declarationOf(entity);
    if (!at || seen.has(key)) continue;
    seen.add(key);
    const withAcronym = entity.acronym && !entity.name.includes(entity.acronym) ? `${entity.name} (${entity.acronym})` : entity.name;
    add(withAcronym, ENTITY_KINDS[entity.kind], at);
  }
  for (const quote of summary.quotes) add(`${quote.resolved ?? 'Unattributed'}: ${quoteLabel(quote.preview, QUOTE_WORDS)}`, SymbolKind.String, quote);
  const words = new Map<string, string>();
  for (const date of summary.dates) {
    let value = words.get(date.value);
    if (value === undefined) words.set(date.value, (value = dayInWords(date.value)));
    add(`${value} — ${date.text}`, SymbolKind.Event, date);
  }
  symbolCache.set(summary, symbols);
  return symbols;
}

/** "3 March 2022", "March 2022", "week 9 of 2022 (28 Feb – 6 Mar)": the weekday is left to the date's own words. */
function dayInWords(value: string): string {
  return describeTimexValue(value).replace(/^[A-Z][a-z]+day, /, '');
}
