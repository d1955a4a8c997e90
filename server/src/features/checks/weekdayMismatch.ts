/**
 * `weekday-mismatch`: a weekday written next to a calendar date it does not fall on ("Thursday, March 4,
 * 2022" is a Friday). With the year written, the calendar decides. Without it the year comes from the
 * publication date (as the date analysis inferred it, or the publication year); since that year is a guess,
 * a weekday that would fit the year before or after is left alone.
 */
import type { DateAnnotation, PublicationDate } from '../../analysis/annotation';
import { DAY_OF_MONTH_SOURCE, MONTH_SOURCE, YEAR_SOURCE, dayOfMonth, monthNumber } from '../../analysis/dates/dateWords';
import type { Finding } from './check';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAY_WORD = '(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\\.?';
const M = MONTH_SOURCE;
const D = DAY_OF_MONTH_SOURCE;
const Y = YEAR_SOURCE;

/** Where a weekday may start: the full pattern below is tried only there, which keeps the scan cheap. */
const WEEKDAY_START = /Mon|Tue|Wed|Thu|Fri|Sat|Sun|MON|TUE|WED|THU|FRI|SAT|SUN/g;
/** A weekday, then (after a comma, a space or an opening parenthesis) a month and day or an ISO date. */
const WEEKDAY_WITH_DATE = new RegExp(
  `${WEEKDAY_WORD}(?:,[ \\t]*|[ \\t]+|[ \\t]*\\([ \\t]*)` +
    `(?:(${M})[ \\t]+(${D})(?:,?[ \\t]+(${Y}))?|(${D})(?:[ \\t]+of)?[ \\t]+(${M})(?:,?[ \\t]+(${Y}))?|(\\d{4})-(\\d{2})-(\\d{2})(?!\\d))`,
  'iuy',
);

/** "Tuesday and Wednesday, March 1": the date may belong to the other weekday. */
const WEEKDAY_LIST_BEFORE = /(?:day|Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?,?\s*(?:and|or|to|through|&|-|–|—)\s*$/i;
const NAME_BEFORE = /\p{Lu}[\p{L}.'’-]*[ \t]+$/u;
/** "March 1-2", "March 1 and 2": a range, whose weekday names its first or its last day. */
const DAY_RANGE_AFTER = /^\s*(?:-|–|—|and\b|or\b|to\b|through\b|&)\s*\d/i;

export function weekdayMismatches(text: string, dates: readonly DateAnnotation[], publication: PublicationDate): Finding[] {
  const findings: Finding[] = [];
  WEEKDAY_START.lastIndex = 0;
  for (let start = WEEKDAY_START.exec(text); start; start = WEEKDAY_START.exec(text)) {
    if (start.index > 0 && /[\p{L}\d]/u.test(text.charAt(start.index - 1))) continue;
    WEEKDAY_WITH_DATE.lastIndex = start.index;
    const m = WEEKDAY_WITH_DATE.exec(text);
    if (!m) continue;
    WEEKDAY_START.lastIndex = m.index + m[0].length;
    const written = m[1];
    const monthWord = m[2] ?? m[6];
    // Capitalised words only: "sat" and "wed" are verbs.
    if (!/^\p{Lu}/u.test(written) || (monthWord && !/^\p{Lu}/u.test(monthWord))) continue;
    const weekdayStart = m.index;
    // "the Harbour Sun, March 4": an abbreviation after a capitalised word ends a name.
    if (written.length <= 5 && !WEEKDAYS.includes(written) && NAME_BEFORE.test(text.slice(Math.max(0, weekdayStart - 30), weekdayStart))) continue;
    const dateEnd = m.index + m[0].length;
    if (WEEKDAY_LIST_BEFORE.test(text.slice(Math.max(0, weekdayStart - 30), weekdayStart))) continue;
    if (DAY_RANGE_AFTER.test(text.slice(dateEnd, dateEnd + 12))) continue;

    const iso = m[8] !== undefined;
    const month = iso ? Number(m[9]) : monthNumber(monthWord);
    const day = iso ? Number(m[10]) : dayOfMonth(m[3] ?? m[5]);
    const writtenYear = iso ? m[8] : (m[4] ?? m[7]);
    const weekday = weekdayOf(written);
    let year: number;
    if (writtenYear) {
      year = Number(writtenYear);
      if (!isValidDay(year, month, day)) continue;
    } else {
      const inferred = inferredYear(dates, m.index, dateEnd, month, day) ?? Number(publication.value.slice(0, 4));
      if (!isValidDay(inferred, month, day)) continue;
      // The year is a guess: a weekday that fits a neighbouring year may be right.
      if ([inferred - 1, inferred + 1].some((y) => isValidDay(y, month, day) && dayOfWeek(y, month, day) === weekday)) continue;
      year = inferred;
    }
    const actual = dayOfWeek(year, month, day);
    if (actual === weekday) continue;

    const dateText = `${MONTHS[month - 1]} ${day}${writtenYear ? `, ${year}` : ''}`;
    const finding: Finding = {
      code: 'weekday-mismatch',
      start: weekdayStart,
      end: weekdayStart + written.length,
      message: writtenYear
        ? `${dateText} is a ${WEEKDAYS[actual]}, not a ${WEEKDAYS[weekday]}.`
        : `${dateText} is a ${WEEKDAYS[actual]} in ${year}, not a ${WEEKDAYS[weekday]} (year taken from the publication date).`,
      fix: { kind: 'replace', with: sameStyle(written, WEEKDAYS[actual]) },
    };
    if (!writtenYear && publication.span) {
      finding.related = [{ ...publication.span, message: `The publication date, ${publication.value}, gives the year.` }];
    }
    findings.push(finding);
  }
  return findings;
}

/**
 * The year the date analysis gave this month and day from the publication date, if it tagged it so. A date it
 * resolved by its weekday got the year that weekday fits, which may be years away: that is the mismatch.
 */
function inferredYear(dates: readonly DateAnnotation[], start: number, end: number, month: number, day: number): number | undefined {
  const suffix = `-${pad(month)}-${pad(day)}`;
  for (const date of dates) {
    if (date.end <= start || date.start >= end || date.resolution !== 'year-inferred') continue;
    const m = /^(\d{4})-\d{2}-\d{2}/.exec(date.value);
    if (m && date.value.startsWith(m[1] + suffix)) return Number(m[1]);
  }
  return undefined;
}

/** "Thu" → "Fri", "THURSDAY" → "FRIDAY", "Thursday" → "Friday". */
function sameStyle(written: string, weekday: string): string {
  const abbreviated = !WEEKDAYS.some((name) => name.toLowerCase() === written.toLowerCase());
  const word = abbreviated ? weekday.slice(0, 3) : weekday;
  return written.length > 1 && written === written.toUpperCase() ? word.toUpperCase() : word;
}

function weekdayOf(word: string): number {
  const prefix = word.slice(0, 2).toLowerCase();
  return ['su', 'mo', 'tu', 'we', 'th', 'fr', 'sa'].indexOf(prefix);
}

function dayOfWeek(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

function isValidDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
