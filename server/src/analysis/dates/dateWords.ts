/**
 * The words of English dates (months, weekdays, seasons, ordinals, number words) as regex sources and
 * lookups, shared by the date tagger and the publication-date finder.
 */

/** Full month names first so that the alternation prefers "March" over "Mar". */
export const MONTH_SOURCE =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|' +
  'Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept\\.|Sep\\.|Oct\\.|Nov\\.|Dec\\.|' +
  'Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?![a-z])';

export const WEEKDAY_SOURCE = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';

/** Day of the month, with an optional ordinal suffix; not part of a longer number. */
export const DAY_OF_MONTH_SOURCE = '(?<![\\d,.])(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\\d])';

export const YEAR_SOURCE = '(?<![\\dA-Za-z$£€.,])(?:1[6-9]\\d\\d|20\\d\\d)(?![\\d]|,\\d)';

const MONTHS_BY_PREFIX: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

/** 1–12 for a month name or abbreviation ("Sept.", "MARCH"), else 0. */
export function monthNumber(word: string): number {
  return MONTHS_BY_PREFIX[word.slice(0, 3).toLowerCase()] ?? 0;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** 0 = Sunday … 6 = Saturday, else -1. */
export function weekdayNumber(word: string): number {
  return WEEKDAYS.indexOf(word.toLowerCase());
}

export function dayOfMonth(text: string): number {
  return parseInt(text, 10);
}

export type SeasonCode = 'SP' | 'SU' | 'FA' | 'WI';

export function seasonCode(word: string): SeasonCode {
  switch (word.toLowerCase()) {
    case 'spring':
      return 'SP';
    case 'summer':
      return 'SU';
    case 'winter':
      return 'WI';
    default:
      return 'FA'; // fall, autumn
  }
}

/** The month a season starts in (meteorological seasons of the northern hemisphere). */
export function seasonStartMonth(code: SeasonCode): number {
  return { SP: 3, SU: 6, FA: 9, WI: 12 }[code];
}

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, hundred: 100, several: 3, few: 3, couple: 2,
};

export const COUNT_SOURCE =
  '(?:\\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|' +
  'sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|a hundred|a few|a couple of|several)';

/** 3 for "three", "3" or "a few"; NaN when unknown. */
export function countValue(text: string): number {
  const words = text.toLowerCase().split(/\s+/).filter((w) => w !== 'of');
  const last = words[words.length - 1];
  return /^\d+$/.test(last) ? Number(last) : NUMBER_WORDS[last] ?? NaN;
}

const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4 };

export const QUARTER_ORDINAL_SOURCE = '(?:first|second|third|fourth|1st|2nd|3rd|4th)';

export function quarterNumber(ordinal: string): number {
  return ORDINALS[ordinal.toLowerCase()] ?? 0;
}

/** True for "March", "MARCH"; false for "march" (the verb) and "mARCH". */
export function isCapitalised(word: string): boolean {
  const first = word.charAt(0);
  return first !== first.toLowerCase();
}
