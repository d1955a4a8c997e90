import type { DateAnnotation, PublicationDate } from '../analysis/annotation';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SEASONS: Record<string, string> = { SP: 'spring', SU: 'summer', FA: 'autumn', AU: 'autumn', WI: 'winter' };
const REFERENCES: Record<string, string> = { PAST_REF: 'the past', PRESENT_REF: 'the present', FUTURE_REF: 'the future' };
const DAY_MS = 86_400_000;

/** "Thursday, 3 March 2022" for a TIMEX3 value, at the granularity it has. */
export function describeTimexValue(value: string): string {
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (m) {
    const date = utcDate(+m[1], +m[2], +m[3]);
    const time = /T(.+)$/.exec(value);
    return `${WEEKDAYS[date.getUTCDay()]}, ${+m[3]} ${MONTHS[+m[2] - 1]} ${m[1]}${time ? ` (${describeTime(time[1])})` : ''}`;
  }
  if ((m = /^(\d{4})-W(\d{2})$/.exec(value))) {
    const monday = isoWeekMonday(+m[1], +m[2]);
    const sunday = new Date(monday.getTime() + 6 * DAY_MS);
    return `week ${+m[2]} of ${m[1]} (${shortDay(monday)} – ${shortDay(sunday)})`;
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(value))) return `${MONTHS[+m[2] - 1]} ${m[1]}`;
  if ((m = /^(\d{4})-Q(\d)$/.exec(value))) return `quarter ${m[2]} of ${m[1]}`;
  if ((m = /^(\d{4})-H(\d)$/.exec(value))) return `${m[2] === '1' ? 'first' : 'second'} half of ${m[1]}`;
  if ((m = /^(\d{4})-(SP|SU|FA|AU|WI)$/.exec(value))) return `${SEASONS[m[2]]} ${m[1]}`;
  if ((m = /^(\d{4})$/.exec(value))) return `the year ${m[1]}`;
  if ((m = /^(\d{3})X?$/.exec(value))) return `the ${m[1]}0s`;
  if ((m = /^(\d{2})(?:XX)?$/.exec(value))) return `the ${ordinal(+m[1] + 1)} century`;
  return REFERENCES[value] ?? value;
}

export function describeResolution(date: DateAnnotation, publication: PublicationDate): string {
  const published = `${describeTimexValue(publication.value)}${describePublicationSource(publication)}`;
  switch (date.resolution) {
    case 'explicit':
      return 'written out in full';
    case 'relative':
      return `counted from the publication date, ${published}`;
    case 'weekday':
      return `the nearest such day, in the tense of its sentence, from the publication date, ${published}`;
    case 'year-inferred':
      return `year taken from the publication date, ${published}`;
    case 'reference':
      return 'a vague reference to a time, not a calendar date';
  }
}

export function describePublicationSource(publication: PublicationDate): string {
  switch (publication.source) {
    case 'front-matter':
      return ' (from the header)';
    case 'dateline':
      return ' (from the dateline)';
    case 'setting':
      return ' (from the newsAnnotator.publicationDate setting)';
    case 'first-date':
      return ' (the first full date in the text)';
    case 'none':
      return ' (no date found: today)';
  }
}

/** "2 days before publication", or undefined when the value is not on the calendar. */
export function describeDistance(value: string, publication: PublicationDate): string | undefined {
  const p = /^(\d{4})-(\d{2})-(\d{2})$/.exec(publication.value);
  if (!p) return undefined;
  const published = utcDate(+p[1], +p[2], +p[3]);
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (m) return relativeDays(Math.round((utcDate(+m[1], +m[2], +m[3]).getTime() - published.getTime()) / DAY_MS));
  if ((m = /^(\d{4})-W(\d{2})$/.exec(value))) {
    const weeks = Math.round((isoWeekMonday(+m[1], +m[2]).getTime() - isoWeekMonday(...isoWeekOf(published)).getTime()) / (7 * DAY_MS));
    return relative(weeks, 'week', 'the week of publication');
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(value))) {
    return relative((+m[1] - +p[1]) * 12 + (+m[2] - +p[2]), 'month', 'the month of publication');
  }
  if ((m = /^(\d{4})$/.exec(value))) return relative(+m[1] - +p[1], 'year', 'the year of publication');
  return undefined;
}

function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

function relativeDays(days: number): string {
  return relative(days, 'day', 'the day of publication');
}

function relative(amount: number, unit: string, same: string): string {
  if (amount === 0) return same;
  const count = Math.abs(amount);
  return `${count} ${unit}${count === 1 ? '' : 's'} ${amount < 0 ? 'before' : 'after'} publication`;
}

function describeTime(time: string): string {
  const parts: Record<string, string> = { MO: 'morning', AF: 'afternoon', EV: 'evening', NI: 'night', DT: 'daytime' };
  return parts[time] ?? time;
}

function shortDay(date: Date): string {
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()].slice(0, 3)}`;
}

function utcDate(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

/** Monday of ISO week `week` of `year`: week 1 holds the year's first Thursday. */
export function isoWeekMonday(year: number, week: number): Date {
  const jan4 = utcDate(year, 1, 4);
  const mondayOfWeek1 = jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * DAY_MS;
  return new Date(mondayOfWeek1 + (week - 1) * 7 * DAY_MS);
}

function isoWeekOf(date: Date): [number, number] {
  const thursday = new Date(date.getTime() + (3 - ((date.getUTCDay() + 6) % 7)) * DAY_MS);
  const year = thursday.getUTCFullYear();
  return [year, 1 + Math.round((thursday.getTime() - isoWeekMonday(year, 1).getTime()) / (7 * DAY_MS))];
}
