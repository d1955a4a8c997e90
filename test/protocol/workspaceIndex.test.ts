import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Location, WorkspaceSymbol } from 'vscode-languageserver-protocol';
import type { IndexStatus, TimelineResult } from '../../server/src/protocol/newsRequests';
import { startServerProcess, type ServerUnderTest } from '../support/serverProcess';
import { waitFor } from '../../scripts/waitFor';

const LAUNCH = `date: 2024-05-06

Space agencies plan a joint station

MOSCOW, May 6, 2024 — Roscosmos said on Monday that it would send two cosmonauts in June.

"We are ready to fly together again," Roscosmos said in a statement.

NASA said it welcomed the plan.
`;

const FOLLOW_UP = `date: 2024-05-09

A second look at the station plan

Engineers at Roscosmos reviewed the docking port on Wednesday, the agency said.

"The port passed every test," said Anna Berg, a Roscosmos engineer.
`;

const HARBOUR = `date: 2024-02-01

Harbour vote delayed

The Harbour Council postponed its vote until March 3, 2024, a spokesman said.
`;

const MAX_FILE_SIZE = 20_000;

function uriOf(file: string): string {
  return pathToFileURL(file).href;
}

function lastStatus(server: ServerUnderTest): IndexStatus | undefined {
  const all = server.notifications.filter((n) => n.method === 'newsAnnotator/indexStatus');
  return all.at(-1)?.params as IndexStatus | undefined;
}

/** The index is ready and `check` holds for its status. */
function readyWith(server: ServerUnderTest, what: string, check: (status: IndexStatus) => boolean): Promise<IndexStatus> {
  return waitFor(
    () => {
      const status = lastStatus(server);
      return status && status.state === 'ready' && check(status) ? status : undefined;
    },
    { timeout: 15_000, what: `${what} (last status: ${JSON.stringify(lastStatus(server))})`, interval: 20 },
  );
}

function changed(server: ServerUnderTest, uri: string, type: 1 | 2 | 3): void {
  server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type }] });
}

describe('the workspace index while it indexes', function () {
  let folder: string;
  let server: ServerUnderTest;

  after(async function () {
    await server?.stop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('answers a hover on an open document before it has indexed the folder', async function () {
    folder = mkdtempSync(path.join(tmpdir(), 'news-index-busy-'));
    const articles = 300;
    for (let i = 0; i < articles; i++) writeFileSync(path.join(folder, `story-${i}.news`), `${FOLLOW_UP}\nThe review board met for the ${i}th time on Thursday.\n`);
    server = startServerProcess();
    await server.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uriOf(folder),
      workspaceFolders: [{ uri: uriOf(folder), name: 'busy' }],
      capabilities: { workspace: { workspaceFolders: true } },
    });
    server.connection.sendNotification('initialized', {});
    const uri = 'untitled:draft.news';
    server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'news', version: 1, text: LAUNCH } });
    await waitFor(() => lastStatus(server)?.state === 'indexing' && lastStatus(server)!.total === articles, { timeout: 15_000, what: 'indexing under way', interval: 5 });
    const line = LAUNCH.split('\n').findIndex((l) => l.startsWith('NASA'));
    const hover = await server.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line, character: 1 } });
    const status = lastStatus(server)!;
    assert.match(hover?.contents.value ?? '', /NASA/);
    assert.equal(status.state, 'indexing', `the hover came after the whole folder was indexed: ${JSON.stringify({ ...status, skipped: status.skipped.length })}`);
    assert.ok(status.indexed < articles);
  });
});

describe('the workspace index over stdio', function () {
  let folder: string;
  let server: ServerUnderTest;

  before(async function () {
    folder = mkdtempSync(path.join(tmpdir(), 'news-index-'));
    writeFileSync(path.join(folder, 'launch.news'), LAUNCH);
    mkdirSync(path.join(folder, 'follow'), { recursive: true });
    writeFileSync(path.join(folder, 'follow', 'follow-up.article'), FOLLOW_UP);
    writeFileSync(path.join(folder, 'notes.txt'), 'Roscosmos, not an article: the include globs leave it out.');
    mkdirSync(path.join(folder, 'node_modules', 'pkg'), { recursive: true });
    writeFileSync(path.join(folder, 'node_modules', 'pkg', 'readme.news'), LAUNCH);
    writeFileSync(path.join(folder, 'scan.news'), Buffer.from([0x52, 0x6f, 0x00, 0x73, 0x63, 0x6f]));
    writeFileSync(path.join(folder, 'latin1.news'), Buffer.from('Caf\xe9 au lait, said the Harbour Council.', 'latin1'));
    writeFileSync(path.join(folder, 'huge.news'), `${LAUNCH}\n${'The council met again. '.repeat(MAX_FILE_SIZE / 10)}`);
    server = startServerProcess({ settings: { maxFileSize: MAX_FILE_SIZE } });
    await server.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uriOf(folder),
      workspaceFolders: [{ uri: uriOf(folder), name: 'articles' }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
        window: { workDoneProgress: true },
      },
    });
    server.connection.sendNotification('initialized', {});
  });

  after(async function () {
    await server?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('indexes the matching files, skips binary, non-UTF-8 and oversized ones with why, and reports progress', async function () {
    const status = await readyWith(server, 'the first indexing', (s) => s.total === 5 && s.indexed === 5);
    const reasons = Object.fromEntries(status.skipped.map((s) => [path.basename(new URL(s.uri).pathname), s.reason]));
    assert.deepEqual(Object.keys(reasons).sort(), ['huge.news', 'latin1.news', 'scan.news']);
    assert.equal(reasons['scan.news'], 'binary');
    assert.equal(reasons['latin1.news'], 'not UTF-8');
    assert.match(reasons['huge.news'], /^over newsAnnotator\.maxFileSize \(\d+\.\d MB\)$/);
    const progress = server.notifications.filter((n) => n.method === '$/progress').map((n) => (n.params as { value: { kind: string; message?: string } }).value);
    assert.equal(progress[0]?.kind, 'begin');
    assert.match(progress[0]?.message ?? '', /^Indexing \d+ \/ 5 articles$/);
    assert.equal(progress.at(-1)?.kind, 'end');
    await waitFor(() => server.notifications.some((n) => n.method === 'newsAnnotator/indexChanged'), { timeout: 5000, what: 'newsAnnotator/indexChanged, for views to refresh' });
    const watched = server.notifications
      .filter((n) => n.method === 'client/registerCapability')
      .flatMap((n) => (n.params as { registrations: Array<{ method: string; registerOptions: { watchers: Array<{ globPattern: string }> } }> }).registrations)
      .filter((registration) => registration.method === 'workspace/didChangeWatchedFiles')
      .flatMap((registration) => registration.registerOptions.watchers.map((watcher) => watcher.globPattern));
    for (const glob of ['**/*.news', '**/*.article', '**/*.news.md', '**/*.news.txt']) assert.ok(watched.includes(glob), `the editor is asked to watch ${glob}: ${watched.join(', ')}`);
  });

  it('finds unopened articles with workspace/symbol: "roscos" finds Roscosmos', async function () {
    await readyWith(server, 'the first indexing', (s) => s.total === 5);
    const symbols = await server.connection.sendRequest<WorkspaceSymbol[]>('workspace/symbol', { query: 'roscos' });
    const files = new Set(symbols.filter((s) => /Roscosmos/.test(s.name)).map((s) => path.basename(new URL(s.location.uri).pathname)));
    assert.ok(files.has('launch.news') && files.has('follow-up.article'), `Roscosmos in both articles: ${JSON.stringify(symbols.map((s) => s.name))}`);
    assert.ok(!symbols.some((s) => s.location.uri.includes('node_modules')), 'nothing from node_modules');
  });

  it('lists references to an agency across two files, one of them never opened', async function () {
    await readyWith(server, 'the first indexing', (s) => s.total === 5);
    const uri = uriOf(path.join(folder, 'launch.news'));
    server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'news', version: 1, text: LAUNCH } });
    const line = LAUNCH.split('\n').findIndex((l) => l.includes('Roscosmos said on Monday'));
    const character = LAUNCH.split('\n')[line].indexOf('Roscosmos') + 2;
    const locations = await server.connection.sendRequest<Location[]>('textDocument/references', { textDocument: { uri }, position: { line, character }, context: { includeDeclaration: true } });
    const files = new Set(locations.map((l) => path.basename(new URL(l.uri).pathname)));
    assert.deepEqual([...files].sort(), ['follow-up.article', 'launch.news']);
    server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });

  it('answers newsAnnotator/timeline for one article or the whole workspace, in date order', async function () {
    await readyWith(server, 'the first indexing', (s) => s.total === 5);
    const launch = uriOf(path.join(folder, 'launch.news'));
    const one = await server.connection.sendRequest<TimelineResult>('newsAnnotator/timeline', { scope: 'document', uri: launch });
    assert.ok(one.entries.length > 0 && one.entries.every((entry) => entry.uri === launch), 'only that article');
    const all = await server.connection.sendRequest<TimelineResult>('newsAnnotator/timeline', { scope: 'workspace' });
    assert.deepEqual([...new Set(all.entries.map((entry) => path.basename(new URL(entry.uri).pathname)))].sort(), ['follow-up.article', 'launch.news']);
    const days = all.entries.map((entry) => entry.from).filter((from): from is string => from !== null);
    assert.deepEqual(days, [...days].sort(), 'chronological');
  });

  it('follows files created, changed, deleted and renamed on disk', async function () {
    await readyWith(server, 'the first indexing', (s) => s.total === 5);
    const created = path.join(folder, 'harbour.news');
    writeFileSync(created, HARBOUR);
    changed(server, uriOf(created), 1);
    await readyWith(server, 'the created file indexed', (s) => s.total === 6 && s.indexed === 6);

    // Changed into something the index cannot read, and back.
    writeFileSync(created, Buffer.from([0, 1, 2]));
    changed(server, uriOf(created), 2);
    await readyWith(server, 'the changed file skipped as binary', (s) => s.skipped.some((k) => k.uri === uriOf(created) && k.reason === 'binary'));
    writeFileSync(created, HARBOUR);
    changed(server, uriOf(created), 2);
    await readyWith(server, 'the changed file indexed again', (s) => !s.skipped.some((k) => k.uri === uriOf(created)));

    // A rename arrives as a deletion and a creation.
    const binary = path.join(folder, 'scan.news');
    const renamed = path.join(folder, 'scan-renamed.news');
    renameSync(binary, renamed);
    changed(server, uriOf(binary), 3);
    changed(server, uriOf(renamed), 1);
    await readyWith(server, 'the renamed file skipped under its new name', (s) => s.total === 6 && s.skipped.some((k) => k.uri === uriOf(renamed)) && !s.skipped.some((k) => k.uri === uriOf(binary)));

    unlinkSync(created);
    changed(server, uriOf(created), 3);
    await readyWith(server, 'the deleted file gone', (s) => s.total === 5);
  });

  it('answers workspace/symbol with what a changed file says now', async function () {
    const created = path.join(folder, 'harbour.news');
    writeFileSync(created, HARBOUR.replace('Harbour Council', 'Harbour Development Authority'));
    changed(server, uriOf(created), 1);
    await waitFor(
      async () => {
        const symbols = await server.connection.sendRequest<WorkspaceSymbol[]>('workspace/symbol', { query: 'harbour development' });
        return symbols.some((s) => s.location.uri === uriOf(created));
      },
      { timeout: 15_000, what: 'the new agency found by workspace/symbol' },
    );
    unlinkSync(created);
    changed(server, uriOf(created), 3);
  });

  it('rejects malformed params of the custom requests with InvalidParams', async function () {
    await assert.rejects(server.connection.sendRequest('newsAnnotator/timeline', { scope: 'folder' }), (error: { code: number; message: string }) => error.code === -32602 && /scope/.test(error.message));
    await assert.rejects(server.connection.sendRequest('newsAnnotator/export', { scope: 'workspace', format: 'xml' }), (error: { code: number; message: string }) => error.code === -32602 && /format/.test(error.message));
    await assert.rejects(server.connection.sendRequest('newsAnnotator/agencies', { filter: 3 }), (error: { code: number }) => error.code === -32602);
  });

  it('follows a workspace folder removed', async function () {
    server.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: uriOf(folder), name: 'articles' }] } });
    await waitFor(
      () => {
        const status = lastStatus(server);
        return status && status.state !== 'indexing' && status.total === 0 ? status : undefined;
      },
      { timeout: 15_000, what: 'an empty index' },
    );
  });
});
