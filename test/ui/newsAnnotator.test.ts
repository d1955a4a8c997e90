/**
 * The packaged extension in a real VS Code (code-server 4.139.1 = VS Code 1.139, driven in headless Chromium):
 * highlights, hovers, inlay hints, the outline and live updates while typing, the checks in the Problems panel, the
 * weekday quick fix and the "Not an agency" correction with its Undo, read from the rendered workbench.
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
import {
  activateTab,
  applyCodeAction,
  childrenOf,
  clickRun,
  cssRgb,
  cursorPosition,
  expandOutlineGroup,
  goToProblem,
  hoverText,
  inlayHintAfter,
  languageStatusCounts,
  notificationToasts,
  openFile,
  outlineRow,
  problemEntry,
  problemRows,
  outlineRows,
  renderedLine,
  renderedSpans,
  renderedText,
  resizeSideBar,
  setSectionExpanded,
  waitForSpanColour,
  type AnnotationCounts,
} from './support/workbench';

/** Colours the test gives each semantic token type, so a rendered span's colour says which token it is. */
const TOKEN_COLOURS = { agency: '#ff0000', date: '#00aa00', quote: '#0000ff', speaker: '#aa00aa' } as const;
const RED = cssRgb(TOKEN_COLOURS.agency);
const GREEN = cssRgb(TOKEN_COLOURS.date);
const BLUE = cssRgb(TOKEN_COLOURS.quote);
const PURPLE = cssRgb(TOKEN_COLOURS.speaker);

/** One of the project's own sample articles (published Thursday 14 November 2024, front matter `date:`). */
const SAMPLE = 'lunar-gateway-delay.news';

/**
 * An article written for the fix tests (published Friday 10 May 2024): "Tuesday, May 8, 2024" is a Wednesday, and
 * "Kestrel Pilots Association" is tagged as an agency. The tests edit their own copy, never the sample above.
 */
const FIX_FIXTURE = 'harbour-vote.news';

const paths = sandboxPaths();
const runDir = path.join(paths.cache, 'ui-test');
const workspace = path.join(runDir, 'workspace');
const article = path.join(workspace, SAMPLE);
const fixArticle = path.join(workspace, FIX_FIXTURE);
const agencyFile = path.join(workspace, '.vscode', 'news-agencies.json');
const resultsDir = path.join(paths.root, 'test-results', 'ui');

describe('News Annotator in VS Code (code-server + Chromium)', function () {
  let codeServer: RunningCodeServer | undefined;
  let chromium: RunningChromium | undefined;
  let page: Page;
  let countsAtStart: AnnotationCounts;

  before(async function () {
    this.timeout(15 * 60_000); // the first run installs code-server (~3 min); a warm start takes ~20 s
    // Ctrl-C would otherwise kill mocha without running after(); exiting runs the kill-on-exit hooks instead.
    process.once('SIGINT', exitOnSignal);
    process.once('SIGTERM', exitOnSignal);
    ensureCodeServer(paths);
    ensureExtensionInstalled(paths);

    // Fresh user data and a copy of the sample on every run: the test never touches the repo or reuses state.
    fs.rmSync(runDir, { recursive: true, force: true });
    fs.mkdirSync(workspace, { recursive: true });
    fs.mkdirSync(resultsDir, { recursive: true });
    fs.copyFileSync(path.join(paths.root, 'samples', SAMPLE), article);
    fs.copyFileSync(path.join(paths.root, 'test', 'fixtures', FIX_FIXTURE), fixArticle);
    const userData = path.join(runDir, 'user-data');
    writeUserSettings(userData, {
      ...quietSettings,
      'editor.semanticTokenColorCustomizations': { enabled: true, rules: TOKEN_COLOURS },
      'editor.hover.delay': 150,
      'editor.minimap.enabled': false,
      // Typed quotes must land as typed: no auto-closed pairs, no suggestion accepted by Enter.
      'editor.autoClosingQuotes': 'never',
      'editor.autoClosingBrackets': 'never',
      'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' },
      'editor.suggestOnTriggerCharacters': false,
      'editor.wordBasedSuggestions': 'off',
      'outline.collapseItems': 'alwaysCollapse',
      // VS Code in a browser saves after a delay by default; off, any write to the article would be the extension's.
      'files.autoSave': 'off',
    });

    codeServer = await launchCodeServer(paths, { userDataDir: userData, logFile: path.join(resultsDir, 'code-server.log') });
    chromium = await launchChromium(path.join(runDir, 'chromium-profile'), path.join(resultsDir, 'chromium.log'));
    page = await chromium.browser.contexts()[0].newPage();
    await page.setViewportSize({ width: 1400, height: 900 });
    page.setDefaultTimeout(15_000); // every Playwright action gets a deadline too
    await page.goto(codeServer.urlFor(workspace, article));
    await waitFor(async () => (await page.locator('.view-line').count()) > 0, { timeout: 60_000, what: 'the editor to show the article' });
    countsAtStart = await waitFor(() => languageStatusCounts(page), { timeout: 60_000, what: 'the language status counts' });
  });

  after(async function () {
    this.timeout(30_000);
    await chromium?.stop();
    await codeServer?.stop();
    process.removeListener('SIGINT', exitOnSignal);
    process.removeListener('SIGTERM', exitOnSignal);
  });

  afterEach(async function () {
    const name = (this.currentTest?.title ?? 'step').replace(/[^a-z0-9]+/gi, '-').toLowerCase();
    if (page) await page.screenshot({ path: path.join(resultsDir, `${name}.png`) }).catch(() => undefined);
  });

  it('highlights agencies, dates and quotes in the colours set for their semantic token types', async function () {
    this.timeout(30_000);
    const agencies = await waitForSpanColour(page, /^(ESA|JAXA|NASA)$/, RED, 'an agency drawn in the agency colour');
    const dates = await waitForSpanColour(page, /^Thursday$/, GREEN, '"Thursday" drawn in the date colour');
    const quotes = await waitForSpanColour(page, /^"We would rather fly late/, BLUE, 'a quote drawn in the quote colour');
    const speakers = await waitForSpanColour(page, /Josef Aschbacher/, PURPLE, 'a speaker drawn in the speaker colour');
    assert.ok(agencies.length > 0 && dates.length > 0 && quotes.length > 0 && speakers.length > 0);
    // Plain narrative text keeps the theme's colour.
    const narrative = (await renderedSpans(page)).filter((span) => span.text.includes('declined'));
    assert.ok(narrative.length > 0 && narrative.every((span) => ![RED, GREEN, BLUE, PURPLE].includes(span.color)), JSON.stringify(narrative));
    assert.ok(countsAtStart.agencies >= 3 && countsAtStart.dates >= 3 && countsAtStart.quotes >= 3, JSON.stringify(countsAtStart));
  });

  it('shows an agency card and a resolved date on hover', async function () {
    this.timeout(45_000);
    const card = await hoverText(page, 'ESA', /European Space Agency/);
    assert.match(card, /space agency/);
    // Published on Thursday 14 November 2024, so "on Thursday" is that same day.
    const date = await hoverText(page, 'Thursday', /2024-11-14/);
    assert.match(date, /Thursday, 14 November 2024/);
  });

  it('shows the day a relative date resolves to as an inlay hint after "on Thursday"', async function () {
    this.timeout(30_000);
    // Published on Thursday 14 November 2024: "said on Thursday" is that day.
    const hint = await waitFor(() => inlayHintAfter(page, 'Thursday'), { timeout: 20_000, what: 'an inlay hint after "on Thursday"' });
    assert.equal(hint, 'Thu 14 Nov 2024');
  });

  it('lists agencies, the timeline and quotes in the Outline, and a click on a quote moves the cursor there', async function () {
    this.timeout(60_000);
    // Give the Outline the whole side bar: it renders only the rows in view.
    await setSectionExpanded(page.locator('.pane-header[aria-label^="Explorer Section"]').first(), false);
    await setSectionExpanded(page.locator('.pane-header[aria-label^="Outline Section"]'), true);
    await resizeSideBar(page, 480);

    const agencies = await expandOutlineGroup(page, 'Agencies', 3);
    assert.ok(agencies.some((label) => label.startsWith('European Space Agency')), agencies.join(' | '));
    assert.ok(agencies.some((label) => label.startsWith('NASA') || label.includes('Aeronautics')), agencies.join(' | '));
    const timeline = await expandOutlineGroup(page, 'Timeline', 3);
    assert.ok(timeline.some((label) => label.includes('2024-11-14 · Thursday')), timeline.join(' | '));
    const quotes = await expandOutlineGroup(page, 'Quotes', 3);
    assert.ok(quotes.some((label) => label.includes('We would rather fly late')), quotes.join(' | '));

    const quoteLine = lineOf(fs.readFileSync(article, 'utf8'), '"We would rather fly late') + 1;
    await page.locator('.view-lines').click({ position: { x: 5, y: 5 } }); // park the cursor at the top first
    await waitFor(async () => (await cursorPosition(page)).line !== quoteLine, { timeout: 5_000, what: 'the cursor away from the quote' });
    await outlineRow(page, /We would rather fly late/).click();
    const position = await waitFor(
      async () => {
        const current = await cursorPosition(page);
        return current.line === quoteLine ? current : undefined;
      },
      { timeout: 10_000, what: `the cursor on line ${quoteLine}` },
    );
    assert.equal(position.line, quoteLine);
    await page.screenshot({ path: path.join(resultsDir, 'article-with-outline.png') });
  });

  it('updates highlights, the outline and the status counts while a new quote is typed', async function () {
    this.timeout(60_000);
    const quotesBefore = childrenOf(await outlineRows(page), 'Quotes').length;
    await page.locator('.view-lines').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('"We will launch in May," NASA said.');

    const typedLine = await waitFor(
      async () => {
        const spans = await renderedLine(page, 'We will launch in May');
        const colourOf = (text: RegExp) => spans?.find((span) => text.test(span.text))?.color;
        return spans && colourOf(/^"We will launch in\b/) === BLUE && colourOf(/^NASA$/) === RED ? spans : undefined;
      },
      { timeout: 20_000, what: 'the typed quote in the quote colour and NASA, a speaking agency, in the agency colour' },
    );
    // The date inside the quote ("May") is drawn as a date: semantic tokens nest rather than overwrite.
    assert.equal(typedLine.find((span) => span.text === 'May')?.color, GREEN, JSON.stringify(typedLine));
    const counts = await waitFor(
      async () => {
        const current = await languageStatusCounts(page);
        return current && current.quotes === countsAtStart.quotes + 1 ? current : undefined;
      },
      { timeout: 15_000, what: `the status item to count ${countsAtStart.quotes + 1} quotes` },
    );
    assert.ok(counts.agencies >= countsAtStart.agencies);
    const quotes = await waitFor(
      async () => {
        const children = childrenOf(await outlineRows(page), 'Quotes');
        return children.some((label) => label.includes('We will launch in May')) ? children : undefined;
      },
      { timeout: 15_000, what: 'the typed quote in the outline' },
    );
    assert.equal(quotes.length, quotesBefore + 1, quotes.join(' | '));
    assert.ok(quotes.some((label) => /^NASA\b|Aeronautics/.test(label) && label.includes('We will launch in May')), quotes.join(' | '));
  });

  it('restarts a crashed server, and hovers work again', async function () {
    this.timeout(60_000);
    const [crashed] = await waitFor(
      () => {
        const pids = newsServerPids();
        return pids.length > 0 ? pids : undefined;
      },
      { timeout: 10_000, what: 'the running News Annotator server' },
    );
    const killedAt = Date.now();
    process.kill(crashed, 'SIGKILL');
    const [restarted] = await waitFor(
      () => {
        const pids = newsServerPids().filter((pid) => pid !== crashed);
        return pids.length > 0 ? pids : undefined;
      },
      { timeout: 30_000, what: 'a new server process after the crash' },
    );
    assert.notEqual(restarted, crashed);
    const card = await hoverText(page, 'JAXA', /Japan Aerospace Exploration Agency/, 30_000);
    assert.match(card, /space agency/);
    console.log(`      (server restarted and answered a hover ${Date.now() - killedAt} ms after the crash)`);
  });

  it('lists a weekday that does not fit its date in the Problems panel, as a warning', async function () {
    this.timeout(45_000);
    await openFile(page, fixArticle);
    const problem = await problemEntry(page, 'weekday-mismatch', 30_000);
    assert.match(problem.text, /May 8, 2024 is a Wednesday, not a Tuesday\./);
    assert.match(problem.text, /\bnews\b/); // the source
    assert.match(problem.label, /^Warning: /);
    const line = lineOf(fs.readFileSync(fixArticle, 'utf8'), 'Tuesday, May 8') + 1;
    assert.match(problem.text, new RegExp(`\\[Ln ${line}, Col \\d+\\]`));
  });

  it('changes the weekday to the one the date falls on with the quick fix', async function () {
    this.timeout(45_000);
    await goToProblem(page, 'weekday-mismatch');
    await applyCodeAction(page, /^Change to Wednesday$/);
    const text = await waitFor(
      async () => {
        const current = await renderedText(page);
        return current.includes('first set for Wednesday, May 8, 2024') ? current : undefined;
      },
      { timeout: 10_000, what: 'the editor to read "Wednesday, May 8, 2024"' },
    );
    assert.ok(!text.includes('Tuesday'), text);
    await waitFor(async () => !(await problemRows(page)).some((row) => row.text.includes('weekday-mismatch')), {
      timeout: 15_000,
      what: 'the weekday warning to leave the Problems panel',
    });
    // The fix is an edit in the editor; with auto-save off nothing reaches the disk.
    assert.equal(fs.readFileSync(fixArticle, 'utf8'), fs.readFileSync(path.join(paths.root, 'test', 'fixtures', FIX_FIXTURE), 'utf8'));
  });

  it('"Not an agency" removes the highlight and writes the agency file, and Undo brings both back', async function () {
    this.timeout(60_000);
    const name = 'Kestrel Pilots Association';
    const nameRun = new RegExp(`^${name.replace(/ /g, '\\s')}$`);
    await waitForSpanColour(page, nameRun, RED, `"${name}" drawn in the agency colour`);
    assert.ok(!fs.existsSync(agencyFile), 'the workspace starts without an agency file');

    await clickRun(page, name);
    await applyCodeAction(page, new RegExp(`^Not an agency: ignore '${name}' in this workspace$`));
    await waitForColourOtherThan(page, /Kestrel/, RED, `"${name}" no longer drawn in the agency colour`);
    // The file did not exist: the fix creates it, and VS Code saves a file an edit creates.
    const written = await waitFor(() => fs.existsSync(agencyFile) && fs.readFileSync(agencyFile, 'utf8'), {
      timeout: 10_000,
      what: `${agencyFile} on disk`,
    });
    assert.deepEqual(JSON.parse(written), { ignore: [name] });
    await page.screenshot({ path: path.join(resultsDir, 'agency-ignored.png') });

    // Undo where the edit was made: in the agency file. It takes back the whole fix, the file's creation included.
    await openFile(page, agencyFile);
    await waitFor(async () => (await renderedText(page)).includes(name), { timeout: 10_000, what: 'the agency file in the editor' });
    await page.locator('.view-lines').click();
    await page.keyboard.press('Control+Z');
    await waitFor(() => !fs.existsSync(agencyFile), { timeout: 10_000, what: `${agencyFile} gone from disk after Undo` });
    await activateTab(page, FIX_FIXTURE);
    await waitForSpanColour(page, nameRun, RED, `"${name}" drawn in the agency colour again after Undo`);
    // Neither the fix nor its Undo ran into an error (VS Code reports a code action's lost command as a toast).
    assert.deepEqual(await notificationToasts(page), []);
  });

  it('never writes the article: the file on disk is the sample as copied', function () {
    assert.equal(fs.readFileSync(article, 'utf8'), fs.readFileSync(path.join(paths.root, 'samples', SAMPLE), 'utf8'));
  });
});

/**
 * Waits until the runs matching `text` (at least one) are all drawn in a colour other than `color`. Match loosely: an
 * untagged name is drawn in one run with the words around it.
 */
async function waitForColourOtherThan(page: Page, text: RegExp, color: string, what: string): Promise<void> {
  await waitFor(
    async () => {
      const runs = (await renderedSpans(page)).filter((span) => text.test(span.text));
      if (runs.length > 0 && runs.every((span) => span.color !== color)) return true;
      throw new Error(`runs: ${JSON.stringify(runs)}`);
    },
    { timeout: 15_000, what },
  );
}

/** Process ids of the extension's language servers (dist/server.js of the installed extension), from /proc. */
function newsServerPids(): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let commandLine: string;
    try {
      commandLine = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
    } catch {
      continue; // the process ended while we looked
    }
    if (commandLine.includes(paths.extensions) && /news-annotator[^ ]*\/dist\/server\.js/.test(commandLine)) pids.push(Number(entry));
  }
  return pids;
}

function exitOnSignal(): void {
  process.exit(130);
}

/** 0-based line of the first occurrence of `needle`. */
function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  assert.ok(index >= 0, `${needle} is not in the sample`);
  return text.slice(0, index).split('\n').length - 1;
}
