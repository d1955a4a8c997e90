/**
 * The date an article was published, which relative dates ("on Thursday", "last week") resolve against.
 * Sources in order: a `date:`/`published:` header or front-matter line, a dateline ("WASHINGTON, March 3,
 * 2022 (Reuters) —"), the user's setting, the first full date in the text; else today (UTC).
 * Only the head of the text is read, except for one regex scan for the first full date.
 */
import type { PublicationDate } from '../annotation';
import { DAY_OF_MONTH_SOURCE, MONTH_SOURCE, WEEKDAY_SOURCE, YEAR_SOURCE, dayOfMonth, monthNumber } from './dateWords';
import { formatDay, isValidDay, parseIsoDay, yearOfRecurring, type CalendarDay } from './timex';

/** Headers and front matter live in the first lines; a dateline opens the first paragraph. */
const HEADER_REACH = 3000;
const DATELINE_REACH = 600;

const M = MONTH_SOURCE;
const D = DAY_OF_MONTH_SOURCE;
const Y = YEAR_SOURCE;
const W = `(?:${WEEKDAY_SOURCE}|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\\.?`;

const HEADER_KEY = `[ \\t]*(?:date|published|published[ _-]?(?:at|on|date)|pub[ _-]?date|publication[ _-]?date|dateline|created)[ \\t]*[:=]`;
const HEADER_LINE = new RegExp(`^${HEADER_KEY}[ \\t]*["']?([^\\r\\n"']+)`, 'gim');
const HEADER_LINE_START = new RegExp(`^${HEADER_KEY}`, 'i');
const HEADER_LINE_REACH = 200;

/**
 * Whether `index` lies on a `date:` / `published:` header line: metadata that sets the publication date, not a
 * date the story mentions, so it is no date annotation (nor a Timeline entry).
 */
export function isOnHeaderLine(text: string, index: number): boolean {
  // A header line is short: looking back a bounded way keeps a long single-line text linear.
  const floor = Math.max(0, index - HEADER_LINE_REACH);
  let lineStart = index;
  while (lineStart > floor && text.charCodeAt(lineStart - 1) !== 10 && text.charCodeAt(lineStart - 1) !== 13) lineStart--;
  if (lineStart > 0 && lineStart === floor && text.charCodeAt(lineStart - 1) !== 10 && text.charCodeAt(lineStart - 1) !== 13) return false;
  return HEADER_LINE_START.test(text.slice(lineStart, Math.min(index, lineStart + 64)));
}

/** A written or ISO date with its year: "2022-03-03", "March 3, 2022", "3 March 2022", "Thu, 03 Mar 2022". */
const FULL_DATE = new RegExp(
  `(?<![\\d-])(\\d{4})-(\\d{2})-(\\d{2})(?![\\d])|(?:${W},?\\s+)?(?:(${M})\\s+(${D}),?\\s+(${Y})|(${D})(?:\\s+of)?\\s+(${M}),?\\s+(${Y}))`,
  'g',
);

/** "WASHINGTON, March 3, 2022 (Reuters) —", "LONDON (AP) March 3 —", "March 3 (Reuters) -": a city, then a date, then an agency or dash. */
const DATELINE = new RegExp(
  `^[ \\t]*(?:[A-Z][A-Z.'’ -]*[A-Z.](?:,[ \\t]*[A-Z][A-Za-z.’' -]*)?,?[ \\t]+(?:\\([A-Za-z][\\w .&-]*\\)[ \\t]*)?)?` +
    `(?:${W},?\\s+)?((${M})\\s+(${D})(?:,?\\s+(${Y}))?|(${D})\\s+(${M})(?:,?\\s+(${Y}))?)` +
    `(?=[ \\t]*(?:\\([A-Za-z][\\w .&-]*\\)[ \\t]*)?(?:--|[-—–_:]|/))`,
  'm',
);

export function findPublicationDate(text: string, fromSetting?: string): PublicationDate {
  const setting = fromSetting ? parseIsoDay(fromSetting.trim()) : null;
  return (
    fromHeader(text) ??
    fromDateline(text, setting ?? todayUtc()) ??
    (setting ? { value: formatDay(setting), source: 'setting' } : null) ??
    fromFirstDate(text) ?? { value: formatDay(todayUtc()), source: 'none' }
  );
}

function fromHeader(text: string): PublicationDate | null {
  const head = text.slice(0, HEADER_REACH);
  HEADER_LINE.lastIndex = 0;
  for (let m = HEADER_LINE.exec(head); m; m = HEADER_LINE.exec(head)) {
    const valueStart = m.index + m[0].length - m[1].length;
    const found = firstFullDate(m[1]);
    if (found) return { value: formatDay(found.day), source: 'front-matter', span: { start: valueStart + found.start, end: valueStart + found.end } };
  }
  return null;
}

function fromDateline(text: string, yearReference: CalendarDay): PublicationDate | null {
  const head = text.slice(0, DATELINE_REACH);
  const m = DATELINE.exec(head);
  if (!m) return null;
  const month = monthNumber(m[2] ?? m[6]);
  const day = dayOfMonth(m[3] ?? m[5]);
  const written = m[4] ?? m[7];
  // A dateline without a year ("March 3 (Reuters)") is about the most recent such day.
  const year = written ? Number(written) : yearOfRecurring(yearReference, month, day, 'past');
  if (!isValidDay(year, month, day)) return null;
  const start = m.index + m[0].length - m[1].length;
  return { value: formatDay({ year, month, day }), source: 'dateline', span: { start, end: start + m[1].length } };
}

function fromFirstDate(text: string): PublicationDate | null {
  const found = firstFullDate(text);
  return found ? { value: formatDay(found.day), source: 'first-date', span: { start: found.start, end: found.end } } : null;
}

function firstFullDate(text: string): { day: CalendarDay; start: number; end: number } | null {
  FULL_DATE.lastIndex = 0;
  for (let m = FULL_DATE.exec(text); m; m = FULL_DATE.exec(text)) {
    const [year, month, day] = m[1]
      ? [Number(m[1]), Number(m[2]), Number(m[3])]
      : m[4]
        ? [Number(m[6]), monthNumber(m[4]), dayOfMonth(m[5])]
        : [Number(m[9]), monthNumber(m[8]), dayOfMonth(m[7])];
    if (isValidDay(year, month, day)) return { day: { year, month, day }, start: m.index, end: m.index + m[0].length };
  }
  return null;
}

function todayUtc(): CalendarDay {
  const now = new Date();
  return { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1, day: now.getUTCDate() };
}
