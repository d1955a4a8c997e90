/**
 * Where everything goes in the timeline chart: which events it can place, one row per article or per agency,
 * and the position of each mark for a given window of the axis. Pure: the webview draws the result with DOM
 * calls, the SVG export writes it as text, the unit tests read it.
 */
import type { TimelineEntry, WireRange } from '../../../server/src/protocol/newsRequests';
import { axisTicks, dayNumber, type AxisWindow, type DayNumber, type Tick, type TickUnit } from './timeAxis';

/** One dated mention the chart can place: a timeline entry with a calendar value. */
export interface ChartEvent {
  /** Its index in the list the chart was given: what a mark carries back on hover and click. */
  id: number;
  uri: string;
  range: WireRange;
  articleTitle: string;
  /** The date in words, and its TIMEX3 value. */
  label: string;
  value: string;
  /** The sentence around it. */
  context: string;
  /** First day and the day after the last one it covers. */
  from: DayNumber;
  to: DayNumber;
  agencies: string[];
  /** Who said the quote holding it, when a quote holds it or shares its paragraph. */
  quote: { speaker: string | null; preview: string } | null;
}

/** The entries the chart can draw (those with `from` and `to`), in the server's order. */
export function chartEvents(entries: readonly TimelineEntry[]): ChartEvent[] {
  const events: ChartEvent[] = [];
  for (const entry of entries) {
    const from = dayNumber(entry.from);
    const last = dayNumber(entry.to ?? entry.from);
    if (from === undefined || last === undefined) continue;
    events.push({
      id: events.length,
      uri: entry.uri,
      range: entry.range,
      articleTitle: entry.articleTitle,
      label: entry.label,
      value: entry.value,
      context: entry.context,
      from,
      to: Math.max(last, from) + 1,
      agencies: [...entry.agencies],
      quote: entry.quote ? { speaker: entry.quote.speaker, preview: entry.quote.preview } : null,
    });
  }
  return events;
}

export type RowGrouping = 'article' | 'agency';

export interface ChartRow {
  /** The article's title or the agency's name. */
  label: string;
  /** The ids of the events drawn in it. */
  events: number[];
}

/** Events with no agency in their paragraph, when rows are agencies. */
export const NO_AGENCY_ROW = '(no agency named)';

/**
 * One row per article (an event's article) or per agency (every agency named with the event: an event may be in
 * several rows). Rows come in the order of their earliest event, then by label, so the chart reads from the top
 * left down; with agencies, the row of events without one comes last.
 */
export function assignRows(events: readonly ChartEvent[], grouping: RowGrouping): ChartRow[] {
  const rows = new Map<string, { label: string; events: number[]; first: number }>();
  const add = (key: string, label: string, event: ChartEvent) => {
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { label, events: [], first: event.from }));
    row.events.push(event.id);
    row.first = Math.min(row.first, event.from);
  };
  for (const event of events) {
    if (grouping === 'article') add(event.uri, event.articleTitle || event.uri, event);
    else if (event.agencies.length === 0) add('\0none', NO_AGENCY_ROW, event);
    else for (const agency of new Set(event.agencies)) add(agency, agency, event);
  }
  return [...rows.entries()]
    .sort(([keyA, a], [keyB, b]) => Number(keyA === '\0none') - Number(keyB === '\0none') || a.first - b.first || a.label.localeCompare(b.label))
    .map(([, row]) => ({ label: row.label, events: row.events }));
}

/** Sizes in pixels. */
export const LAYOUT = {
  /** The row labels' column: at most this wide, and at most a quarter of the chart. */
  labelWidth: 200,
  labelShare: 0.25,
  /** A tick label needs about this much room before the right edge. */
  tickLabelRoom: 28,
  axisHeight: 30,
  rowHeight: 30,
  markRadius: 5,
  barHeight: 10,
  rightMargin: 16,
  bottomMargin: 8,
} as const;

export interface PlacedMark {
  eventId: number;
  row: number;
  /** Centre of a point, or left edge of a bar. */
  x: number;
  /** Vertical centre. */
  y: number;
  /** 0 for a point (a day, or a period too short to see at this zoom); the bar's width for a longer period. */
  width: number;
  quote: boolean;
}

export interface ChartScene {
  width: number;
  height: number;
  /** Where the plot starts (after the row labels) and ends. */
  plotLeft: number;
  plotRight: number;
  rows: Array<{ label: string; y: number }>;
  unit: TickUnit;
  ticks: Array<Tick & { x: number }>;
  marks: PlacedMark[];
}

/** Periods narrower than this are drawn as points, like single days. */
const MIN_BAR_PX = 2 * LAYOUT.markRadius;

/** Places the rows, the ticks and every mark that falls in the window, for a chart `width` pixels wide. */
export function layoutChart(events: readonly ChartEvent[], rows: readonly ChartRow[], window: AxisWindow, width: number): ChartScene {
  const plotLeft = labelColumnWidth(width);
  const plotRight = Math.max(width - LAYOUT.rightMargin, plotLeft + 1);
  const pxPerDay = (plotRight - plotLeft) / Math.max(window.end - window.start, 1e-9);
  const xOf = (day: number) => plotLeft + (day - window.start) * pxPerDay;
  const { unit, ticks } = axisTicks(window, plotRight - plotLeft);
  const byId = new Map(events.map((event) => [event.id, event]));
  const marks: PlacedMark[] = [];
  const placedRows = rows.map((row, index) => {
    const y = LAYOUT.axisHeight + index * LAYOUT.rowHeight + LAYOUT.rowHeight / 2;
    for (const id of row.events) {
      const event = byId.get(id);
      if (!event || event.to <= window.start || event.from >= window.end) continue;
      const left = xOf(event.from);
      const barWidth = (event.to - event.from) * pxPerDay;
      const quote = event.quote !== null;
      if (event.to - event.from <= 1 || barWidth < MIN_BAR_PX) marks.push({ eventId: id, row: index, x: left + barWidth / 2, y, width: 0, quote });
      else {
        // A period reaching past the window is cut at its edges.
        const x = Math.max(left, plotLeft);
        marks.push({ eventId: id, row: index, x, y, width: Math.min(left + barWidth, plotRight) - x, quote });
      }
    }
    return { label: row.label, y };
  });
  return {
    width,
    height: LAYOUT.axisHeight + rows.length * LAYOUT.rowHeight + LAYOUT.bottomMargin,
    plotLeft,
    plotRight,
    rows: placedRows,
    unit,
    ticks: ticks.map((tick) => ({ ...tick, x: xOf(tick.day) })).filter((tick) => tick.x <= plotRight - LAYOUT.tickLabelRoom),
    marks,
  };
}

/** The width of the row labels' column in a chart `width` pixels wide. */
export function labelColumnWidth(width: number): number {
  return Math.round(Math.min(LAYOUT.labelWidth, width * LAYOUT.labelShare));
}

/** The day at `x` pixels from the chart's left edge: the inverse of the layout's placement, for zooming at the pointer. */
export function dayAtX(scene: Pick<ChartScene, 'plotLeft' | 'plotRight'>, window: AxisWindow, x: number): number {
  return window.start + ((x - scene.plotLeft) / Math.max(scene.plotRight - scene.plotLeft, 1)) * (window.end - window.start);
}

/** The window that shows all events, or undefined when there are none. */
export function eventsExtent(events: readonly ChartEvent[]): { first: DayNumber; last: DayNumber } | undefined {
  if (events.length === 0) return undefined;
  let first = Infinity;
  let last = -Infinity;
  for (const event of events) {
    first = Math.min(first, event.from);
    last = Math.max(last, event.to - 1);
  }
  return { first, last };
}
