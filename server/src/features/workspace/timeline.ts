import type { ArticleSummary } from '../../workspace/articleSummary';
import { rangeIn } from '../../workspace/articleSummary';
import type { TimelineEntry, TimelineResult } from '../../protocol/newsRequests';
import { describeTimexValue } from '../dateDescription';
import { dayString, timexDayRange, type DayRange } from './timexDayRange';

interface DatedEntry {
  entry: TimelineEntry;
  /** Null for values off the calendar (PAST_REF …), which go last. */
  days: DayRange | null;
  start: number;
}

/** Values off the calendar, after every dated one, in the order of time they name. */
const REFERENCE_ORDER: Record<string, number> = { PAST_REF: 0, PRESENT_REF: 1, FUTURE_REF: 2 };

/**
 * The entries of one article, built once per summary: summaries are replaced, never changed, so the
 * cache follows the index without being told.
 */
const entriesCache = new WeakMap<ArticleSummary, DatedEntry[]>();

/** newsAnnotator/timeline: every dated mention of these articles in chronological order. */
export function timeline(articles: Iterable<ArticleSummary>): TimelineResult {
  const all: DatedEntry[] = [];
  for (const summary of articles) for (const dated of entriesOf(summary)) all.push(dated);
  all.sort(chronologically);
  return { entries: all.map((dated) => dated.entry) };
}

/**
 * By first day; of two periods starting on the same day the longer first (a month before its first day,
 * a year before its January); then by article and position. Values off the calendar come last.
 */
function chronologically(a: DatedEntry, b: DatedEntry): number {
  if (a.days && b.days) {
    const byDays = a.days.from - b.days.from || b.days.to - a.days.to;
    if (byDays) return byDays;
  } else if (a.days || b.days) {
    return a.days ? -1 : 1;
  } else {
    const byReference = (REFERENCE_ORDER[a.entry.value] ?? 3) - (REFERENCE_ORDER[b.entry.value] ?? 3);
    if (byReference) return byReference;
  }
  return a.entry.uri < b.entry.uri ? -1 : a.entry.uri > b.entry.uri ? 1 : a.start - b.start;
}

function entriesOf(summary: ArticleSummary): DatedEntry[] {
  let entries = entriesCache.get(summary);
  if (entries) return entries;
  const labels = new Map<string, string>();
  const ranges = new Map<string, DayRange | null>();
  entries = summary.dates.map((date) => {
    let label = labels.get(date.value);
    if (label === undefined) labels.set(date.value, (label = describeTimexValue(date.value)));
    let days = ranges.get(date.value);
    if (days === undefined) ranges.set(date.value, (days = timexDayRange(date.value)));
    const entry: TimelineEntry = {
      uri: summary.uri,
      range: rangeIn(summary, date),
      value: date.value,
      label,
      from: days ? dayString(days.from) : null,
      to: days ? dayString(days.to) : null,
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
    return { entry, days, start: date.start };
  });
  entriesCache.set(summary, entries);
  return entries;
}
