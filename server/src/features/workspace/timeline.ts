import type { ArticleSummary } from '../../workspace/articleSummary';
import { rangeIn } from '../../workspace/articleSummary';
import type { TimelineEntry, TimelineResult } from '../../protocol/newsRequests';
import { describeTimexValue } from '../dateDescription';
import { dayString, timexDayRange } from './timexDayRange';

interface DatedEntry {
  entry: TimelineEntry;
  /** First and last day; dates off the calendar (PAST_REF …) sort after every day, in the order of time they name. */
  from: number;
  to: number;
  start: number;
}

/** What a TIMEX value gives every entry that has it. */
interface ValueFacts {
  label: string;
  from: number;
  to: number;
  fromDay: string | null;
  toDay: string | null;
}

/** Past, present and future after every calendar day; anything else unknown after them. */
const OFF_CALENDAR: Record<string, number> = { PAST_REF: 1e9, PRESENT_REF: 1e9 + 1, FUTURE_REF: 1e9 + 2 };
const UNKNOWN = 1e9 + 3;

/**
 * Facts by value, shared by every article: a value means the same days wherever it is written, and a
 * workspace repeats few values many times. Bounded, since the cache outlives any one article.
 */
const valueCache = new Map<string, ValueFacts>();
const VALUE_CACHE_LIMIT = 50_000;

/**
 * The entries of one article, built once per summary: summaries are replaced, never changed, so the
 * cache follows the index without being told.
 */
const entriesCache = new WeakMap<ArticleSummary, DatedEntry[]>();

/**
 * newsAnnotator/timeline: every dated mention of these articles in chronological order: by first day; of
 * two periods starting on the same day the longer first (a month before its first day, a year before its
 * January); then by article (uri) and position. Values off the calendar come last.
 */
export function timeline(articles: Iterable<ArticleSummary>): TimelineResult {
  const summaries = [...articles].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  // Articles numbered in uri order, so that the sort compares numbers only.
  const ordinals = new Map<ArticleSummary, number>(summaries.map((summary, i) => [summary, i]));
  const all: Array<{ dated: DatedEntry; article: number }> = [];
  for (const summary of summaries) {
    const article = ordinals.get(summary)!;
    for (const dated of entriesOf(summary)) all.push({ dated, article });
  }
  all.sort((a, b) => a.dated.from - b.dated.from || b.dated.to - a.dated.to || a.article - b.article || a.dated.start - b.dated.start);
  return { entries: all.map(({ dated }) => dated.entry) };
}

function entriesOf(summary: ArticleSummary): DatedEntry[] {
  let entries = entriesCache.get(summary);
  if (entries) return entries;
  entries = summary.dates.map((date) => {
    const facts = factsOf(date.value);
    const entry: TimelineEntry = {
      uri: summary.uri,
      range: rangeIn(summary, date),
      value: date.value,
      label: facts.label,
      from: facts.fromDay,
      to: facts.toDay,
      text: date.text,
      context: date.context,
      articleTitle: summary.title,
      agencies: [...date.agencies],
    };
    const quote = date.quote !== undefined ? summary.quotes[date.quote] : undefined;
    if (quote) {
      entry.quote = {
        speaker: quote.resolved ?? quote.speaker?.text ?? null,
        preview: quote.preview,
        location: { uri: summary.uri, range: rangeIn(summary, quote) },
      };
    }
    return { entry, from: facts.from, to: facts.to, start: date.start };
  });
  entriesCache.set(summary, entries);
  return entries;
}

function factsOf(value: string): ValueFacts {
  let facts = valueCache.get(value);
  if (facts) return facts;
  const days = timexDayRange(value);
  const offCalendar = OFF_CALENDAR[value] ?? UNKNOWN;
  facts = days
    ? { label: describeTimexValue(value), from: days.from, to: days.to, fromDay: dayString(days.from), toDay: dayString(days.to) }
    : { label: describeTimexValue(value), from: offCalendar, to: offCalendar, fromDay: null, toDay: null };
  if (valueCache.size >= VALUE_CACHE_LIMIT) valueCache.clear();
  valueCache.set(value, facts);
  return facts;
}
