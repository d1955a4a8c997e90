import { SymbolKind, type WorkspaceSymbol } from 'vscode-languageserver-types';
import type { ArticleSummaries, ArticleSummary, SummarySpan } from '../../workspace/articleSummary';
import { rangeIn } from '../../workspace/articleSummary';
import type { EntityKind } from '../../analysis/annotation';
import { describeTimexValue } from '../dateDescription';
import { declarationOf, entityKey } from './articleTargets';
import { fuzzyQuery, fuzzyScore, fuzzyTarget, SCATTERED_BELOW, type FuzzyTarget } from './fuzzyMatch';
import { TopRanked } from './topRanked';

/**
 * Symbol kinds, the same as the article's outline gives them, so one icon means one thing everywhere:
 * an agency is a Class, a person a Constructor, a group of people a Struct, a quote a String, a date an Event.
 */
const ENTITY_KINDS: Record<EntityKind, SymbolKind> = { agency: SymbolKind.Class, person: SymbolKind.Constructor, group: SymbolKind.Struct };

/** Words of a quote in its symbol name, after who said it. */
const QUOTE_WORDS = 8;

/** A symbol and its name prepared for matching, in one object: a workspace holds hundreds of thousands. */
interface ArticleSymbol extends FuzzyTarget {
  name: string;
  kind: SymbolKind;
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
const symbolCache = new WeakMap<ArticleSummary, ArticleSymbols>();

interface ArticleSymbols {
  symbols: ArticleSymbol[];
  /** Every letter of every name (`FuzzyTarget.mask`): an article none of whose names can match is passed over whole. */
  mask: number;
}

/**
 * Ctrl+T: agencies, people, quotes ("Entity: first words") and dates of every article, matched fuzzily.
 * The best `limit` by match quality, then by name (case and accents aside), then by article and position.
 */
export function workspaceSymbols(summaries: ArticleSummaries, query: string, limit = 500): WorkspaceSymbol[] {
  const wanted = fuzzyQuery(query);
  const top = new TopRanked<Ranked>(limit, byRank);
  for (const summary of summaries.all()) {
    const { symbols, mask } = symbolsOf(summary);
    if ((mask & wanted.mask) !== wanted.mask) continue;
    for (const symbol of symbols) {
      // Once `limit` better matches are kept, letters found apart cannot rank: do not look for them.
      const threshold = top.threshold;
      const score = fuzzyScore(wanted, symbol, !threshold || threshold.score < SCATTERED_BELOW);
      if (score === 0) continue;
      // Most matches of a short query rank below the kept ones: turn them away before building a record.
      if (threshold && compareRanks(score, symbol, threshold.score, threshold.symbol) >= 0) continue;
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

/**
 * Builds an article's symbols ahead of the first search, which otherwise pays for every article at once
 * (about 3 µs a symbol: 0.3 s for 100,000). The index may call it as it stores each new summary.
 */
export function prepareWorkspaceSymbols(summary: ArticleSummary): void {
  symbolsOf(summary);
}

function byRank(a: Ranked, b: Ranked): number {
  return compareRanks(a.score, a.symbol, b.score, b.symbol);
}

function compareRanks(scoreA: number, x: ArticleSymbol, scoreB: number, y: ArticleSymbol): number {
  if (scoreA !== scoreB) return scoreB - scoreA;
  if (x.folded !== y.folded) return x.folded < y.folded ? -1 : 1;
  if (x.name !== y.name) return x.name < y.name ? -1 : 1;
  if (x.summary.uri !== y.summary.uri) return x.summary.uri < y.summary.uri ? -1 : 1;
  return x.span.start - y.span.start;
}

function symbolsOf(summary: ArticleSummary): ArticleSymbols {
  const cached = symbolCache.get(summary);
  if (cached) return cached;
  const symbols: ArticleSymbol[] = [];
  let mask = 0;
  const add = (name: string, kind: SymbolKind, span: SummarySpan) => {
    const { folded, cased, mask: letters } = fuzzyTarget(name);
    // Built field by field, in one order, so that every symbol has one shape for the engine.
    const symbol: ArticleSymbol = { folded, cased, mask: letters, name, kind, summary, span };
    mask |= symbol.mask;
    symbols.push(symbol);
  };
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
  for (const quote of summary.quotes) add(`${quote.resolved ?? 'Unattributed'}: ${firstWords(quote.preview, QUOTE_WORDS)}`, SymbolKind.String, quote);
  for (const date of summary.dates) add(`${dayInWords(date.value)} — ${date.text}`, SymbolKind.Event, date);
  const built = { symbols, mask };
  symbolCache.set(summary, built);
  return built;
}

/** The first words of a preview (white space already collapsed to single spaces), as `quoteLabel` gives them. */
function firstWords(preview: string, count: number): string {
  let at = -1;
  for (let word = 0; word < count; word++) {
    at = preview.indexOf(' ', at + 1);
    if (at < 0) return preview;
  }
  return `${preview.slice(0, at)}…`;
}

/**
 * Values in words, shared by every article: a value reads the same wherever it is written, and a
 * workspace repeats few values many times. Bounded, since it outlives any one article.
 */
const dayWordsCache = new Map<string, string>();
const DAY_WORDS_CACHE_LIMIT = 50_000;

/** "3 March 2022", "March 2022", "week 9 of 2022 (28 Feb – 6 Mar)": the weekday is left to the date's own words. */
function dayInWords(value: string): string {
  let words = dayWordsCache.get(value);
  if (words !== undefined) return words;
  words = describeTimexValue(value).replace(/^[A-Z][a-z]+day, /, '');
  if (dayWordsCache.size >= DAY_WORDS_CACHE_LIMIT) dayWordsCache.clear();
  dayWordsCache.set(value, words);
  return words;
}
