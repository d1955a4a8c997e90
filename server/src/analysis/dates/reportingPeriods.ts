/**
 * Earnings stories name one quarter ("third-quarter profit fell") and then refer back to it: "in the quarter",
 * "the latest period", "up from $10 million a year ago", "the year-earlier quarter", "the 1988 period". TimeML
 * resolves those against the quarter reported on (1989-Q3, 1988-Q3), which may be named paragraphs earlier, so
 * this runs once over the whole document, after the per-paragraph tagger. It reads only the annotations' text
 * and values, so the per-paragraph results stay cacheable.
 */
import type { DateAnnotation } from '../annotation';

/** The same quarter again: "the quarter", "the latest period", "this quarter". */
const SAME_PERIOD = /^(?:the|this|that)\s+(?:(?:latest|current)\s+)?(?:quarter|period)$/i;
/** A year named, the quarter implied: "the 1988 period". */
const YEAR_PERIOD = /^the\s+(\d{4})\s+(?:quarter|period)$/i;
/** The quarter a year before: "a year ago", "year-earlier", "the corresponding period last year". */
const YEAR_BEFORE =
  /^(?:(?:a|one)\s+year\s+(?:ago|earlier)|(?:the\s+)?(?:(?:comparable|corresponding)\s+)?year-(?:ago|earlier)(?:\s+(?:quarter|period))?|the\s+(?:same|comparable|corresponding)\s+(?:quarter|period)\s+(?:last\s+year|a\s+year\s+(?:ago|earlier))|the\s+quarter\s+a\s+year\s+(?:ago|earlier)|last\s+year['’]s\s+(?:quarter|period))$/i;
const QUARTER_VALUE = /^(\d{4})-Q([1-4])$/;
/** Words that make a quarter a comparison, not the one reported on. */
const COMPARISON = /\b(?:ago|earlier|last\s+year|year-)/i;

/** How far after the quarter named a reference back to it is still read as that quarter. */
const CONTEXT_REACH = 3000;

/** The dates with reporting periods resolved; the others are the same objects. Dates must be in document order. */
export function resolveReportingPeriods(dates: readonly DateAnnotation[]): DateAnnotation[] {
  let context: { year: number; quarter: number; end: number } | null = null;
  let changed: DateAnnotation[] | null = null;
  dates.forEach((date, index) => {
    const named = QUARTER_VALUE.exec(date.value);
    if (named && !COMPARISON.test(date.text)) {
      context = { year: Number(named[1]), quarter: Number(named[2]), end: date.end };
      return;
    }
    if (!context || date.start - context.end > CONTEXT_REACH) return;
    const text = date.text.replace(/\s+/g, ' ');
    let value: string | null = null;
    if (SAME_PERIOD.test(text)) value = `${context.year}-Q${context.quarter}`;
    else if (YEAR_BEFORE.test(text)) value = `${context.year - 1}-Q${context.quarter}`;
    else {
      const year = YEAR_PERIOD.exec(text);
      if (year) value = `${year[1]}-Q${context.quarter}`;
    }
    if (value === null || value === date.value) return;
    changed ??= [...dates];
    changed[index] = { ...date, value, resolution: 'relative' };
  });
  return changed ?? (dates as DateAnnotation[]);
}
