/**
 * What a position in an article points at, for Shift+F12 and F12, read from the article's summary alone:
 * a mention of a person or agency, a speaker mention standing for one, or a date. And what counts as the
 * same thing in another article: people and agencies by kind and name, dates by day.
 */
import type { EntityKind } from '../../analysis/annotation';
import type { ArticleSummary, SummaryDate, SummaryEntity, SummarySpan } from '../../workspace/articleSummary';
import { foldForSearch } from './searchFold';
import { timexDayRange } from './timexDayRange';

export type ArticleTarget =
  | { type: 'entity'; kind: EntityKind; name: string; entity?: SummaryEntity }
  | { type: 'date'; date: SummaryDate };

/**
 * The innermost mention, speaker mention or date holding `offset`; one that ends at `offset` counts too
 * (the cursor just after a word), after those that hold it strictly.
 */
export function targetAt(summary: ArticleSummary, offset: number): ArticleTarget | null {
  return targetHolding(summary, offset, false) ?? targetHolding(summary, offset, true);
}

function targetHolding(summary: ArticleSummary, offset: number, atEnd: boolean): ArticleTarget | null {
  const holds = atEnd ? (span: SummarySpan) => span.end === offset : (span: SummarySpan) => span.start <= offset && offset < span.end;
  let best: { entity: SummaryEntity; length: number } | null = null;
  for (const entity of summary.entities) {
    for (const mention of entity.mentions) {
      if (mention.start > offset) break;
      if (holds(mention) && (!best || mention.end - mention.start < best.length)) best = { entity, length: mention.end - mention.start };
    }
  }
  if (best) return { type: 'entity', kind: best.entity.kind, name: best.entity.name, entity: best.entity };
  for (const quote of summary.quotes) {
    if (!quote.speaker || !holds(quote.speaker)) continue;
    const entity = quote.entity !== undefined ? summary.entities[quote.entity] : undefined;
    if (entity) return { type: 'entity', kind: entity.kind, name: entity.name, entity };
    if (quote.resolved) return { type: 'entity', kind: quote.resolvedKind ?? 'agency', name: quote.resolved };
  }
  for (const date of summary.dates) {
    if (date.start > offset) break;
    if (holds(date)) return { type: 'date', date };
  }
  return null;
}

/**
 * The mention F12 goes to: the first that is at least as long as the entity's name, so the first full
 * mention ("Dana Whitfield" rather than a headline's "Whitfield", "National Aeronautics and Space
 * Administration" before "NASA"); the first mention when none is.
 */
export function declarationOf(entity: SummaryEntity): SummarySpan | undefined {
  return entity.mentions.find((mention) => mention.end - mention.start >= entity.name.length) ?? entity.mentions[0];
}

/**
 * What makes two people or agencies of different articles the same: the kind and the name, ignoring case
 * and accents. A person goes by the fullest name the article gives, so someone known only as "Okoye" in one
 * article is not taken for "Paul Okoye" (or "Grace Okoye") of another.
 */
export function entityKey(kind: EntityKind, name: string): string {
  return `${kind}:${foldForSearch(name)}`;
}

/**
 * What makes two dates the same: the day they resolve to (2022-03-03 and 2022-03-03TMO are one day); a
 * longer period (a month, a week, a year) only matches the same value. Null for values not on the
 * calendar (PAST_REF …): "recently" in two articles is not one time.
 */
export function dateKey(value: string): string | null {
  const day = /^\d{4}-\d{2}-\d{2}/.exec(value);
  if (day) return day[0];
  return timexDayRange(value) ? value : null;
}
