/**
 * The workspace features in a real VS Code (code-server + headless Chromium), on a folder of two articles written
 * for the test that share a speaker (Tomas Kjeldsen) and an agency (ESA): the News view's Timeline in date order
 * across both, Who Said What and a click to the second article's quote, Ctrl+T finding a quote in an article never
 * opened, the timeline chart's webview (screenshot), and the CSV export read back.
 * Run with `npm run test:ui` (which packages the VSIX first); setup is cached under `.vscode-test/`.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import {
  ensureCodeServer,
  ensureExtensionInstalled,
  launchCodeServer,
  quietSettings,
  sandboxPaths,
  writeUserSettings,
  type RunningCodeServer,
} from '../../scripts/codeServer';
import { waitFor } from '../../scripts/waitFor';
import { launchChromium, type RunningChromium } from './support/chromium';
import { parseCsv } from './support/csv';
import {
  answerFileDialog,
  expandView,
  openNewsContainer,
  pickQuickItem,
  runCommand,
  treeRow,
  treeRows,
  viewMessage,
  viewPane,
  webviewContent,
} from './support/newsView';
import { cursorPosition, notificationToasts, resizeSideBar } from './support/workbench';

/** Published Monday 10 March 2025: a delay, with dates in February, March and June 2025. */
const FIRST = 'kestrel-launch-delayed.news';
/** Published Tuesday 22 April 2025: the new date, 3 September 2025. Never opened before the Ctrl+T test. */
const SECOND = 'kestrel-new-launch-date.news';
const SPEAKER = 'Tomas Kjeldsen';

const paths = sandboxPaths();
const runDir = path.join(paths.cache, 'ui-test-news');
const workspace = path.join(runDir, 'workspace');
const fixtures = path.join(paths.root, 'test', 'fixtures', 'kestrel');
const resultsDir = path.join(paths.root, 'test-results', 'ui');
const exportedCsv = path.join(runDir, 'exports', 'kestrel-quotes.csv');

describe('News view, timeline chart and export in VS Code (code-server + Chromium)', function () {
  let codeServer: RunningCodeServer | undefined;
  let chromium: RunningChromium | undefined;
  let page: Page;

  before(async function () {
    this.timeout(15 * 60_000); // the first run installs code-server (~3 min); a warm start takes ~20 s
    process.once('SIGINT', exitOnSignal);
    process.once('SIGTERM', exitOnSignal);
    ensureCodeServer(paths);
    ensureExtensionInstalled(paths);

    fs.rmSync(runDir, { recursive: true, force: true });
    fs.mkdirSync(workspace, { recursive: true });
    fs.mkdirSync(path.dirname(exportedCsv), { recursive: true });
    fs.mkdirSync(resultsDir, { recursive: true });
    for (const file of [FIRST, SECOND]) fs.copyFileSync(path.join(fixtures, file), path.join(workspace, file));
    const userData = path.join(runDir, 'user-data');
    writeUserSettings(userData, {
      ...quietSettings,
      'editor.minimap.enabled': false,
      'files.autoSave': 'off',
      'workbench.editor.enablePreview': false,
    });

    codeServer = await launchCodeServer(paths, { userDataDir: userData, logFile: path.join(resultsDir, 'code-server-news.log') });
    chromium = await launchChromium(path.join(runDir, 'chromium-profile'), path.join(resultsDir, 'chromium-news.log'));
    page = await chromium.browser.contexts()[0].newPage();
    await page.setViewportSize({ width: 1400, height: 900 });
    page.setDefaultTimeout(15_000);
    await page.goto(codeServer.urlFor(workspace, path.join(workspace, FIRST)));
    await waitFor(async () => (await page.locator('.view-line').count()) > 0, { timeout: 60_000, what: 'the editor to show the first article' });
  });

  after(async function () {
    this.timeout(30_000);
    await chromium?.stop();
    await codeServer?.stop();
    process.removeListener('SIGINT', exitOnSignal);
    process.removeListener('SIGTERM', exitOnSignal);
  });

  afterEach(async function () {
    const name = (this.currentTest?.title ?? 'step').replace(/[^a-z0-9]+/gi, '-').toLowerCase().slice(0, 80);
    if (page) await page.screenshot({ path: path.join(resultsDir, `news-${name}.png`) }).catch(() => undefined);
  });

  it('shows the Timeline of the workspace in date order across two articles', async function () {
    this.timeout(90_000);
    await openNewsContainer(page);
    await resizeSideBar(page, 520);
    await expandView(page, 'Timeline');
    // Dates of both articles, each a day or a month: chronological, a month before its days.
    const expected = [/14 February 2025/, /10 March 2025/, /22 April 2025/, /(?<!\d )June 2025/, /(?<!\d )September 2025/, /3 September 2025/];
    const rows = await waitFor(
      async () => {
        const current = await treeRows(page, 'Timeline');
        return expected.every((pattern) => current.some((row) => pattern.test(row.text))) ? current : undefined;
      },
      { timeout: 60_000, what: 'the Timeline to list the dates of both articles' },
    );
    const positions = expected.map((pattern) => rows.findIndex((row) => pattern.test(row.text)));
    assert.deepEqual([...positions].sort((a, b) => a - b), positions, rows.map((row) => row.text).join('\n'));
    // The description names the article: the first two dates are the first article's, the third the second's.
    assert.match(rows[positions[0]].text, /will not fly before June/);
    assert.match(rows[positions[2]].text, /gets a new launch date/);
    assert.match(rows[positions[3]].text, /will not fly before June/);
    // Once the index is built the view says nothing more ("Indexing 1 / 2 articles…" before).
    await waitFor(async () => (await viewMessage(page, 'Timeline')) === '', { timeout: 30_000, what: 'the Timeline without a message' });
  });

  it('toggles the Timeline to this article and back to the workspace from its title bar', async function () {
    this.timeout(45_000);
    const pane = viewPane(page, 'Timeline');
    await pane.hover(); // title bar actions show on hover
    await pane.locator('.actions [aria-label="Timeline: Show This Article Only"]').click();
    const own = await waitFor(
      async () => {
        const rows = await treeRows(page, 'Timeline');
        return rows.length > 0 && rows.every((row) => /will not fly before June/.test(row.text)) ? rows : undefined;
      },
      { timeout: 15_000, what: `only the dates of ${FIRST} in the Timeline` },
    );
    assert.ok(own.some((row) => /14 February 2025/.test(row.text)), own.map((row) => row.text).join('\n'));
    await pane.hover();
    await pane.locator('.actions [aria-label="Timeline: Show the Whole Workspace"]').click();
    await waitFor(async () => (await treeRows(page, 'Timeline')).some((row) => /gets a new launch date/.test(row.text)), {
      timeout: 15_000,
      what: 'the dates of both articles again',
    });
  });

  it('finds a quote of an article that was never opened with Ctrl+T', async function () {
    this.timeout(45_000);
    assert.equal(await page.locator('.tabs-container .tab').filter({ hasText: SECOND }).count(), 0, `${SECOND} is not open`);
    await page.locator('.view-lines').first().click();
    await page.keyboard.press('Control+T');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible' });
    await waitFor(async () => (await input.inputValue()).startsWith('#'), { timeout: 5_000, what: 'Go to Symbol in Workspace (#)' });
    await input.fill('#every test');
    const result = page.locator('.quick-input-list .monaco-list-row').filter({ hasText: /Every test of the new valve/ }).first();
    await waitFor(async () => (await result.count()) > 0, { timeout: 20_000, what: 'the quote of the unopened article among the symbols' });
    const text = await result.innerText();
    assert.match(text, new RegExp(SPEAKER));
    assert.match(text, new RegExp(SECOND.replace('.', '\\.')));
    await page.keyboard.press('Escape');
  });

  it('lists who said what across both articles, and a click opens the second article at the quote', async function () {
    this.timeout(60_000);
    await expandView(page, 'Who Said What');
    const speaker = await waitFor(
      async () => (await treeRows(page, 'Who Said What')).find((row) => row.text.startsWith(SPEAKER)),
      { timeout: 30_000, what: `${SPEAKER} in Who Said What` },
    );
    assert.match(speaker.text, /2 quotes · 2 articles/);
    if (speaker.expanded !== true) await treeRow(page, 'Who Said What', new RegExp(`^${SPEAKER}`)).click();
    const quotes = await waitFor(
      async () => {
        const rows = await treeRows(page, 'Who Said What');
        const start = rows.findIndex((row) => row.text.startsWith(SPEAKER));
        const children = rows.slice(start + 1).filter((row) => row.level === 2);
        return children.length >= 2 ? children : undefined;
      },
      { timeout: 10_000, what: `the quotes under ${SPEAKER}` },
    );
    assert.ok(quotes.some((row) => /We found a fault/.test(row.text) && /will not fly before June/.test(row.text)), quotes.map((q) => q.text).join('\n'));
    assert.ok(quotes.some((row) => /Every test of the new valve/.test(row.text) && /gets a new launch date/.test(row.text)), quotes.map((q) => q.text).join('\n'));

    await treeRow(page, 'Who Said What', /Every test of the new valve/).click();
    await waitFor(async () => (await page.locator('.tabs-container .tab.active').getAttribute('aria-label'))?.startsWith(SECOND), {
      timeout: 10_000,
      what: `the tab of ${SECOND} to be active`,
    });
    const quoteLine = lineOf(fs.readFileSync(path.join(workspace, SECOND), 'utf8'), '"Every test of the new valve') + 1;
    await waitFor(async () => (await cursorPosition(page)).line === quoteLine, { timeout: 10_000, what: `the cursor on line ${quoteLine}` });
  });

  it('draws the timeline chart in a webview: a mark per date, quotes marked, rows per article or agency', async function () {
    this.timeout(60_000);
    await runCommand(page, 'News Annotator: Show Timeline Chart');
    const chart = webviewContent(page);
    const marks = chart.locator('svg .mark');
    await waitFor(async () => (await marks.count()) >= 5, { timeout: 30_000, what: 'the chart to draw the dates of both articles' });
    const rowLabels = await chart.locator('svg .row-label').allTextContents();
    assert.equal(rowLabels.length, 2, rowLabels.join(' | '));
    assert.ok((await chart.locator('svg .mark.quote').count()) >= 1, 'dates tied to a quote are marked');
    assert.ok((await chart.locator('svg .tick text').count()) >= 2, 'the axis has ticks');

    // A hover shows the sentence and the date.
    await chart.locator('svg .mark').first().hover();
    const tooltip = chart.locator('#tooltip');
    await waitFor(async () => (await tooltip.isVisible()) && /2025/.test(await tooltip.innerText()), { timeout: 5_000, what: 'the hover card' });

    await chart.locator('button[data-grouping="agency"]').click();
    await waitFor(async () => (await chart.locator('svg .row-label').allTextContents()).some((label) => label.includes('European Space Agency')), {
      timeout: 5_000,
      what: 'a row for ESA',
    });
    await chart.locator('button[data-grouping="article"]').click();
    await waitFor(async () => (await chart.locator('svg .row-label').count()) === 2, { timeout: 5_000, what: 'rows per article again' });
    // The picture for the README: the News view beside the chart, given the whole editor area (the chart's group is
    // the active one after the clicks in it).
    await runCommand(page, 'View: Close Editors in Other Groups');
    await waitFor(async () => (await page.locator('.tabs-container .tab').filter({ hasText: SECOND }).count()) === 0, { timeout: 5_000, what: 'the chart alone in the editor area' });
    await waitFor(async () => (await marks.count()) >= 5, { timeout: 5_000, what: 'the chart drawn again at its new width' });
    // The closed articles are read again from disk: let the index settle before the picture.
    await waitFor(async () => (await viewMessage(page, 'Timeline')) === '' && (await viewMessage(page, 'Who Said What')) === '', {
      timeout: 15_000,
      what: 'the News view without a message',
    });
    // The README's docs/timeline-chart.png is this picture, copied by hand: a test never changes the work tree.
    await page.screenshot({ path: path.join(resultsDir, 'timeline-chart.png') });

    // A click on a mark opens its place: the first entry is 14 February 2025, in the first article.
    await chart.locator('svg .mark[data-event="0"]').click();
    await waitFor(async () => (await page.locator('.tabs-container .tab.active').getAttribute('aria-label'))?.startsWith(FIRST), {
      timeout: 10_000,
      what: `the tab of ${FIRST} to be active`,
    });
    const dateLine = lineOf(fs.readFileSync(path.join(workspace, FIRST), 'utf8'), 'February 14, 2025') + 1;
    await waitFor(async () => (await cursorPosition(page)).line === dateLine, { timeout: 10_000, what: `the cursor on line ${dateLine}` });
  });

  it('exports the quotes of the workspace as a CSV that reads back to the same quotes', async function () {
    this.timeout(60_000);
    await runCommand(page, 'News Annotator: Export Annotations…');
    await pickQuickItem(page, 'Workspace');
    await pickQuickItem(page, 'CSV of quotes');
    await answerFileDialog(page, exportedCsv, /Save As/);
    const bytes = await waitFor(
      async () => {
        if (fs.existsSync(exportedCsv)) return fs.readFileSync(exportedCsv);
        throw new Error(`notifications: ${(await notificationToasts(page)).join(' | ') || 'none'}`);
      },
      { timeout: 30_000, what: `${exportedCsv} on disk` },
    );
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with a BOM, for Excel');
    const [header, ...rows] = parseCsv(bytes.subarray(3).toString('utf8')).filter((row) => row.some((field) => field !== ''));
    const quoteColumn = header.findIndex((name) => /^quote$/i.test(name.trim()));
    const speakerColumn = header.findIndex((name) => /resolved|entity/i.test(name));
    assert.ok(quoteColumn >= 0 && speakerColumn >= 0, header.join(','));
    const exported = rows.map((row) => ({ quote: unquoted(row[quoteColumn]), speaker: row[speakerColumn] })).sort((a, b) => a.quote.localeCompare(b.quote));
    const written = [FIRST, SECOND]
      .flatMap((file) => [...fs.readFileSync(path.join(workspace, file), 'utf8').matchAll(/"([^"]+)"/g)].map((match) => ({ quote: unquoted(match[1]), speaker: SPEAKER })))
      .sort((a, b) => a.quote.localeCompare(b.quote));
    assert.deepEqual(exported, written);
  });
});

function unquoted(text: string): string {
  return text.trim().replace(/^["“]|["”]$/g, '').replace(/,$/, '').trim();
}

function exitOnSignal(): void {
  process.exit(130);
}

/** 0-based line of the first occurrence of `needle`. */
function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  assert.ok(index >= 0, `${needle} is not in the article`);
  return text.slice(0, index).split('\n').length - 1;
}
