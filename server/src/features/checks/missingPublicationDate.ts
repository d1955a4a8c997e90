/**
 * `no-publication-date`: relative dates ("on Thursday", "last week") need the day the article came out.
 * When neither a `date:` line, nor a dateline with its year, nor the `newsAnnotator.publicationDate` setting
 * gives it, they were counted from today, which is only right for an article written today.
 */
import type { DateAnnotation, PublicationDate } from '../../analysis/annotation';
import type { Finding } from './check';

export function missingPublicationDate(
  text: string,
  publication: PublicationDate,
  dates: readonly DateAnnotation[],
  settingGiven: boolean,
): Finding[] {
  const datelineWithoutYear = publication.source === 'dateline' && !settingGiven && !!publication.span && !/\d{4}/.test(text.slice(publication.span.start, publication.span.end));
  if ((publication.source !== 'none' && !datelineWithoutYear) || !text.trim()) return [];
  const dependent = dates.filter((date) => date.resolution !== 'explicit' && date.resolution !== 'reference').length;
  const lineEnd = text.search(/\r|\n|$/);
  const what =
    dependent === 0 ? 'Relative dates would be counted from today.' : `${dependent} relative date${dependent === 1 ? ' was' : 's were'} counted from today.`;
  return [
    {
      code: 'no-publication-date',
      start: 0,
      end: Math.max(0, lineEnd),
      message: `No publication date: no date: line, no dateline with a year, no newsAnnotator.publicationDate setting. ${what}`,
      fix: { kind: 'add-publication-date', suggested: datelineWithoutYear ? publication.value : suggestedDate(dates, publication.value) },
      ...(datelineWithoutYear && publication.span
        ? { related: [{ ...publication.span, message: `The dateline gives no year; ${publication.value} assumes the most recent such day.` }] }
        : {}),
    },
  ];
}

/**
 * A day the text itself names, the likeliest publication date: a full date, or a month and day on its most
 * recent occurrence (an article reports what has happened), never after today.
 */
function suggestedDate(dates: readonly DateAnnotation[], today: string): string | null {
  for (const date of dates) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date.value)) continue;
    if (date.resolution === 'explicit' && date.value <= today) return date.value;
    if (date.resolution !== 'year-inferred') continue;
    const monthDay = date.value.slice(4);
    let year = Number(today.slice(0, 4));
    if (`${year}${monthDay}` > today) year--;
    const day = `${year}${monthDay}`;
    if (!Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day)) return day;
  }
  return null;
}
