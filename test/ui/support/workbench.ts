/**
 * Reading and driving the VS Code workbench through its DOM. Every wait polls a condition with a deadline.
 */
import type { Locator, Page } from 'playwright-core';
import { waitFor } from '../../../scripts/waitFor';

export interface RenderedSpan {
  text: string;
  /** Computed CSS colour, e.g. `rgb(255, 0, 0)`. */
  color: string;
}

/**
 * The text runs the editor has rendered (visible lines only), with the colour each is drawn in. The editor renders
 * spaces as no-break spaces and cuts long runs into pieces of about 50 characters, so match on a run's start.
 */
export async function renderedSpans(page: Page): Promise<RenderedSpan[]> {
  const spans = await page.$$eval('.view-line span span', (elements) =>
    elements.map((element) => ({ text: element.textContent ?? '', color: getComputedStyle(element).color })),
  );
  return spans.map((span) => ({ ...span, text: span.text.replace(/\u00a0/g, ' ') }));
}

/** The runs of the first rendered line whose text contains `needle`, or undefined when no such line is on screen. */
export async function renderedLine(page: Page, needle: string): Promise<RenderedSpan[] | undefined> {
  const lines = await page.$$eval('.view-line', (elements) =>
    elements.map((line) =>
      Array.from(line.querySelectorAll('span span')).map((span) => ({ text: span.textContent ?? '', color: getComputedStyle(span).color })),
    ),
  );
  const normalised = lines.map((spans) => spans.map((span) => ({ ...span, text: span.text.replace(/\u00a0/g, ' ') })));
  return normalised.find((spans) => spans.map((span) => span.text).join('').includes(needle));
}

/** `#ff0000` → `rgb(255, 0, 0)`, the form `getComputedStyle` reports. */
export function cssRgb(hex: string): string {
  const value = Number.parseInt(hex.replace('#', ''), 16);
  return `rgb(${(value >> 16) & 255}, ${(value >> 8) & 255}, ${value & 255})`;
}

/** Waits until a rendered run whose text matches `text` is drawn in `color`, and returns the matching runs' texts. */
export async function waitForSpanColour(page: Page, text: RegExp, color: string, what: string, timeout = 20_000): Promise<string[]> {
  return waitFor(
    async () => {
      const spans = await renderedSpans(page);
      const inThatColour = spans.filter((span) => span.color === color).map((span) => span.text);
      const matches = spans.filter((span) => text.test(span.text) && span.color === color);
      if (matches.length > 0) return matches.map((span) => span.text);
      throw new Error(`runs drawn in ${color}: ${JSON.stringify(inThatColour)}`);
    },
    { timeout, what },
  );
}

/** The first rendered run whose whole text is `text`. */
function spanWithText(page: Page, text: string): Locator {
  return page.locator('.view-line span span').filter({ hasText: new RegExp(`^${escapeRegExp(text)}$`) }).first();
}

/** Points the mouse at the rendered word `text` and returns the hover's text once it contains `expected`. */
export async function hoverText(page: Page, text: string, expected: RegExp, timeout = 15_000): Promise<string> {
  await dismissHover(page);
  const box = await waitFor(() => spanWithText(page, text).boundingBox(), { timeout: 5_000, what: `"${text}" on screen` });
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
  return waitFor(
    async () => {
      const hover = page.locator('.monaco-hover:visible .hover-contents').first();
      const content = (await hover.count()) > 0 ? await hover.innerText() : '';
      return expected.test(content) ? content : undefined;
    },
    { timeout, what: `a hover on "${text}" matching ${expected}` },
  );
}

async function dismissHover(page: Page): Promise<void> {
  await page.mouse.move(1, 1);
  await page.keyboard.press('Escape');
  await waitFor(async () => (await page.locator('.monaco-hover:visible').count()) === 0, { timeout: 5_000, what: 'the hover to close' });
}

/** Status bar entry by its workbench id (e.g. `status.editor.selection`). */
function statusBarItem(page: Page, id: string): Locator {
  return page.locator(`[id="${id}"]`);
}

/** The cursor position the status bar shows ("Ln 12, Col 3"). */
export async function cursorPosition(page: Page): Promise<{ line: number; column: number }> {
  const text = (await statusBarItem(page, 'status.editor.selection').innerText()).trim();
  const match = /Ln (\d+), Col (\d+)/.exec(text);
  if (!match) throw new Error(`unexpected cursor position text "${text}"`);
  return { line: Number(match[1]), column: Number(match[2]) };
}

export interface AnnotationCounts {
  agencies: number;
  dates: number;
  quotes: number;
}

/** The counts in the extension's language status item ("4 agencies · 9 dates · 5 quotes"), undefined until it reports. */
export async function languageStatusCounts(page: Page): Promise<AnnotationCounts | undefined> {
  const item = statusBarItem(page, 'status.languageStatus');
  if ((await item.count()) === 0) return undefined;
  const label = (await item.getAttribute('aria-label')) ?? '';
  const match = /(\d+) agenc(?:y|ies) · (\d+) dates? · (\d+) quotes?/.exec(label);
  return match ? { agencies: Number(match[1]), dates: Number(match[2]), quotes: Number(match[3]) } : undefined;
}

/** Opens a collapsible side-bar section (e.g. "Outline") or closes one, by its header. */
export async function setSectionExpanded(header: Locator, expanded: boolean): Promise<void> {
  if (((await header.getAttribute('aria-expanded')) === 'true') !== expanded) await header.click();
  await waitFor(async () => (await header.getAttribute('aria-expanded')) === String(expanded), {
    timeout: 5_000,
    what: `section ${expanded ? 'open' : 'closed'}`,
  });
}

/** Drags the sash on the side bar's right edge so the side bar is `width` pixels wide (outline labels are long). */
export async function resizeSideBar(page: Page, width: number): Promise<void> {
  const sideBar = page.locator('#workbench\\.parts\\.sidebar');
  const before = await waitFor(() => sideBar.boundingBox(), { timeout: 5_000, what: 'the side bar' });
  const edge = before.x + before.width;
  const middle = before.y + before.height / 2;
  await page.mouse.move(edge, middle);
  await page.mouse.down();
  await page.mouse.move(before.x + width, middle, { steps: 5 });
  await page.mouse.up();
  await waitFor(async () => Math.abs(((await sideBar.boundingBox())?.width ?? 0) - width) < 20, {
    timeout: 5_000,
    what: `the side bar ${width} px wide`,
  });
}

export interface OutlineRow {
  label: string;
  level: number;
  expanded: boolean | undefined;
}

/** The rows the Outline view currently renders (it is virtualised: rows scrolled out of view are absent). */
export function outlineRows(page: Page): Promise<OutlineRow[]> {
  return page.$$eval('.outline-pane .monaco-list-row', (rows) =>
    rows.map((row) => ({
      label: row.getAttribute('aria-label') ?? '',
      level: Number(row.getAttribute('aria-level')),
      expanded: row.hasAttribute('aria-expanded') ? row.getAttribute('aria-expanded') === 'true' : undefined,
    })),
  );
}

/** The outline row whose accessible label matches `label`. */
export function outlineRow(page: Page, label: RegExp): Locator {
  return page.locator('.outline-pane .monaco-list-row').filter({ hasText: label }).first();
}

/** Expands the top-level outline group `name` and returns its children's labels once it has at least `minChildren`. */
export async function expandOutlineGroup(page: Page, name: string, minChildren = 1, timeout = 15_000): Promise<string[]> {
  const row = page.locator(`.outline-pane .monaco-list-row[aria-level="1"][aria-label^="${name} ("]`);
  await waitFor(async () => (await row.count()) > 0, { timeout, what: `outline group "${name}"` });
  if ((await row.getAttribute('aria-expanded')) !== 'true') await row.locator('.monaco-tl-twistie').click();
  return waitFor(
    async () => {
      const children = childrenOf(await outlineRows(page), name);
      return children.length >= minChildren ? children : undefined;
    },
    { timeout, what: `${minChildren}+ children under outline group "${name}"` },
  );
}

/** Labels of the level-2 rows that follow the level-1 row `name`. */
export function childrenOf(rows: OutlineRow[], name: string): string[] {
  const start = rows.findIndex((row) => row.level === 1 && row.label.startsWith(`${name} (`));
  if (start < 0) return [];
  const children: string[] = [];
  for (const row of rows.slice(start + 1)) {
    if (row.level <= 1) break;
    if (row.level === 2) children.push(row.label);
  }
  return children;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
