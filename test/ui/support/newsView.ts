/**
 * Driving the News view, commands, quick picks and webviews of the workbench through its DOM. Every wait polls a
 * condition with a deadline.
 */
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { GiveUp, waitFor } from '../../../scripts/waitFor';

/** Shows the News container by its activity bar entry. */
export async function openNewsContainer(page: Page): Promise<void> {
  const entry = page.locator('.part.activitybar .action-item').filter({ has: page.locator('[aria-label^="News"]') }).first();
  await waitFor(async () => (await entry.count()) > 0, { timeout: 20_000, what: 'the News entry in the activity bar' });
  if ((await entry.getAttribute('class'))?.includes('checked')) return;
  await entry.click();
  await waitFor(
    async () => {
      if ((await viewPane(page, 'Timeline').count()) > 0) return true;
      throw new Error(`sections shown: ${(await page.locator('.pane-header:visible').evaluateAll((headers) => headers.map((h) => h.getAttribute('aria-label')))).join(' | ')}`);
    },
    { timeout: 10_000, what: 'the Timeline view' },
  );
}

/**
 * The side-bar pane of the view titled `title` (header and body). Visible only: VS Code's Explorer has a Timeline too.
 * The header's label is "Timeline Section", or "Timeline - Workspace Section" with the view's description.
 */
export function viewPane(page: Page, title: string): Locator {
  const header = page.locator(`.pane-header[aria-label="${title} Section"], .pane-header[aria-label^="${title} - "][aria-label$=" Section"]`);
  return page.locator('.split-view-view .pane:visible').filter({ has: header }).first();
}

export interface TreeRow {
  /** The accessible label (the item's label and description, or its accessibility label). */
  label: string;
  /** What the row shows, label and description. */
  text: string;
  level: number;
  expanded: boolean | undefined;
}

/** The rows a view's tree renders (virtualised: rows scrolled out of view are absent). */
export async function treeRows(page: Page, title: string): Promise<TreeRow[]> {
  const pane = viewPane(page, title);
  if ((await pane.count()) === 0) return [];
  return pane.locator('.monaco-list-row').evaluateAll((rows) =>
    rows.map((row) => ({
      label: row.getAttribute('aria-label') ?? '',
      text: (row as HTMLElement).innerText.replace(/\s+/g, ' ').trim(),
      level: Number(row.getAttribute('aria-level')),
      expanded: row.hasAttribute('aria-expanded') ? row.getAttribute('aria-expanded') === 'true' : undefined,
    })),
  );
}

/** Opens a view's section if it is collapsed. */
export async function expandView(page: Page, title: string): Promise<void> {
  const header = viewPane(page, title).locator('.pane-header');
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  await waitFor(async () => (await header.getAttribute('aria-expanded')) === 'true', { timeout: 5_000, what: `the ${title} view open` });
}

/** The view's message (TreeView.message), or '' when it shows none. */
export async function viewMessage(page: Page, title: string): Promise<string> {
  const message = viewPane(page, title).locator('.message');
  return (await message.count()) > 0 && (await message.isVisible()) ? ((await message.innerText()) ?? '').trim() : '';
}

/** The row whose visible text matches `text`. */
export function treeRow(page: Page, title: string, text: RegExp): Locator {
  return viewPane(page, title).locator('.monaco-list-row').filter({ hasText: text }).first();
}

/**
 * Runs a command by its title through the Command Palette (F1). Opened while the workbench is still starting, the
 * palette may list nothing yet: it is then closed and opened again, until the deadline.
 */
export async function runCommand(page: Page, title: string): Promise<void> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  const row = page.locator('.quick-input-list .monaco-list-row').filter({ hasText: title }).first();
  await waitFor(
    async () => {
      if (!(await input.isVisible())) await page.keyboard.press('F1');
      await input.waitFor({ state: 'visible', timeout: 5_000 });
      await input.fill(`>${title}`);
      const found = await waitFor(async () => (await row.count()) > 0, { timeout: 3_000, what: 'the command' }).catch(() => false);
      if (found) return true;
      const listed = await page.locator('.quick-input-list .monaco-list-row').allInnerTexts();
      await page.keyboard.press('Escape');
      throw new Error(`the palette lists: ${listed.join(' | ') || 'nothing'}`);
    },
    { timeout: 20_000, what: `the command "${title}" in the Command Palette`, interval: 500 },
  );
  await row.click();
}

/** Picks the item whose label is `label` in the open quick pick. */
export async function pickQuickItem(page: Page, label: string): Promise<void> {
  const row = page.locator('.quick-input-widget:visible .quick-input-list .monaco-list-row').filter({ hasText: label }).first();
  await waitFor(async () => (await row.count()) > 0, { timeout: 10_000, what: `"${label}" in the quick pick` });
  await row.click();
}

/** The title of the open quick input, or undefined when none is open. */
export async function quickInputTitle(page: Page): Promise<string | undefined> {
  const title = page.locator('.quick-input-widget:visible .quick-input-title');
  return (await title.count()) > 0 ? ((await title.innerText()) ?? '').trim() : undefined;
}

/**
 * Answers VS Code's simple file dialog (a quick input holding a path, which code-server shows for Save As and
 * Open Folder) by typing `file`, and accepts it.
 *
 * The dialog opens showing the parent of its folder, then reads the folder and writes its default path into the input
 * over whatever is there: a path typed before that is lost and OK saves under the default name, in the default folder.
 * It writes that path in the same step as it lists the folder, whose first entry is ".." (every folder has one but the
 * root), so the path is typed once that entry is listed.
 */
export async function answerFileDialog(page: Page, file: string, titlePart: RegExp): Promise<void> {
  await waitFor(async () => titlePart.test((await quickInputTitle(page)) ?? ''), { timeout: 10_000, what: `a file dialog titled ${titlePart}` });
  const dialog = page.locator('.quick-input-widget:visible');
  const input = dialog.locator('.quick-input-box input');
  const parentEntry = dialog.locator('.quick-input-list .monaco-list-row[aria-label=".."]');
  await waitFor(async () => (await parentEntry.count()) > 0, { timeout: 10_000, what: 'the file dialog to list its folder' });
  await input.fill(file);
  await waitFor(async () => (await input.inputValue()) === file, { timeout: 5_000, what: `the dialog to hold ${file}` });
  // The dialog reads the typed folder before it accepts: OK pressed meanwhile is held until then, or only moves the
  // dialog to that folder, so OK is pressed until the dialog closes. Anything else it shows instead (another path, a
  // validation message, a confirmation such as "already exists") is a failure to report now, not after a timeout.
  const ok = dialog.locator('.monaco-button').filter({ hasText: /^OK$/ }).first();
  const message = dialog.locator('.quick-input-message');
  await waitFor(
    async () => {
      const title = await quickInputTitle(page);
      if (title === undefined) return true; // closed
      if (!titlePart.test(title)) throw new GiveUp(`the file dialog gave way to a quick input titled "${title}"`);
      const value = await input.inputValue({ timeout: 1_000 });
      if (value !== file) throw new GiveUp(`the file dialog holds ${value} instead of ${file}`);
      const problem = (await message.count()) > 0 ? (await message.innerText({ timeout: 1_000 })).trim() : '';
      if (problem) throw new GiveUp(`the file dialog says "${problem}"`);
      await ok.click({ timeout: 2_000 });
      return false;
    },
    { timeout: 10_000, what: `the file dialog to accept ${file}`, interval: 250 },
  );
}

/**
 * The inside of the (one) open webview: VS Code puts a webview's page in an iframe (`.webview`) holding a second
 * iframe (`#active-frame`) with the extension's HTML.
 */
export function webviewContent(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').first().frameLocator('iframe#active-frame');
}
