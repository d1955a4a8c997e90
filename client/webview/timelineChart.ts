/**
 * The timeline chart inside its webview: draws the events the extension sends as SVG, with rows per article or
 * per agency, zoom (buttons, wheel) and pan (drag, shift+wheel), a hover card and a click that opens the place.
 * Runs in the webview, under a strict Content-Security-Policy: every element is created with DOM calls and every
 * text set with textContent, so article text can never become markup.
 */
import { assignRows, dayAtX, eventsExtent, layoutChart, type ChartEvent, type ChartScene, type RowGrouping } from '../src/chart/chartLayout';
import { chartSvgTree, describeEvent, SVG_NAMESPACE, type SvgNode } from '../src/chart/chartSvg';
import type { FromChartMessage, ToChartMessage } from '../src/chart/chartMessages';
import { fitWindow, panWindow, windowAtLevel, zoomWindow, ZOOM_LEVELS, type AxisWindow, type ZoomLevel } from '../src/chart/timeAxis';

interface VsCodeApi {
  postMessage(message: FromChartMessage): void;
  getState(): SavedState | undefined;
  setState(state: SavedState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

interface SavedState {
  grouping: RowGrouping;
  window?: AxisWindow;
}

const vscode = acquireVsCodeApi();
const saved = vscode.getState();
let grouping: RowGrouping = saved?.grouping === 'agency' ? 'agency' : 'article';
let window_: AxisWindow | undefined = saved?.window;
let events: ChartEvent[] = [];
/** The scene drawn last: where the plot is, for turning the pointer's position into a day. */
let scene: ChartScene | undefined;

const chart = element('chart');
const tooltip = element('tooltip');
const empty = element('empty');
const title = element('title');

window.addEventListener('message', (message: MessageEvent<ToChartMessage>) => {
  const data = message.data;
  if (data?.type !== 'events' || !Array.isArray(data.events)) return;
  events = data.events;
  title.textContent = data.title;
  const extent = eventsExtent(events);
  // Keep the user's zoom across refreshes unless nothing would be in view.
  if (extent && (!window_ || extent.last + 1 < window_.start || extent.first > window_.end)) window_ = fitWindow(extent.first, extent.last);
  render();
});

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-grouping]')) {
  button.addEventListener('click', () => {
    grouping = button.dataset.grouping === 'agency' ? 'agency' : 'article';
    render();
  });
}
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-zoom]')) {
  button.addEventListener('click', () => {
    if (!window_) return;
    const zoom = button.dataset.zoom;
    if (zoom === 'in') window_ = zoomWindow(window_, 0.5);
    else if (zoom === 'out') window_ = zoomWindow(window_, 2);
    else if (zoom === 'fit') {
      const extent = eventsExtent(events);
      if (extent) window_ = fitWindow(extent.first, extent.last);
    } else if (zoom && zoom in ZOOM_LEVELS) window_ = windowAtLevel(window_, zoom as ZoomLevel);
    render();
  });
}
element('export').addEventListener('click', () => {
  if (window_) vscode.postMessage({ type: 'exportSvg', grouping, window: window_, width: chartWidth() });
});

chart.addEventListener(
  'wheel',
  (event) => {
    if (!window_) return;
    event.preventDefault();
    const horizontal = event.shiftKey || Math.abs(event.deltaX) > Math.abs(event.deltaY);
    if (horizontal) window_ = panWindow(window_, ((event.shiftKey ? event.deltaY : event.deltaX) / plotWidth()) * span(window_));
    // Zoom around the day under the pointer, as maps do.
    else window_ = zoomWindow(window_, Math.exp(event.deltaY * 0.002), dayAt(event.clientX));
    render();
  },
  { passive: false },
);

// Drag to pan.
let drag: { x: number; window: AxisWindow } | undefined;
chart.addEventListener('pointerdown', (event) => {
  if (!window_ || (event.target as Element).closest('[data-event]')) return;
  drag = { x: event.clientX, window: window_ };
  chart.setPointerCapture(event.pointerId);
});
chart.addEventListener('pointermove', (event) => {
  if (!drag) return;
  window_ = panWindow(drag.window, (-(event.clientX - drag.x) / plotWidth()) * span(drag.window));
  render();
});
chart.addEventListener('pointerup', () => (drag = undefined));

chart.addEventListener('mouseover', (event) => {
  const found = eventOf(event.target);
  if (found) showTooltip(found, event.clientX, event.clientY);
});
chart.addEventListener('mousemove', (event) => {
  if (!tooltip.hidden) placeTooltip(event.clientX, event.clientY);
});
chart.addEventListener('mouseout', (event) => {
  if (eventOf(event.target)) tooltip.hidden = true;
});
chart.addEventListener('focusin', (event) => {
  const found = eventOf(event.target);
  const box = (event.target as Element).getBoundingClientRect();
  if (found) showTooltip(found, box.right, box.bottom);
});
chart.addEventListener('focusout', () => (tooltip.hidden = true));
chart.addEventListener('click', (event) => open(eventOf(event.target)));
chart.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' || event.key === ' ') open(eventOf(event.target));
});

new ResizeObserver(() => render()).observe(chart);
vscode.postMessage({ type: 'ready' });

function render(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-grouping]')) {
    button.setAttribute('aria-pressed', String(button.dataset.grouping === grouping));
  }
  vscode.setState({ grouping, window: window_ });
  empty.hidden = events.length > 0;
  if (events.length === 0 || !window_) {
    empty.textContent = 'No dated mentions with a calendar day to draw.';
    chart.replaceChildren();
    return;
  }
  const rows = assignRows(events, grouping);
  scene = layoutChart(events, rows, window_, chartWidth());
  chart.replaceChildren(toDom(chartSvgTree(scene, events), false));
}

/** The tree as DOM nodes. Marks lose their <title>: the hover card says the same, without a second tooltip. */
function toDom(node: SvgNode, inMark: boolean): Element {
  const created = document.createElementNS(SVG_NAMESPACE, node.tag);
  for (const [name, value] of Object.entries(node.attrs)) {
    if (name !== 'xmlns') created.setAttribute(name, String(value));
  }
  if (node.text !== undefined) created.textContent = node.text;
  const isMark = 'data-event' in node.attrs;
  for (const child of node.children ?? []) {
    if (child.tag === 'title' && (isMark || inMark)) continue;
    created.appendChild(toDom(child, isMark));
  }
  return created;
}

function eventOf(target: EventTarget | null): ChartEvent | undefined {
  const mark = target instanceof Element ? target.closest('[data-event]') : null;
  const id = mark ? Number(mark.getAttribute('data-event')) : NaN;
  return Number.isInteger(id) ? events[id] : undefined;
}

function open(event: ChartEvent | undefined): void {
  if (event) vscode.postMessage({ type: 'open', uri: event.uri, range: event.range });
}

function showTooltip(event: ChartEvent, x: number, y: number): void {
  tooltip.textContent = describeEvent(event);
  tooltip.hidden = false;
  placeTooltip(x, y);
}

function placeTooltip(x: number, y: number): void {
  const width = tooltip.offsetWidth;
  const height = tooltip.offsetHeight;
  tooltip.style.left = `${Math.max(4, Math.min(x + 12, document.documentElement.clientWidth - width - 4))}px`;
  tooltip.style.top = `${Math.max(4, Math.min(y + 12, document.documentElement.clientHeight - height - 4))}px`;
}

function plotWidth(): number {
  return scene ? Math.max(scene.plotRight - scene.plotLeft, 1) : chartWidth();
}

/** The chart is as wide as its pane, and never too narrow for a few ticks. */
function chartWidth(): number {
  return Math.max(chart.clientWidth, 400);
}

function span(window: AxisWindow): number {
  return window.end - window.start;
}

/** The day under the pointer, for zooming around it. */
function dayAt(clientX: number): number | undefined {
  if (!window_ || !scene) return undefined;
  return dayAtX(scene, window_, clientX - chart.getBoundingClientRect().left);
}

function element(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} is missing from the chart's page`);
  return found;
}
