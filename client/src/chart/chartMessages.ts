/**
 * The messages between the timeline chart's webview and the extension. The webview shows article text, so what
 * it sends is checked field by field before the extension acts on it: a location must be in an article the chart
 * was given, with a range of plain non-negative integers. Pure: no vscode, no DOM.
 */
import type { WireRange } from '../../../server/src/protocol/newsRequests';
import type { ChartEvent, RowGrouping } from './chartLayout';
import type { AxisWindow } from './timeAxis';

/** Extension → webview. */
export type ToChartMessage = { type: 'events'; title: string; events: ChartEvent[] };

/** Webview → extension. */
export type FromChartMessage =
  | { type: 'ready' }
  | { type: 'open'; uri: string; range: WireRange }
  | { type: 'exportSvg'; grouping: RowGrouping; window: AxisWindow; width: number };

/** The widest SVG an export writes, in pixels: a bound on what a message can ask for. */
export const MAX_EXPORT_WIDTH = 20_000;

/** The message as sent, when it is well formed and names only articles in `knownUris`; otherwise undefined. */
export function parseChartMessage(raw: unknown, knownUris: ReadonlySet<string>): FromChartMessage | undefined {
  if (!isRecord(raw)) return undefined;
  switch (raw.type) {
    case 'ready':
      return { type: 'ready' };
    case 'open': {
      const range = parseRange(raw.range);
      if (typeof raw.uri !== 'string' || !knownUris.has(raw.uri) || !range) return undefined;
      return { type: 'open', uri: raw.uri, range };
    }
    case 'exportSvg': {
      if (raw.grouping !== 'article' && raw.grouping !== 'agency') return undefined;
      if (!isRecord(raw.window) || !isFiniteNumber(raw.window.start) || !isFiniteNumber(raw.window.end) || raw.window.end <= raw.window.start) return undefined;
      if (!isFiniteNumber(raw.width) || raw.width < 1 || raw.width > MAX_EXPORT_WIDTH) return undefined;
      return { type: 'exportSvg', grouping: raw.grouping, window: { start: raw.window.start, end: raw.window.end }, width: raw.width };
    }
    default:
      return undefined;
  }
}

function parseRange(raw: unknown): WireRange | undefined {
  if (!isRecord(raw)) return undefined;
  const start = parsePosition(raw.start);
  const end = parsePosition(raw.end);
  return start && end ? { start, end } : undefined;
}

function parsePosition(raw: unknown): { line: number; character: number } | undefined {
  if (!isRecord(raw) || !isIndex(raw.line) || !isIndex(raw.character)) return undefined;
  return { line: raw.line, character: raw.character };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isIndex(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
