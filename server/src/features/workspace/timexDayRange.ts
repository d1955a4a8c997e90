/**
 * The days a TIMEX3 value covers, so that dates written at any granularity can be put on one axis and
 * compared: a month runs from its first to its last day, an ISO week from Monday to Sunday.
 */
import { dayNumber, daysInMonth, formatDay, fromDayNumber } from '../../analysis/dates/timex';

/** First and last day (days since 1970-01-01, UTC), both included. */
export interface DayRange {
  from: number;
  to: number;
}

const DAY_MS = 86_400_000;

/** Winter runs from December into the next year, as the date tagger counts seasons (spring starts in March). */
const SEASON_MONTHS: Record<string, [first: number, months: number]> = { SP: [3, 3], SU: [6, 3], FA: [9, 3], AU: [9, 3], WI: [12, 3] };

/**
 * The day range of a value: a day (with or without a part of day), month, ISO week or weekend, quarter,
 * half, season, year, decade ("199") or century ("19"); null for PAST_REF, PRESENT_REF, FUTURE_REF and any
 * value not on the calendar.
 */
export function timexDayRange(value: string): DayRange | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:T|$)/.exec(value);
  if (m) {
    if (+m[2] < 1 || +m[2] > 12 || +m[3] < 1 || +m[3] > daysInMonth(+m[1], +m[2])) return null;
    const day = dayNumber({ year: +m[1], month: +m[2], day: +m[3] });
    return { from: day, to: day };
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(value))) return +m[2] >= 1 && +m[2] <= 12 ? months(+m[1], +m[2], 1) : null;
  if ((m = /^(\d{4})-W(\d{2})(-WE)?$/.exec(value))) {
    if (+m[2] < 1 || +m[2] > 53) return null;
    const monday = isoWeekMondayDay(+m[1], +m[2]);
    return m[3] ? { from: monday + 5, to: monday + 6 } : { from: monday, to: monday + 6 };
  }
  if ((m = /^(\d{4})-Q([1-4])$/.exec(value))) return months(+m[1], (+m[2] - 1) * 3 + 1, 3);
  if ((m = /^(\d{4})-H([12])$/.exec(value))) return months(+m[1], (+m[2] - 1) * 6 + 1, 6);
  if ((m = /^(\d{4})-(SP|SU|FA|AU|WI)$/.exec(value))) return months(+m[1], ...SEASON_MONTHS[m[2]]);
  if ((m = /^(\d{4})$/.exec(value))) return months(+m[1], 1, 12);
  if ((m = /^(\d{3})X?$/.exec(value))) return months(+m[1] * 10, 1, 120);
  if ((m = /^(\d{2})(?:XX)?$/.exec(value))) return months(+m[1] * 100, 1, 1200);
  return null;
}

/** A day number as YYYY-MM-DD. */
export function dayString(day: number): string {
  return formatDay(fromDayNumber(day));
}

/** `count` whole months from month `month` of `year` (months past December run into the next years). */
function months(year: number, month: number, count: number): DayRange {
  const from = dayNumber({ year, month, day: 1 });
  const lastMonth = year * 12 + (month - 1) + count - 1;
  const lastYear = Math.floor(lastMonth / 12);
  const last = (lastMonth % 12) + 1;
  return { from, to: dayNumber({ year: lastYear, month: last, day: daysInMonth(lastYear, last) }) };
}

/** Monday of ISO week `week`: week 1 holds the year's first Thursday. */
function isoWeekMondayDay(year: number, week: number): number {
  const jan4 = Date.UTC(year, 0, 4) / DAY_MS;
  const weekday = (new Date(jan4 * DAY_MS).getUTCDay() + 6) % 7; // Monday 0
  return jan4 - weekday + (week - 1) * 7;
}
