/**
 * Calendar arithmetic and TIMEX3 value formatting for the date tagger and the publication date.
 * Dates are plain {year, month, day} records computed through UTC day numbers, so no time zone or
 * daylight-saving shift can move a day.
 */

export interface CalendarDay {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

const MS_PER_DAY = 86_400_000;

export function dayNumber(date: CalendarDay): number {
  return Math.floor(Date.UTC(date.year, date.month - 1, date.day) / MS_PER_DAY);
}

export function fromDayNumber(n: number): CalendarDay {
  const d = new Date(n * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function addDays(date: CalendarDay, days: number): CalendarDay {
  return fromDayNumber(dayNumber(date) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: CalendarDay): number {
  return (((dayNumber(date) + 4) % 7) + 7) % 7; // day 0 (1970-01-01) was a Thursday
}

export function isValidDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses YYYY-MM-DD; null when malformed or not a real day. */
export function parseIsoDay(value: string): CalendarDay | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidDay(year, month, day) ? { year, month, day } : null;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function formatDay(date: CalendarDay): string {
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

export function formatMonth(year: number, month: number): string {
  return `${pad(year, 4)}-${pad(month)}`;
}

/** ISO 8601 week: weeks start on Monday and week 1 holds the year's first Thursday, so 2021-01-03 is in 2020-W53. */
export function isoWeek(date: CalendarDay): { year: number; week: number } {
  const n = dayNumber(date);
  const isoWeekday = weekdayOf(date) || 7; // Monday 1 … Sunday 7
  const thursday = fromDayNumber(n + 4 - isoWeekday);
  const firstOfYear = dayNumber({ year: thursday.year, month: 1, day: 1 });
  return { year: thursday.year, week: Math.floor((dayNumber(thursday) - firstOfYear) / 7) + 1 };
}

export function formatWeek(date: CalendarDay): string {
  const { year, week } = isoWeek(date);
  return `${pad(year, 4)}-W${pad(week)}`;
}

export type Direction = 'past' | 'future' | 'nearest';

/**
 * The day with the given weekday relative to `reference`. 'past' is the latest on or before it, 'future' the
 * earliest on or after it, 'nearest' the closer of the two (ties go to the past, news reports what happened).
 * `strict` excludes the reference day itself ("last Friday" said on a Friday means a week ago).
 */
export function weekdayRelativeTo(reference: CalendarDay, weekday: number, direction: Direction, strict = false): CalendarDay {
  const today = weekdayOf(reference);
  let back = (today - weekday + 7) % 7;
  let ahead = (weekday - today + 7) % 7;
  if (strict) {
    if (back === 0) back = 7;
    if (ahead === 0) ahead = 7;
  }
  if (direction === 'past') return addDays(reference, -back);
  if (direction === 'future') return addDays(reference, ahead);
  return addDays(reference, back <= ahead ? -back : ahead);
}

/**
 * The year in which a yearly event (month/day, or a month as a whole when `day` is omitted) falls relative to
 * `reference`: in the past direction the latest occurrence on or before it, in the future the earliest on or
 * after it, else whichever is nearer, the past one counting as `pastBias` times nearer than it is.
 */
export function yearOfRecurring(
  reference: CalendarDay,
  month: number,
  day: number | undefined,
  direction: Direction,
  strict = false,
  pastBias = 1,
): number {
  const sameYear = reference.year;
  const position = (year: number) => (day === undefined ? monthIndex(year, month) : dayNumber({ year, month, day: Math.min(day, daysInMonth(year, month)) }));
  const here = day === undefined ? monthIndex(reference.year, reference.month) : dayNumber(reference);
  const thisYear = position(sameYear);
  const pastYear = thisYear < here || (!strict && thisYear === here) ? sameYear : sameYear - 1;
  const futureYear = thisYear > here || (!strict && thisYear === here) ? sameYear : sameYear + 1;
  if (direction === 'past') return pastYear;
  if (direction === 'future') return futureYear;
  return here - position(pastYear) <= pastBias * (position(futureYear) - here) ? pastYear : futureYear;
}

function monthIndex(year: number, month: number): number {
  return year * 12 + month - 1;
}

export function addMonths(year: number, month: number, delta: number): { year: number; month: number } {
  const index = monthIndex(year, month) + delta;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** Western (Gregorian) Easter Sunday, by the anonymous Gregorian algorithm. */
export function easterSunday(year: number): CalendarDay {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { year, month, day };
}

/** The n-th (1-based; -1 = last) given weekday of a month, e.g. US Thanksgiving is the 4th Thursday of November. */
export function nthWeekdayOfMonth(year: number, month: number, weekday: number, n: number): CalendarDay {
  if (n > 0) {
    const first = weekdayOf({ year, month, day: 1 });
    return { year, month, day: 1 + ((weekday - first + 7) % 7) + 7 * (n - 1) };
  }
  const lastDay = daysInMonth(year, month);
  const last = weekdayOf({ year, month, day: lastDay });
  return { year, month, day: lastDay - ((last - weekday + 7) % 7) };
}

/** A two-digit year read as the year of that ending nearest to the reference year ('98 in 2022 → 1998, '21 → 2021). */
export function expandTwoDigitYear(twoDigits: number, referenceYear: number): number {
  const century = Math.floor(referenceYear / 100) * 100;
  const candidates = [century - 100 + twoDigits, century + twoDigits, century + 100 + twoDigits];
  // A year more than ten years ahead is far less likely in news than one in the past.
  return candidates.filter((y) => y <= referenceYear + 10).reduce((best, y) => (Math.abs(y - referenceYear) < Math.abs(best - referenceYear) ? y : best));
}
