import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { DocumentSymbol, Hover, InitializeResult, SemanticTokens, SemanticTokensDelta, SemanticTokensLegend } from 'vscode-languageserver-protocol';
import { decodeSemanticTokens } from '../support/decodeTokens';
import { REPO_ROOT, startServerProcess, type ServerUnderTest } from '../support/serverProcess';
import { waitFor } from '../../scripts/waitFor';

const FIXTURE = readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'space-cooperation.news'), 'utf8');
const URI = 'file:///fixtures/space-cooperation.news';

function positionOf(text: string, needle: string, occurrence = 0): { line: number; character: number } {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) index = text.indexOf(needle, index + 1);
  assert.ok(index >= 0, `fixture contains ${needle}`);
  const before = text.slice(0, index).split(/\r\n|\r|\n/);
  return { line: before.length - 1, character: before[before.length - 1].length };
}

describe('news-annotator-server over stdio', function () {
  let server: ServerUnderTest;
  let legend: SemanticTokensLegend;

  before(async function () {
    server = startServerProcess();
    const result = await server.connection.sendRequest<InitializeResult>('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    const provider = result.capabilities.semanticTokensProvider as { legend: SemanticTokensLegend; full: { delta: boolean }; range: boolean };
    legend = provider.legend;
    assert.deepEqual(legend.tokenTypes, ['agency', 'date', 'quote', 'speaker']);
    assert.equal(provider.full.delta, true);
    assert.equal(provider.range, true);
    server.connection.sendNotification('initialized', {});
    server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'news', version: 1, text: FIXTURE } });
  });

  after(async function () {
    await server?.stop();
  });

  it('reports counts for the opened article', async function () {
    const status = await waitFor(
      () => server.notifications.find((n) => n.method === 'newsAnnotator/status')?.params as { agencies: number; dates: number; quotes: number } | undefined,
      { timeout: 10_000, what: 'a status notification' },
    );
    assert.ok(status.agencies >= 3, `agencies: ${status.agencies}`);
    assert.ok(status.dates >= 1, `dates: ${status.dates}`);
    assert.equal(status.quotes, 3);
  });

  it('serves semantic tokens that decode to the article’s agencies, dates, quotes and speakers', async function () {
    const tokens = await server.connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: URI } });
    const decoded = decodeSemanticTokens(tokens.data, legend, FIXTURE);
    const has = (type: string, text: string): boolean => decoded.some((t) => t.type === type && t.text === text);
    assert.ok(has('agency', 'NASA'), 'NASA is an agency');
    assert.ok(has('agency', 'German Aerospace Center') || has('agency', 'DLR'), 'DLR is an agency');
    assert.ok(has('date', 'March 3, 2022'), 'the dateline date is a date');
    assert.ok(decoded.some((t) => t.type === 'quote' && t.text.startsWith('"We will honour')), 'the first quote is a quote, marks included');
    const dlr = decoded.find((t) => t.text === 'DLR' && t.modifiers.includes('speaker'));
    assert.equal(dlr?.type, 'agency', 'DLR, the speaker of the first quote, stays an agency with the speaker modifier');
    for (const token of decoded) assert.ok(token.length > 0 && token.text.length === token.length, `token ${JSON.stringify(token)} lies on its line`);
  });

  it('answers a hover on an agency with its card', async function () {
    const hover = await server.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: URI }, position: positionOf(FIXTURE, 'NASA') });
    assert.ok(hover, 'a hover');
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /NASA/);
    assert.match(value, /Mentions in this article: 2/);
  });

  it('lists Agencies, Timeline and Quotes in the outline', async function () {
    const symbols = await server.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: URI } });
    const names = symbols.map((s) => s.name);
    assert.equal(names[0], 'Space agencies rethink their partnerships');
    for (const group of ['Agencies', 'Timeline', 'Quotes']) assert.ok(names.includes(group), `outline has ${group}: ${names.join(', ')}`);
    const quotes = symbols.find((s) => s.name === 'Quotes')!;
    assert.equal(quotes.children?.length, 3);
  });

  it('follows edits: a new quote gets tokens, in full and as a delta', async function () {
    const first = await server.connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: URI } });
    const lines = FIXTURE.split('\n');
    const endLine = lines.length - 1;
    const addition = '\n"The station is safe," NASA said on Friday.\n';
    server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ range: { start: { line: endLine, character: lines[endLine].length }, end: { line: endLine, character: lines[endLine].length } }, text: addition }],
    });
    const edited = FIXTURE + addition;
    const delta = await server.connection.sendRequest<SemanticTokensDelta>('textDocument/semanticTokens/full/delta', { textDocument: { uri: URI }, previousResultId: first.resultId });
    assert.ok(delta.edits.length > 0, 'the delta has edits');
    const applied = [...first.data];
    for (const edit of [...delta.edits].sort((a, b) => b.start - a.start)) applied.splice(edit.start, edit.deleteCount, ...(edit.data ?? []));
    const fresh = await server.connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: URI } });
    assert.deepEqual(applied, fresh.data, 'the delta applied to the old tokens gives the fresh tokens');
    const decoded = decodeSemanticTokens(fresh.data, legend, edited);
    assert.ok(decoded.some((t) => t.type === 'quote' && t.text === '"The station is safe,"'), 'the new quote is highlighted');
    const status = await waitFor(
      () => server.notifications.filter((n) => n.method === 'newsAnnotator/status').map((n) => n.params as { quotes: number }).find((s) => s.quotes === 4),
      { timeout: 10_000, what: 'a status with the new quote' },
    );
    assert.equal(status.quotes, 4);
  });

  it('serves range tokens for a part of the document', async function () {
    const tokens = await server.connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/range', {
      textDocument: { uri: URI },
      range: { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } },
    });
    const decoded = decodeSemanticTokens(tokens.data, legend, FIXTURE);
    assert.ok(decoded.length > 0);
    assert.ok(decoded.every((t) => t.line < 3), 'only tokens inside the range');
  });
});
