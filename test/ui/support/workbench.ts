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

/**
 * Points the mouse at the rendered word `text` and returns the hover's text once it contains `expected`. The editor
 * asks for a hover once per arrival of the mouse, and a hover asked while the server is (re)starting comes back
 * empty for good: so the mouse leaves and comes back every few seconds until the answer is there.
 */
export async function hoverText(page: Page, text: string, expected: RegExp, timeout = 15_000): Promise<string> {
  await dismissHover(page);
  let pointedAt = 0;
  const pointAtWord = async (): Promise<void> => {
    const box = await waitFor(() => spanWithText(page, text).boundingBox(), { timeout: 5_000, what: `"${text}" on screen` });
    await page.mouse.move(1, 1);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
    pointedAt = Date.now();
  };
  await pointAtWord();
  return waitFor(
    async () => {
      const hover = page.locator('.monaco-hover:visible .hover-contents').first();
      const content = (await hover.count()) > 0 ? await hover.innerText() : '';
      if (expected.test(content)) return content;
      if (Date.now() - pointedAt > HOVER_RETRY_MS) await pointAtWord();
      return undefined;
    },
    { timeout, what: `a hover on "${text}" matching ${expected}` },
  );
}

/** Longer than the editor's hover delay and a hover's round trip on a busy machine. */
const HOVER_RETRY_MS = 3_000;

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

/** The text of the editor's rendered lines (inlay hints included, as the editor draws them), spaces as spaces. */
export async function renderedText(page: Page): Promise<string> {
  const lines = await page.$$eval('.view-line', (elements) => elements.map((line) => line.textContent ?? ''));
  return lines.map((line) => line.replace(/\u00a0/g, ' ')).join('\n');
}

/**
 * The inlay hints drawn right after the rendered run `text`, joined, or undefined when that run is not on screen.
 * VS Code draws a hint as extra runs in the line, styled by generated `dyn-rule-*` classes (a spacer run, then the label).
 */
export async function inlayHintAfter(page: Page, text: string): Promise<string | undefined> {
  const hints = await page.$$eval(
    '.view-line span span',
    (runs, wanted) => {
      const anchor = runs.find((run) => (run.textContent ?? '').replace(/\u00a0/g, ' ') === wanted);
      if (!anchor) return undefined;
      const labels: string[] = [];
      for (let next = anchor.nextElementSibling; next && /\bdyn-rule-/.test(next.className); next = next.nextElementSibling) {
        labels.push(next.textContent ?? '');
      }
      return labels.join('');
    },
    text,
  );
  return hints?.replace(/\u00a0/g, ' ').trim();
}

/** Opens `file` (an absolute path) through Quick Open and waits until its tab is the active one. */
export async function openFile(page: Page, file: string): Promise<void> {
  const name = file.slice(file.lastIndexOf('/') + 1);
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(file);
  await waitFor(async () => (await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: name }).count()) > 0, {
    timeout: 10_000,
    what: `Quick Open to list ${name}`,
  });
  await page.keyboard.press('Enter');
  await waitFor(async () => (await activeTabLabel(page))?.startsWith(name), { timeout: 10_000, what: `the tab of ${name} to be active` });
}

/** Brings the already open editor of the file named `name` to the front by clicking its tab. */
export async function activateTab(page: Page, name: string): Promise<void> {
  await page.locator('.tabs-container .tab').filter({ hasText: name }).first().click();
  await waitFor(async () => (await activeTabLabel(page))?.startsWith(name), { timeout: 10_000, what: `the tab of ${name} to be active` });
}

async function activeTabLabel(page: Page): Promise<string | undefined> {
  const tab = page.locator('.tabs-container .tab.active');
  return (await tab.count()) > 0 ? ((await tab.first().getAttribute('aria-label')) ?? undefined) : undefined;
}

export interface ProblemEntry {
  /** The row's accessible label: "Warning: May 8, 2024 is a Wednesday, not a Tuesday. at line 6 and character 138. …". */
  label: string;
  /** What the row shows: the message, the source, the code and "[Ln 6, Col 138]", one per line. */
  text: string;
}

/** Opens the Problems panel (Ctrl+Shift+M) and returns its problem rows once one of them contains `needle`. */
export async function problemEntry(page: Page, needle: string, timeout = 15_000): Promise<ProblemEntry> {
  if ((await page.locator('.markers-panel:visible').count()) === 0) await page.keyboard.press('Control+Shift+M');
  return waitFor(
    async () => {
      const rows = await problemRows(page);
      return rows.find((row) => row.text.includes(needle));
    },
    { timeout, what: `a problem containing "${needle}" in the Problems panel` },
  );
}

/** The rows the Problems panel renders: one per file, then one per problem. */
export function problemRows(page: Page): Promise<ProblemEntry[]> {
  return page.$$eval('.markers-panel .monaco-list-row', (rows) =>
    rows.map((row) => ({ label: row.getAttribute('aria-label') ?? '', text: (row as HTMLElement).innerText })),
  );
}

/** Clicks the problem row containing `needle` and presses Enter, which puts the editor's selection on the problem. */
export async function goToProblem(page: Page, needle: string): Promise<void> {
  await page.locator('.markers-panel .monaco-list-row').filter({ hasText: needle }).first().click();
  await page.keyboard.press('Enter');
  await waitFor(async () => page.evaluate(() => document.activeElement?.closest('.monaco-editor') !== null), {
    timeout: 5_000,
    what: 'the editor to take the focus',
  });
}

/**
 * Asks for the code actions at the cursor (Ctrl+.) and picks the one whose title matches `title`. Asked too early (the
 * editor has just taken the focus, the server is still analysing) VS Code answers "No code actions available" and shows
 * no menu; the request is then made again, until the deadline.
 */
export async function applyCodeAction(page: Page, title: RegExp, timeout = 15_000): Promise<void> {
  const menu = page.locator('.action-widget:visible');
  const action = page.locator('.action-widget .monaco-list-row.action').filter({ hasText: title }).first();
  await waitFor(
    async () => {
      if ((await action.count()) > 0) return true;
      const offered = await offeredActions(page);
      if ((await menu.count()) > 0) await page.keyboard.press('Escape'); // a menu without it: ask again
      await page.keyboard.press('Control+.');
      await menu.waitFor({ state: 'visible', timeout: 2_000 });
      if ((await action.count()) > 0) return true;
      throw new Error(`offered: ${offered}`);
    },
    { timeout, what: `a code action ${title}`, interval: 250 },
  );
  await action.click();
  await waitFor(async () => (await menu.count()) === 0, { timeout: 5_000, what: 'the code action menu to close' });
}

async function offeredActions(page: Page): Promise<string> {
  const titles = await page.$$eval('.action-widget .monaco-list-row.action', (rows) => rows.map((row) => (row as HTMLElement).innerText));
  return titles.length > 0 ? titles.join(' | ') : 'none';
}

/** Clicks the middle of the rendered run whose whole text is `text` (spaces in it match the editor's no-break spaces). */
export async function clickRun(page: Page, text: string): Promise<void> {
  const pattern = new RegExp(`^${escapeRegExp(text).replace(/ /g, '\\s')}$`);
  const run = page.locator('.view-line span span').filter({ hasText: pattern }).first();
  const box = await waitFor(() => run.boundingBox(), { timeout: 5_000, what: `"${text}" on screen` });
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** The texts of the notifications VS Code shows as toasts (an error toast stays until it is closed). */
export function notificationToasts(page: Page): Promise<string[]> {
  return page.$$eval('.notification-toast', (toasts) => toasts.map((toast) => (toast as HTMLElement).innerText));
}
