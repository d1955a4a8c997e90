/**
 * The chart's time axis: calendar days as numbers, the visible window, its zoom and the ticks it shows.
 * Pure (no vscode, no DOM), so the webview, the SVG export and the unit tests share it.
 */

/** Days since 1970-01-01 (UTC): a date on the axis. Whole numbers are midnights. */
export type DayNumber = number;

const MS_PER_DAY = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `YYYY-MM-DD` → its day number; undefined for anything else (the server's `from`/`to` may be null). */
export function dayNumber(iso: string | null | undefined): DayNumber | undefined {
  const match = typeof iso === 'string' ? /^(-?\d{4,})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return Math.round(date.getTime() / MS_PER_DAY);
}

export function isoOfDay(day: DayNumber): string {
  return new Date(Math.floor(day) * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The visible part of the axis: [start, end) in days. */
export interface AxisWindow {
  start: DayNumber;
  end: DayNumber;
}

/** The narrowest window (days stay readable) and the widest (a century and more). */
export const MIN_SPAN_DAYS = 7;
export const MAX_SPAN_DAYS = 365.25 * 200;

/** A window that shows every day from `first` to `last` (inclusive) with a margin on each side. */
export function fitWindow(first: DayNumber, last: DayNumber): AxisWindow {
  const span = last + 1 - first;
  const margin = Math.max(span * 0.05, 1);
  return clampSpan({ start: first - margin, end: last + 1 + margin });
}

/**
 * Zooms by `factor` (> 1 shows more days, < 1 fewer) keeping the day `anchor` where it is on screen, as a mouse
 * wheel over a point should.
 */
export function zoomWindow(window: AxisWindow, factor: number, anchor = (window.start + window.end) / 2): AxisWindow {
  if (!(factor > 0) || !Number.isFinite(factor)) return window;
  const span = window.end - window.start;
  const newSpan = Math.min(Math.max(span * factor, MIN_SPAN_DAYS), MAX_SPAN_DAYS);
  const ratio = span > 0 ? (anchor - window.start) / span : 0.5;
  const start = anchor - ratio * newSpan;
  return { start, end: start + newSpan };
}

/** Moves the window by `days` (negative: back in time). */
export function panWindow(window: AxisWindow, days: number): AxisWindow {
  return Number.isFinite(days) ? { start: window.start + days, end: window.end + days } : window;
}

/** The named zoom levels of the chart's buttons: how many days each shows around the window's centre. */
export const ZOOM_LEVELS = { decade: 3653, year: 366, month: 31, week: MIN_SPAN_DAYS } as const;
export type ZoomLevel = keyof typeof ZOOM_LEVELS;

export function windowAtLevel(window: AxisWindow, level: ZoomLevel): AxisWindow {
  const centre = (window.start + window.end) / 2;
  const span = ZOOM_LEVELS[level];
  return { start: centre - span / 2, end: centre + span / 2 };
}

function clampSpan(window: AxisWindow): AxisWindow {
  const span = window.end - window.start;
  if (span >= MIN_SPAN_DAYS && span <= MAX_SPAN_DAYS) return window;
  return zoomWindow(window, (span < MIN_SPAN_DAYS ? MIN_SPAN_DAYS : MAX_SPAN_DAYS) / span);
}

export type TickUnit = 'day' | 'month' | 'year';

export interface Tick {
  day: DayNumber;
  label: string;
  /** The start of a larger unit (a month among days, a year among months, a decade among years): a stronger line. */
  major: boolean;
}

export interface Ticks {
  unit: TickUnit;
  /** Every how many units a tick is drawn. */
  step: number;
  ticks: Tick[];
}

/** Ticks closer than this many pixels would make their labels collide. */
export const MIN_TICK_SPACING_PX = 64;

/** Steps tried from the finest up, with the days each covers on average. */
const STEPS: ReadonlyArray<{ unit: TickUnit; step: number; days: number }> = [
  { unit: 'day', step: 1, days: 1 },
  { unit: 'day', step: 2, days: 2 },
  { unit: 'day', step: 7, days: 7 },
  { unit: 'day', step: 14, days: 14 },
  { unit: 'month', step: 1, days: 30.44 },
  { unit: 'month', step: 3, days: 91.31 },
  { unit: 'month', step: 6, days: 182.62 },
  ...[1, 2, 5, 10, 20, 50, 100].map((step) => ({ unit: 'year' as const, step, days: 365.25 * step })),
];

/**
 * The ticks for a window drawn `widthPx` wide: the finest unit whose ticks stay at least MIN_TICK_SPACING_PX apart,
 * so zooming in goes from years to months to days.
 */
export function axisTicks(window: AxisWindow, widthPx: number): Ticks {
  const pxPerDay = widthPx / Math.max(window.end - window.start, 1e-9);
  const choice = STEPS.find((candidate) => candidate.days * pxPerDay >= MIN_TICK_SPACING_PX) ?? STEPS[STEPS.length - 1];
  const ticks: Tick[] = [];
  if (choice.unit === 'day') {
    // Weeks start on Mondays (day 4 was Monday 5 January 1970).
    const origin = choice.step === 1 ? 0 : 4;
    let day = Math.ceil(window.start);
    day += mod(origin - day, choice.step === 1 ? 1 : choice.step);
    for (; day < window.end; day += choice.step) {
      const date = new Date(day * MS_PER_DAY);
      const first = date.getUTCDate() === 1;
      ticks.push({ day, label: `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}${first && date.getUTCMonth() === 0 ? ` ${date.getUTCFullYear()}` : ''}`, major: first });
    }
  } else if (choice.unit === 'month') {
    const startDate = new Date(Math.floor(window.start) * MS_PER_DAY);
    let year = startDate.getUTCFullYear();
    let month = startDate.getUTCMonth();
    month += mod(-month, choice.step);
    for (;;) {
      year += Math.floor(month / 12);
      month = mod(month, 12);
      const day = utcDay(year, month, 1);
      if (day >= window.end) break;
      if (day >= window.start) ticks.push({ day, label: month === 0 ? String(year) : `${MONTHS[month]}`, major: month === 0 });
      month += choice.step;
    }
  } else {
    let year = new Date(Math.floor(window.start) * MS_PER_DAY).getUTCFullYear();
    year += mod(-year, choice.step);
    for (; ; year += choice.step) {
      const day = utcDay(year, 0, 1);
      if (day >= window.end) break;
      if (day >= window.start) ticks.push({ day, label: String(year), major: year % (choice.step * 10) === 0 });
    }
  }
  // The first tick says the year too, unless it is a year already: the axis must name its year somewhere.
  const first = ticks[0];
  if (first && choice.unit !== 'year' && !/\d{4}$/.test(first.label)) {
    ticks[0] = { ...first, label: `${first.label} ${new Date(first.day * MS_PER_DAY).getUTCFullYear()}` };
  }
  return { unit: choice.unit, step: choice.step, ticks };
}

function utcDay(year: number, month: number, day: number): DayNumber {
  const date = new Date(Date.UTC(2000, month, day));
  date.setUTCFullYear(year);
  return Math.round(date.getTime() / MS_PER_DAY);
}

function mod(value: number, by: number): number {
  return ((value % by) + by) % by;
}
