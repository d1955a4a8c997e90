/**
 * Inlay hints: after a date the text leaves to the reader ("on Thursday", "last week", "March 3"), the day
 * it was resolved to; after a speaker that does not name itself ("it", "the agency"), whom it stands for.
 * What the reader would otherwise have to hover for, shown where a fact-checker reads.
 */
import type { InlayHint } from 'vscode-languageserver-types';
import type { AnalysisResult, DateAnnotation, QuoteAnnotation } from '../analysis/annotation';
import { describePublicationSource, describeTimexValue, isoWeekMonday } from './dateDescription';
import type { NewsDocument } from './newsDocument';

export interface InlayHintOptions {
  dates: boolean;
  speakers: boolean;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const TIMES: Record<string, string> = { MO: 'morning', AF: 'afternoon', EV: 'evening', NI: 'night', DT: 'daytime' };

/** Hints for the annotations that end inside [start, end] (UTF-16 offsets). */
export function inlayHints(document: NewsDocument, analysis: AnalysisResult, start: number, end: number, options: InlayHintOptions): InlayHint[] {
  const hints: Array<{ offset: number; hint: InlayHint }> = [];
  const speakersSeen = new Set<number>();
  for (const annotation of analysis.annotations) {
    if (annotation.start > end) break;
    if (annotation.type === 'date' && options.dates) {
      if (annotation.end < start || !needsResolvedDay(annotation)) continue;
      hints.push({ offset: annotation.end, hint: dateHint(document, annotation, analysis) });
    } else if (annotation.type === 'quote' && options.speakers) {
      const speaker = annotation.speaker;
      if (!speaker || speaker.end < start || speaker.end > end || speakersSeen.has(speaker.start) || !needsResolvedSpeaker(annotation)) continue;
      speakersSeen.add(speaker.start);
      hints.push({
        offset: speaker.end,
        hint: { position: document.positionAt(speaker.end), label: annotation.resolved!, paddingLeft: true, tooltip: `“${speaker.text}” stands for ${annotation.resolved}` },
      });
    }
  }
  // A speaker after its quote comes later in the text than the quote's start: hints go out in position order.
  return hints.sort((a, b) => a.offset - b.offset).map((h) => h.hint);
}

/** Dates whose calendar value the text does not spell out. */
function needsResolvedDay(date: DateAnnotation): boolean {
  return date.resolution !== 'explicit' && date.resolution !== 'reference' && /^\d{3}/.test(date.value);
}

/** A pronoun or a description, not a name that already says who it is ("Rogozin" for Dmitry Rogozin). */
function needsResolvedSpeaker(quote: QuoteAnnotation): boolean {
  if (!quote.speaker || !quote.resolved) return false;
  // Whole words: "it" is no part of "Harbour Development Authority".
  const said = ` ${normalise(quote.speaker.text)} `;
  const who = ` ${normalise(quote.resolved)} `;
  return !said.includes(who) && !who.includes(said);
}

function normalise(name: string): string {
  return name.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function dateHint(document: NewsDocument, date: DateAnnotation, analysis: AnalysisResult): InlayHint {
  const publication = analysis.publicationDate;
  return {
    position: document.positionAt(date.end),
    label: shortDate(date.value),
    paddingLeft: true,
    tooltip: `${describeTimexValue(date.value)} (${date.value}), counted from the publication date ${publication.value}${describePublicationSource(publication)}`,
  };
}

/** "Thu 3 Mar 2022", "Thu 3 Mar 2022 evening", "28 Feb – 6 Mar 2022"; other granularities as the hover words them ("March 2022"). */
export function shortDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(.+))?$/.exec(value);
  if (/^\d{4}$/.test(value)) return value;
  const week = /^(\d{4})-W(\d{2})$/.exec(value);
  if (week) {
    const monday = isoWeekMonday(+week[1], +week[2]);
    const sunday = new Date(monday.getTime() + 6 * 86_400_000);
    const first = monday.getUTCMonth() === sunday.getUTCMonth() ? `${monday.getUTCDate()}` : `${monday.getUTCDate()} ${MONTHS[monday.getUTCMonth()]}`;
    return `${first} – ${sunday.getUTCDate()} ${MONTHS[sunday.getUTCMonth()]} ${sunday.getUTCFullYear()}`;
  }
  if (!m) return describeTimexValue(value);
  const day = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  const time = m[4] ? ` ${TIMES[m[4]] ?? m[4]}` : '';
  return `${WEEKDAYS[day.getUTCDay()]} ${+m[3]} ${MONTHS[+m[2] - 1]} ${m[1]}${time}`;
}
