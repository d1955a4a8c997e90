import { strict as assert } from 'node:assert';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ResponseError, type Hover, type SemanticTokens, type SemanticTokensLegend } from 'vscode-languageserver-protocol';
import { decodeSemanticTokens } from '../support/decodeTokens';
import { startServerProcess, type ServerUnderTest } from '../support/serverProcess';
import { waitFor } from '../../scripts/waitFor';

const ARTICLE = 'The Harbour Authority said on Monday that "the port stays open," and NASA agreed.\n';

async function initialise(server: ServerUnderTest, rootUri: string | null): Promise<SemanticTokensLegend> {
  const result = await server.connection.sendRequest<{ capabilities: { semanticTokensProvider: { legend: SemanticTokensLegend } } }>('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: rootUri ? [{ uri: rootUri, name: 'workspace' }] : null,
    capabilities: { workspace: { configuration: true } },
  });
  server.connection.sendNotification('initialized', {});
  return result.capabilities.semanticTokensProvider.legend;
}

function open(server: ServerUnderTest, uri: string, text: string, version = 1): void {
  server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'news', version, text } });
}

describe('the server with custom agencies and bad configuration', function () {
  let workspace: string;
  let server: ServerUnderTest | undefined;

  beforeEach(function () {
    workspace = mkdtempSync(path.join(tmpdir(), 'news-annotator-workspace-'));
    mkdirSync(path.join(workspace, '.vscode'));
  });

  afterEach(async function () {
    await server?.stop();
    server = undefined;
    rmSync(workspace, { recursive: true, force: true });
  });

  it('tags an agency from .vscode/news-agencies.json', async function () {
    writeFileSync(path.join(workspace, '.vscode', 'news-agencies.json'), JSON.stringify([{ name: 'Harbour Authority', aliases: ['the Authority'], category: 'government' }]));
    server = startServerProcess();
    const legend = await initialise(server, pathToFileURL(workspace).toString());
    const uri = pathToFileURL(path.join(workspace, 'port.news')).toString();
    open(server, uri, ARTICLE);
    const tokens = await server.connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
    const agencies = decodeSemanticTokens(tokens.data, legend, ARTICLE).filter((t) => t.type === 'agency' || t.type === 'speaker').map((t) => t.text);
    assert.ok(agencies.some((text) => text.endsWith('Harbour Authority')), `tagged: ${agencies.join(', ')}`);
  });

  it('names the file and line of a malformed agency file, and the defaults keep working', async function () {
    writeFileSync(path.join(workspace, '.vscode', 'news-agencies.json'), '[\n  { "name": "Harbour Authority" },\n  { "aliases": ["nameless"] }\n]\n');
    server = startServerProcess();
    const legend = await initialise(server, pathToFileURL(workspace).toString());
    const message = await waitFor(
      () => server!.notifications.find((n) => n.method === 'window/showMessage')?.params as { message: string } | undefined,
      { timeout: 10_000, what: 'a warning about the agency file' },
    );
    assert.match(message.message, /news-agencies\.json line 3: .*needs a "name"/);
    const diagnostics = await waitFor(
      () => server!.notifications.find((n) => n.method === 'textDocument/publishDiagnostics')?.params as { uri: string; diagnostics: Array<{ range: { start: { line: number } } }> } | undefined,
      { timeout: 10_000, what: 'diagnostics on the agency file' },
    );
    assert.match(diagnostics.uri, /news-agencies\.json$/);
    assert.equal(diagnostics.diagnostics[0].range.start.line, 2);
    const uri = pathToFileURL(path.join(workspace, 'port.news')).toString();
    open(server, uri, ARTICLE);
    const tokens = await server.connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
    const texts = decodeSemanticTokens(tokens.data, legend, ARTICLE).map((t) => t.text);
    assert.ok(texts.includes('NASA'), 'built-in agencies still work');
    assert.ok(texts.some((text) => text.endsWith('Harbour Authority')), 'the good entry still works');
  });

  it('reports a bad setting clearly and keeps its default', async function () {
    server = startServerProcess({ settings: { publicationDate: 'yesterday', agencies: 'NASA' } });
    await initialise(server, null);
    open(server, 'file:///tmp/a.news', ARTICLE);
    const messages = await waitFor(() => {
      const found = server!.notifications.filter((n) => n.method === 'window/showMessage').map((n) => (n.params as { message: string }).message);
      return found.length >= 2 ? found : undefined;
    }, { timeout: 10_000, what: 'two warnings' });
    assert.ok(messages.some((m) => /publicationDate must be a date written YYYY-MM-DD/.test(m)));
    assert.ok(messages.some((m) => /newsAnnotator\.agencies must be a list/.test(m)));
    const status = await waitFor(() => server!.notifications.find((n) => n.method === 'newsAnnotator/status')?.params as { agencies: number } | undefined, { timeout: 10_000, what: 'a status' });
    assert.ok(status.agencies >= 1);
  });
});

describe('the server with a client that implements little', function () {
  it('keeps serving when the client refuses its warnings', async function () {
    const server = startServerProcess({ settings: { publicationDate: 'not a date' } });
    try {
      let refused = 0;
      server.connection.onRequest('window/showMessageRequest', () => {
        refused++;
        throw new ResponseError(-32601, 'this client shows no messages');
      });
      await initialise(server, null);
      open(server, 'file:///tmp/refusing.news', ARTICLE);
      await waitFor(() => refused > 0, { timeout: 10_000, what: 'the warning about the bad setting to be refused' });
      const hover = await server.connection.sendRequest<Hover | null>('textDocument/hover', {
        textDocument: { uri: 'file:///tmp/refusing.news' },
        position: { line: 0, character: ARTICLE.indexOf('NASA') + 1 },
      });
      assert.match((hover!.contents as { value: string }).value, /NASA/);
      assert.equal(server.process.exitCode, null, server.stderr());
    } finally {
      await server.stop();
    }
  });
});

describe('the server with large and changing documents', function () {
  let server: ServerUnderTest;
  let legend: SemanticTokensLegend;

  before(async function () {
    server = startServerProcess({ settings: { maxFileSize: 3_000_000 } });
    legend = await initialise(server, null);
  });

  after(async function () {
    await server.stop();
  });

  it('answers a hover in a small document while a large one is being analysed', async function () {
    const paragraph = 'NASA said on Thursday that "the launch will go ahead," according to officials at the European Space Agency (ESA). ';
    const big = Array.from({ length: 12_000 }, (_, i) => `${paragraph}Item ${i}.`).join('\n\n');
    open(server, 'file:///tmp/big.news', big);
    open(server, 'file:///tmp/small.news', ARTICLE);
    const order: string[] = [];
    const bigTokens = server.connection
      .sendRequest<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: 'file:///tmp/big.news' } })
      .then((tokens) => {
        order.push('big tokens');
        return tokens;
      });
    const smallHover = server.connection
      .sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: 'file:///tmp/small.news' }, position: { line: 0, character: ARTICLE.indexOf('NASA') + 1 } })
      .then((result) => {
        order.push('small hover');
        return result;
      });
    const [tokens, hover] = await Promise.all([bigTokens, smallHover]);
    assert.deepEqual(order, ['small hover', 'big tokens'], 'the hover did not wait for the large analysis');
    assert.match((hover!.contents as { value: string }).value, /NASA/);
    assert.ok(tokens.data.length > 12_000 * 5);
  });

  it('drops a request for a version that an edit has replaced, and answers the next one', async function () {
    const text = Array.from({ length: 6000 }, (_, i) => `"Paragraph ${i} is quoted," the agency said on Monday.`).join('\n\n');
    const uri = 'file:///tmp/changing.news';
    open(server, uri, text);
    const stale = server.connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
    server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'NASA: ' }],
    });
    const outcome = await stale.then(
      () => 'answered',
      (error: { code?: number }) => (error.code === -32801 ? 'content modified' : `error ${String(error.code)}`),
    );
    assert.ok(outcome === 'content modified' || outcome === 'answered', outcome);
    const fresh = await server.connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
    const first = decodeSemanticTokens(fresh.data.slice(0, 5), legend, `NASA: ${text}`)[0];
    assert.equal(first.text, 'NASA');
  });

  it('says once, in the status, that a file is over newsAnnotator.maxFileSize, and still serves the visible range', async function () {
    const line = 'ESA said on Friday that "all is well." ';
    const huge = line.repeat(Math.ceil(3_100_000 / line.length));
    const uri = 'file:///tmp/huge.news';
    open(server, uri, huge);
    const status = await waitFor(
      () => server.notifications.map((n) => n.params as { uri: string; tooLarge?: boolean }).find((p) => p.uri === uri),
      { timeout: 10_000, what: 'the status of the huge file' },
    );
    assert.equal(status.tooLarge, true);
    const tokens = await server.connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/range', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 400 } },
    });
    const decoded = decodeSemanticTokens(tokens.data, legend, huge);
    assert.ok(decoded.some((t) => (t.type === 'agency' || t.type === 'speaker') && t.text === 'ESA'));
  });
});
