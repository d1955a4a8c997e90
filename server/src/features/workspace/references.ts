import type { Location } from 'vscode-languageserver';
import type { ArticleSummaries, ArticleSummary, SummarySpan } from '../../workspace/articleSummary';
import { rangeIn } from '../../workspace/articleSummary';
import { dateKey, declarationOf, entityKey, targetAt } from './articleTargets';

/** Shift+F12 on an agency, person, speaker or date at `offset` of `uri`: every mention of the same entity, or of the same day, across the workspace. */
export function references(summaries: ArticleSummaries, uri: string, offset: number, includeDeclaration: boolean): Location[] {
  const asked = summaries.get(uri);
  if (!asked) return [];
  const target = targetAt(asked, offset);
  if (!target) return [];
  let key: string | null;
  let mentionsOf: (summary: ArticleSummary) => readonly SummarySpan[] | undefined;
  if (target.type === 'entity') {
    key = entityKey(target.kind, target.name);
    mentionsOf = (summary) => entityMentions(summary).get(key!);
  } else {
    key = dateKey(target.date.value);
    mentionsOf = (summary) => dateMentions(summary).get(key!);
  }
  if (key === null) return [];
  // The declaration is what F12 goes to: the entity's first full mention, or the first mention of the day.
  const declaration = includeDeclaration ? undefined : declarationIn(asked, key, target.type, mentionsOf);
  const locations: Array<{ uri: string; summary: ArticleSummary; span: SummarySpan }> = [];
  for (const summary of summaries.all()) {
    const spans = mentionsOf(summary);
    if (!spans) continue;
    for (const span of spans) {
      if (summary === asked && declaration && span.start === declaration.start && span.end === declaration.end) continue;
      locations.push({ uri: summary.uri, summary, span });
    }
  }
  locations.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.span.start - b.span.start || a.span.end - b.span.end));
  return locations.map(({ uri: where, summary, span }) => ({ uri: where, range: rangeIn(summary, span) }));
}

function declarationIn(
  summary: ArticleSummary,
  key: string,
  type: 'entity' | 'date',
  mentionsOf: (summary: ArticleSummary) => readonly SummarySpan[] | undefined,
): SummarySpan | undefined {
  if (type === 'date') return mentionsOf(summary)?.[0];
  const entity = summary.entities.find((candidate) => entityKey(candidate.kind, candidate.name) === key);
  return entity ? declarationOf(entity) : mentionsOf(summary)?.[0];
}

/**
 * Each article's mentions by entity key and by day, computed once per summary: summaries are replaced,
 * never changed, when their article changes, so a WeakMap keyed by the summary is always current.
 */
const entityMentionCache = new WeakMap<ArticleSummary, Map<string, SummarySpan[]>>();
const dateMentionCache = new WeakMap<ArticleSummary, Map<string, SummarySpan[]>>();

/**
 * Every mention of each person and agency, and the speaker mentions credited to them that the entity table
 * does not hold ("a company spokeswoman" for the company; a name only a quote resolves to), sorted by start.
 */
function entityMentions(summary: ArticleSummary): Map<string, SummarySpan[]> {
  let byKey = entityMentionCache.get(summary);
  if (byKey) return byKey;
  byKey = new Map();
  for (const entity of summary.entities) {
    const key = entityKey(entity.kind, entity.name);
    const list = byKey.get(key);
    if (list) list.push(...entity.mentions);
    else byKey.set(key, [...entity.mentions]);
  }
  for (const list of byKey.values()) list.sort(byPosition);
  const speakers = new Map<string, SummarySpan[]>();
  for (const quote of summary.quotes) {
    if (!quote.speaker || !quote.resolved) continue;
    const entity = quote.entity !== undefined ? summary.entities[quote.entity] : undefined;
    const key = entity ? entityKey(entity.kind, entity.name) : entityKey(quote.resolvedKind ?? 'agency', quote.resolved);
    const speaker = { start: quote.speaker.start, end: quote.speaker.end };
    if (overlapsAny(byKey.get(key), speaker)) continue;
    const list = speakers.get(key);
    if (list) list.push(speaker);
    else speakers.set(key, [speaker]);
  }
  for (const [key, extra] of speakers) byKey.set(key, [...(byKey.get(key) ?? []), ...extra].sort(byPosition));
  entityMentionCache.set(summary, byKey);
  return byKey;
}

/**
 * Whether `span` overlaps one of `sorted`. The mentions of an entity do not overlap one another, so their
 * ends grow with their starts: the last one starting before `span` ends is the only one that can reach it.
 */
function overlapsAny(sorted: readonly SummarySpan[] | undefined, span: SummarySpan): boolean {
  if (!sorted) return false;
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle].start < span.end) low = middle + 1;
    else high = middle;
  }
  return low > 0 && sorted[low - 1].end > span.start;
}

function byPosition(a: SummarySpan, b: SummarySpan): number {
  return a.start - b.start || a.end - b.end;
}

function dateMentions(summary: ArticleSummary): Map<string, SummarySpan[]> {
  let byKey = dateMentionCache.get(summary);
  if (byKey) return byKey;
  byKey = new Map();
  for (const date of summary.dates) {
    const key = dateKey(date.value);
    if (key === null) continue;
    const list = byKey.get(key);
    if (list) list.push(date);
    else byKey.set(key, [date]);
  }
  dateMentionCache.set(summary, byKey);
  return byKey;
}
