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
  let mentionsIn: (summary: ArticleSummary) => readonly SummarySpan[];
  let declaration: SummarySpan | undefined;
  if (target.type === 'entity') {
    const key = entityKey(target.kind, target.name);
    mentionsIn = (summary) => entityMentions(summary, key);
    if (!includeDeclaration) {
      // The declaration is what F12 goes to: the entity's first full mention in the article asked from.
      const keys = keysOf(asked);
      const entity = asked.entities.find((_, i) => keys.entities[i] === key);
      declaration = entity ? declarationOf(entity) : mentionsIn(asked)[0];
    }
  } else {
    const key = dateKey(target.date.value);
    if (key === null) return [];
    mentionsIn = (summary) => summary.dates.filter((date) => sameDate(date.value, key));
    if (!includeDeclaration) declaration = mentionsIn(asked)[0];
  }
  const locations: Array<{ summary: ArticleSummary; span: SummarySpan }> = [];
  for (const summary of summaries.all()) {
    for (const span of mentionsIn(summary)) {
      if (summary === asked && declaration && span.start === declaration.start && span.end === declaration.end) continue;
      locations.push({ summary, span });
    }
  }
  locations.sort((a, b) => (a.summary.uri < b.summary.uri ? -1 : a.summary.uri > b.summary.uri ? 1 : byPosition(a.span, b.span)));
  return locations.map(({ summary, span }) => ({ uri: summary.uri, range: rangeIn(summary, span) }));
}

/** Whether a date's value falls on the day `key` (YYYY-MM-DD, with any time of day) or is the same period. */
function sameDate(value: string, key: string): boolean {
  if (key.length !== 10) return value === key;
  return value.startsWith(key) && (value.length === 10 || value[10] === 'T');
}

/**
 * The entity key of each entity and of each quote's resolved speaker, computed once per summary: summaries
 * are replaced, never changed, when their article changes, so a WeakMap keyed by the summary stays current.
 */
interface ArticleKeys {
  entities: string[];
  /** Null for a quote credited to nobody. */
  speakers: Array<string | null>;
}

const keyCache = new WeakMap<ArticleSummary, ArticleKeys>();

function keysOf(summary: ArticleSummary): ArticleKeys {
  let keys = keyCache.get(summary);
  if (keys) return keys;
  const entities = summary.entities.map((entity) => entityKey(entity.kind, entity.name));
  const speakers = summary.quotes.map((quote) => {
    if (!quote.speaker || !quote.resolved) return null;
    return quote.entity !== undefined && entities[quote.entity] !== undefined ? entities[quote.entity] : entityKey(quote.resolvedKind ?? 'agency', quote.resolved);
  });
  keys = { entities, speakers };
  keyCache.set(summary, keys);
  return keys;
}

/**
 * Every mention of the entity `key` in the article, and the speaker mentions credited to it that the entity
 * table does not hold ("a company spokeswoman" for the company; a name only a quote resolves to), sorted.
 */
function entityMentions(summary: ArticleSummary, key: string): SummarySpan[] {
  const keys = keysOf(summary);
  let mentions: SummarySpan[] = [];
  let entitiesFound = 0;
  for (let i = 0; i < keys.entities.length; i++) {
    if (keys.entities[i] !== key) continue;
    mentions = entitiesFound++ === 0 ? (summary.entities[i].mentions as SummarySpan[]) : [...mentions, ...summary.entities[i].mentions];
  }
  if (entitiesFound > 1) mentions.sort(byPosition);
  let speakers: SummarySpan[] | undefined;
  for (let i = 0; i < keys.speakers.length; i++) {
    if (keys.speakers[i] !== key) continue;
    const speaker = summary.quotes[i].speaker!;
    if (!overlapsAny(mentions, speaker)) (speakers ??= []).push({ start: speaker.start, end: speaker.end });
  }
  return speakers ? [...mentions, ...speakers].sort(byPosition) : mentions;
}

/**
 * Whether `span` overlaps one of `sorted`. The mentions of an entity do not overlap one another, so their
 * ends grow with their starts: the last one starting before `span` ends is the only one that can reach it.
 */
function overlapsAny(sorted: readonly SummarySpan[], span: SummarySpan): boolean {
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
