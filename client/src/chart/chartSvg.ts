/**
 * The timeline chart as SVG: a tree of elements built from a laid-out scene. The webview turns the tree into DOM
 * nodes (createElementNS, setAttribute, textContent: article text is never parsed as markup), and the export
 * writes it as a standalone file with every text and attribute escaped. Pure: no vscode, no DOM.
 */
import type { ChartEvent, ChartScene } from './chartLayout';
import { LAYOUT } from './chartLayout';

export const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

export interface SvgNode {
  tag: string;
  attrs: Record<string, string | number>;
  /** Text content, set as text (never as markup). */
  text?: string;
  children?: SvgNode[];
}

/** About how wide a character of a row label is, to cut labels to their column; the whole label is in the row's <title>. */
const LABEL_CHAR_PX = 7;

/**
 * The chart's elements. Classes carry the colours (the webview's stylesheet maps them to the theme's
 * `--vscode-*` variables; the export embeds fixed colours). Marks carry `data-event`, their event's id.
 */
export function chartSvgTree(scene: ChartScene, events: readonly ChartEvent[]): SvgNode {
  const byId = new Map(events.map((event) => [event.id, event]));
  const grid: SvgNode[] = scene.ticks.map((tick): SvgNode => ({
    tag: 'g',
    attrs: { class: tick.major ? 'tick major' : 'tick' },
    children: [
      { tag: 'line', attrs: { x1: px(tick.x), x2: px(tick.x), y1: LAYOUT.axisHeight - 6, y2: scene.height - LAYOUT.bottomMargin } },
      { tag: 'text', attrs: { x: px(tick.x + 3), y: LAYOUT.axisHeight - 10 }, text: tick.label },
    ],
  }));
  const rows: SvgNode[] = scene.rows.map((row, index): SvgNode => ({
    tag: 'g',
    attrs: { class: index % 2 === 0 ? 'row even' : 'row odd' },
    children: [
      { tag: 'rect', attrs: { class: 'band', x: 0, y: px(row.y - LAYOUT.rowHeight / 2), width: px(scene.width), height: LAYOUT.rowHeight } },
      { tag: 'text', attrs: { class: 'row-label', x: 8, y: px(row.y + 4) }, text: clipLabel(row.label, Math.floor((scene.plotLeft - 12) / LABEL_CHAR_PX)), children: [{ tag: 'title', attrs: {}, text: row.label }] },
    ],
  }));
  const marks: SvgNode[] = scene.marks.map((mark): SvgNode => {
    const event = byId.get(mark.eventId);
    const common = { class: mark.quote ? 'mark quote' : 'mark date', 'data-event': mark.eventId, tabindex: 0, role: 'button' };
    const title: SvgNode = { tag: 'title', attrs: {}, text: event ? describeEvent(event) : '' };
    if (mark.width > 0) {
      const y = mark.y - LAYOUT.barHeight / 2;
      return { tag: 'rect', attrs: { ...common, x: px(mark.x), y: px(y), width: px(mark.width), height: LAYOUT.barHeight, rx: 3 }, children: [title] };
    }
    if (mark.quote) {
      // Quotes are diamonds, dates are dots: told apart without colour too.
      const r = LAYOUT.markRadius + 1;
      const points = [`${px(mark.x)},${px(mark.y - r)}`, `${px(mark.x + r)},${px(mark.y)}`, `${px(mark.x)},${px(mark.y + r)}`, `${px(mark.x - r)},${px(mark.y)}`].join(' ');
      return { tag: 'polygon', attrs: { ...common, points }, children: [title] };
    }
    return { tag: 'circle', attrs: { ...common, cx: px(mark.x), cy: px(mark.y), r: LAYOUT.markRadius }, children: [title] };
  });
  return {
    tag: 'svg',
    attrs: { xmlns: SVG_NAMESPACE, width: px(scene.width), height: px(scene.height), viewBox: `0 0 ${px(scene.width)} ${px(scene.height)}`, class: 'timeline-chart' },
    children: [
      { tag: 'g', attrs: { class: 'rows' }, children: rows },
      { tag: 'line', attrs: { class: 'label-edge', x1: scene.plotLeft, x2: scene.plotLeft, y1: LAYOUT.axisHeight - 6, y2: scene.height - LAYOUT.bottomMargin } },
      { tag: 'g', attrs: { class: 'axis' }, children: grid },
      { tag: 'g', attrs: { class: 'marks' }, children: marks },
    ],
  };
}

/** What a mark's hover says: the date, the sentence, the article (and who is quoted). */
export function describeEvent(event: ChartEvent): string {
  const speaker = event.quote ? `\nQuote${event.quote.speaker ? ` by ${event.quote.speaker}` : ''}: ${event.quote.preview}` : '';
  return `${event.label} (${event.value})\n${event.context}${speaker}\n— ${event.articleTitle}`;
}

/** Colours of the exported file, which has no theme to follow. */
export const EXPORT_STYLE = [
  'svg.timeline-chart { font-family: system-ui, sans-serif; font-size: 12px; background: #ffffff; }',
  '.band { fill: transparent; } .row.odd .band { fill: #f3f3f3; }',
  '.row-label { fill: #333333; }',
  '.tick line { stroke: #e0e0e0; } .tick.major line { stroke: #b0b0b0; } .tick text { fill: #666666; font-size: 11px; }',
  '.label-edge { stroke: #b0b0b0; }',
  '.mark.date { fill: #1a73e8; } .mark.quote { fill: #d93025; }',
].join('\n');

/** The chart as a standalone SVG file. */
export function svgDocument(tree: SvgNode, style = EXPORT_STYLE): string {
  const withStyle: SvgNode = { ...tree, children: [{ tag: 'style', attrs: {}, text: style }, ...(tree.children ?? [])] };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serialise(withStyle)}\n`;
}

function serialise(node: SvgNode): string {
  if (!/^[a-zA-Z][\w-]*$/.test(node.tag)) throw new Error(`not an element name: ${node.tag}`);
  const attrs = Object.entries(node.attrs)
    .map(([name, value]) => {
      if (!/^[a-zA-Z_:][\w:.-]*$/.test(name)) throw new Error(`not an attribute name: ${name}`);
      return ` ${name}="${escapeXml(String(value))}"`;
    })
    .join('');
  const inner = `${node.text !== undefined ? escapeXml(node.text) : ''}${(node.children ?? []).map(serialise).join('')}`;
  return inner ? `<${node.tag}${attrs}>${inner}</${node.tag}>` : `<${node.tag}${attrs}/>`;
}

/** Text and attribute values as XML: markup characters escaped, and characters XML cannot hold dropped. */
export function escapeXml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** At most `length` characters, never cutting a surrogate pair. */
function clipLabel(label: string, length: number): string {
  if (label.length <= length) return label;
  let cut = Math.max(length - 1, 1);
  const code = label.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return `${label.slice(0, cut)}…`;
}

function px(value: number): number {
  return Math.round(value * 10) / 10;
}
