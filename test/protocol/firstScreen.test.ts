import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { InitializeResult, SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-protocol';
import { waitFor } from '../../scripts/waitFor';
import { decodeSemanticTokens, type DecodedToken } from '../support/decodeTokens';
import { REPO_ROOT, startServerProcess, type ServerUnderTest } from '../support/serverProcess';

const FIXTURE = readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'space-cooperation.news'), 'utf8');
const FIRST_SCREEN = { start: { line: 0, character: 0 }, end: { line: 60, character: 0 } };

async function startFresh(capabilities: object): Promise<{ server: ServerUnderTest; legend: SemanticTokensLegend }> {
  const server = startServerProcess();
  const result = await server.connection.sendRequest<InitializeResult>('initialize', { processId: process.pid, rootUri: null, capabilities });
  server.connection.sendNotification('initialized', {});
  return { server, legend: (result.capabilities.semanticTokensProvider as { legend: SemanticTokensLegend }).legend };
}

async function rangeTokens(server: ServerUnderTest, legend: SemanticTokensLegend, uri: string, text: string): Promise<DecodedToken[]> {
  const tokens = await server.connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/range', { textDocument: { uri }, range: FIRST_SCREEN });
  return decodeSemanticTokens(tokens.data, legend, text);
}

describe('the first screen of a fresh server', function () {
  this.timeout(20_000);
  let server: ServerUnderTest | undefined;

  afterEach(async function () {
    await server?.stop();
    server = undefined;
  });

  it('is painted with dates and quotes before the analysis loads, then the editor is asked again and gets everything', async function () {
    let legend: SemanticTokensLegend;
    ({ server, legend } = await startFresh({ workspace: { semanticTokens: { refreshSupport: true } } }));
    const uri = 'file:///first/space-cooperation.news';
    server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'news', version: 1, text: FIXTURE } });
    const first = await rangeTokens(server, legend, uri, FIXTURE);
    assert.ok(first.some((t) => t.type === 'date' && t.text === 'March 3, 2022'), 'the dateline date is painted');
    assert.ok(first.some((t) => t.type === 'quote' && t.text.startsWith('"We will honour')), 'the first quote is painted');
    assert.ok(!first.some((t) => t.type === 'agency' || t.type === 'speaker'), 'no agencies nor speakers before the analysis');

    const running = server;
    await waitFor(() => running.notifications.some((n) => n.method === 'workspace/semanticTokens/refresh'), { timeout: 10_000, what: 'a semantic tokens refresh' });
    const again = await rangeTokens(server, legend, uri, FIXTURE);
    assert.ok(again.some((t) => t.type === 'agency' && t.text === 'NASA'), 'NASA is an agency once the analysis is loaded');
    assert.ok(again.some((t) => t.modifiers.includes('speaker')), 'speakers too');
    for (const token of first) {
      if (token.type === 'date') assert.ok(again.some((t) => t.type === 'date' && t.line === token.line && t.character === token.character && t.length === token.length), `the date ${token.text} stays`);
    }

    // Later documents are served by the analysis from their first request.
    const otherUri = 'file:///first/other.news';
    const other = 'NASA said on Monday it would fly again.';
    server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: otherUri, languageId: 'news', version: 1, text: other } });
    assert.ok((await rangeTokens(server, legend, otherUri, other)).some((t) => t.type === 'agency' && t.text === 'NASA'));
    assert.equal(server.notifications.filter((n) => n.method === 'workspace/semanticTokens/refresh').length, 1, 'one refresh');
  });

  it('gets the whole analysis at once for a client that cannot be asked again', async function () {
    let legend: SemanticTokensLegend;
    ({ server, legend } = await startFresh({}));
    const uri = 'file:///first/space-cooperation.news';
    server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'news', version: 1, text: FIXTURE } });
    const first = await rangeTokens(server, legend, uri, FIXTURE);
    assert.ok(first.some((t) => t.type === 'agency' && t.text === 'NASA'));
    assert.ok(!server.notifications.some((n) => n.method === 'workspace/semanticTokens/refresh'));
  });

  it('reports the status of a document opened before the first screen, once the analysis is loaded', async function () {
    ({ server } = await startFresh({ workspace: { semanticTokens: { refreshSupport: true } } }));
    // No tokens are asked for: the server loads the analysis on its own and reports.
    server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///first/idle.news', languageId: 'news', version: 1, text: FIXTURE } });
    const running = server;
    const status = await waitFor(() => running.notifications.find((n) => n.method === 'newsAnnotator/status')?.params as { quotes: number } | undefined, {
      timeout: 10_000,
      what: 'a status notification',
    });
    assert.equal(status.quotes, 3);
  });
});
