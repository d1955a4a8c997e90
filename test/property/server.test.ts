import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { DocumentHighlight, DocumentSymbol, Hover, InitializeResult, Position, SemanticTokens, SemanticTokensDelta } from 'vscode-languageserver-protocol';
import { annotate } from '../../server/src/analysis/annotate';
import { encodeSemanticTokens, tokenSegments } from '../../server/src/features/semanticTokens';
import { startServerProcess, type ServerUnderTest } from '../support/serverProcess';
import { waitFor } from '../../scripts/waitFor';
import { article, edit, editRange, type Edit } from './arbitraries';
import { assertEncodedTokens, assertHover, assertRange, assertSymbols, linesOf } from './invariants';
import { countCase } from './properties';

export const SERVER_CASES = 200;
export const RACE_CASES = 100;
export const OVERSIZE_CASES = 100;

/** LSP error codes a request may legitimately end with when the document changes under it. */
const CONTENT_MODIFIED = -32801;
const REQUEST_CANCELLED = -32800;

const position = fc.record({ line: fc.integer({ min: 0, max: 40 }), character: fc.integer({ min: 0, max: 300 }) });

/** An edit at a range, or (as clients may send even with incremental sync) a whole new text. */
const change: fc.Arbitrary<Edit | { replaceAll: string }> = fc.oneof(
  { weight: 6, arbitrary: edit },
  { weight: 1, arbitrary: article.map((replaceAll) => ({ replaceAll })) },
);

describe('property: the server process under random documents and incremental edits', function () {
  this.timeout(170_000);
  let server: ServerUnderTest;
  let tokenTypeCount: number;
  let documentNumber = 0;

  before(async function () {
    ({ server, tokenTypeCount } = await startInitialisedServer());
  });

  after(async function () {
    await server?.stop();
  });

  /** Tokens, ranges of tokens, hovers, highlights and the outline for the document as the test's mirror has it. */
  async function checkServedFeatures(document: TextDocument, probes: readonly Position[]): Promise<SemanticTokens> {
    const text = document.getText();
    const lines = linesOf(text);
    const textDocument = { uri: document.uri };
    const full = await server.connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/full', { textDocument });
    assertEncodedTokens(text, full.data, tokenTypeCount);
    // The server's incrementally synced document gives the same tokens as a fresh analysis of the mirror.
    assert.deepEqual(full.data, encodeSemanticTokens(document, tokenSegments(text, annotate(text))).data, 'served tokens equal a fresh analysis (dist/ must be built from the same sources as the tests)');
    const lastLine = lines.length - 1;
    const range = { start: { line: 0, character: 0 }, end: { line: Math.min(lastLine, 3), character: lines[Math.min(lastLine, 3)].length } };
    const ranged = await server.connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/range', { textDocument, range });
    assertEncodedTokens(text, ranged.data, tokenTypeCount);
    for (const probe of probes) {
      assertHover(text, lines, await server.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument, position: probe }));
      const highlights = await server.connection.sendRequest<DocumentHighlight[]>('textDocument/documentHighlight', { textDocument, position: probe });
      for (const highlight of highlights) assertRange(text, lines, highlight.range, 'highlight');
      // A range from the top to a probe, which may lie past the end of its line or of the document.
      const upTo = await server.connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/range', { textDocument, range: { start: { line: 0, character: 0 }, end: probe } });
      assertEncodedTokens(text, upTo.data, tokenTypeCount);
    }
    assertSymbols(text, lines, await server.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument }));
    return full;
  }

  it(`serves in-range tokens, hovers and symbols, before and after random incremental edits (${SERVER_CASES} cases)`, async function () {
    await fc.assert(
      fc.asyncProperty(article, fc.array(change, { minLength: 1, maxLength: 5 }), fc.boolean(), fc.array(position, { maxLength: 3 }), async (text, changes, batched, probes) => {
        countCase();
        const uri = `file:///property/article-${documentNumber++}.news`;
        let document = TextDocument.create(uri, 'news', 1, text);
        await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'news', version: 1, text } });
        try {
          const before = await checkServedFeatures(document, probes);
          // Either one notification per edit, or all edits in one notification (applied in order, each on the previous text).
          const pending: TextDocumentContentChangeEvent[] = [];
          for (const next of changes) {
            const contentChange = contentChangeFor(document, next);
            document = TextDocument.update(document, [contentChange], document.version + 1);
            pending.push(contentChange);
            if (!batched) await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: document.version }, contentChanges: pending.splice(0) });
          }
          if (pending.length) await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: document.version }, contentChanges: pending });
          const delta = await server.connection.sendRequest<SemanticTokensDelta | SemanticTokens>('textDocument/semanticTokens/full/delta', {
            textDocument: { uri },
            previousResultId: before.resultId,
          });
          const after = await checkServedFeatures(document, probes);
          const patched = 'edits' in delta ? applyDelta(before.data, delta) : delta.data;
          assert.deepEqual(patched, after.data, 'the delta turns the old tokens into the new ones');
        } finally {
          await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
        }
      }),
      { numRuns: SERVER_CASES },
    );
    assert.equal(server.process.exitCode, null, `the server is still running; stderr: ${server.stderr()}`);
  });

  // TextDocuments updates documents in place on didChange: a request must work on the version it arrived for.
  it('answers a token request overtaken by an edit with tokens of one version, or ContentModified', async function () {
    const uri = `file:///property/overtaken-${documentNumber++}.news`;
    const long = 'NASA said on Thursday that "the station stays safe," and ESA agreed on March 3, 2022.\n\n'.repeat(2000);
    const short = 'NASA said so.';
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'news', version: 1, text: long } });
    try {
      const pending = server.connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } }).then(
        (tokens) => ({ tokens }),
        (error: { code?: number }) => ({ error }),
      );
      const everything = { start: { line: 0, character: 0 }, end: TextDocument.create(uri, 'news', 1, long).positionAt(long.length) };
      await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: everything, text: short }] });
      const outcome = await pending;
      if ('error' in outcome) assert.equal(outcome.error.code, CONTENT_MODIFIED);
      else assertValidForSomeVersion([long, short], (text) => void assertEncodedTokens(text, outcome.tokens.data, tokenTypeCount));
    } finally {
      await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }
  });

  it(`answers requests overtaken by edits with a result for one of the versions, or ContentModified (${RACE_CASES} cases)`, async function () {
    await fc.assert(
      fc.asyncProperty(article, fc.array(change, { minLength: 1, maxLength: 4 }), fc.array(position, { minLength: 1, maxLength: 3 }), async (text, changes, probes) => {
        countCase();
        const uri = `file:///property/raced-${documentNumber++}.news`;
        let document = TextDocument.create(uri, 'news', 1, text);
        const versions = [text];
        const textDocument = { uri };
        await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'news', version: 1, text } });
        try {
          // Requests go out and the edits follow at once, without waiting for the answers.
          // Each answer is settled into a value at once, so no rejection waits unhandled while the edits go out.
          type Outcome = { check: (text: string, lines: string[]) => void } | { error: unknown };
          const requests: Array<Promise<Outcome>> = [];
          const ask = <T>(method: string, params: object, check: (result: T, text: string, lines: string[]) => void): void => {
            requests.push(
              server.connection.sendRequest<T>(method, params).then(
                (result) => ({ check: (t: string, l: string[]) => check(result, t, l) }),
                (error: unknown) => ({ error }),
              ),
            );
          };
          for (const next of changes) {
            ask<SemanticTokens>('textDocument/semanticTokens/full', { textDocument }, (tokens, t) => void assertEncodedTokens(t, tokens.data, tokenTypeCount));
            ask<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument }, (symbols, t, l) => assertSymbols(t, l, symbols));
            for (const probe of probes) ask<Hover | null>('textDocument/hover', { textDocument, position: probe }, (result, t, l) => assertHover(t, l, result));
            const contentChange = contentChangeFor(document, next);
            document = TextDocument.update(document, [contentChange], document.version + 1);
            versions.push(document.getText());
            await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: document.version }, contentChanges: [contentChange] });
          }
          for (const outcome of await Promise.all(requests)) {
            if ('error' in outcome) {
              const code = (outcome.error as { code?: number }).code;
              assert.ok(code === CONTENT_MODIFIED || code === REQUEST_CANCELLED, `a request failed only because the document changed: ${String(outcome.error)}`);
            } else {
              assertValidForSomeVersion(versions, outcome.check);
            }
          }
          await checkServedFeatures(document, probes);
        } finally {
          await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
        }
      }),
      { numRuns: RACE_CASES },
    );
    assert.equal(server.process.exitCode, null, `the server is still running; stderr: ${server.stderr()}`);
  });
});

describe('property: the server process on articles over maxFileSize (analysed only where asked)', function () {
  this.timeout(170_000);
  let server: ServerUnderTest;
  let tokenTypeCount: number;

  before(async function () {
    ({ server, tokenTypeCount } = await startInitialisedServer({ maxFileSize: 300 }));
  });

  after(async function () {
    await server?.stop();
  });

  it(`keeps tokens, ranges, hovers and symbols inside the document (${OVERSIZE_CASES} cases)`, async function () {
    let documentNumber = 0;
    await fc.assert(
      fc.asyncProperty(article, fc.array(position, { maxLength: 4 }), async (text, probes) => {
        countCase();
        const uri = `file:///property/oversize-${documentNumber++}.news`;
        const textDocument = { uri };
        const lines = linesOf(text);
        await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'news', version: 1, text } });
        try {
          const full = await server.connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/full', { textDocument });
          assertEncodedTokens(text, full.data, tokenTypeCount);
          for (const probe of probes) {
            const ranged = await server.connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/range', { textDocument, range: { start: { line: Math.max(0, probe.line - 2), character: 0 }, end: probe } });
            assertEncodedTokens(text, ranged.data, tokenTypeCount);
            assertHover(text, lines, await server.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument, position: probe }));
          }
          assertSymbols(text, lines, await server.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument }));
        } finally {
          await server.connection.sendNotification('textDocument/didClose', { textDocument });
        }
      }),
      { numRuns: OVERSIZE_CASES },
    );
    assert.equal(server.process.exitCode, null, `the server is still running; stderr: ${server.stderr()}`);
    await waitFor(
      () => server.notifications.some((n) => n.method === 'newsAnnotator/status' && (n.params as { tooLarge?: boolean }).tooLarge),
      { timeout: 10_000, what: 'a status saying an article was over maxFileSize (else this test never took the partial path)' },
    );
  });
});

/** A server that has answered `initialize`; with settings, it pulls them as `newsAnnotator` configuration. */
async function startInitialisedServer(settings?: Record<string, unknown>): Promise<{ server: ServerUnderTest; tokenTypeCount: number }> {
  const server = startServerProcess();
  if (settings) server.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => settings));
  const result = await server.connection.sendRequest<InitializeResult>('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: settings ? { workspace: { configuration: true } } : {},
  });
  const provider = result.capabilities.semanticTokensProvider as { legend: { tokenTypes: string[] } };
  await server.connection.sendNotification('initialized', {});
  return { server, tokenTypeCount: provider.legend.tokenTypes.length };
}

function contentChangeFor(document: TextDocument, next: Edit | { replaceAll: string }): TextDocumentContentChangeEvent {
  if ('replaceAll' in next) return { text: next.replaceAll };
  const { start, end } = editRange(document.getText(), next);
  return { range: { start: document.positionAt(start), end: document.positionAt(end) }, text: next.insert };
}

/** A raced answer must be right for at least one version the document went through. */
function assertValidForSomeVersion(versions: readonly string[], check: (text: string, lines: string[]) => void): void {
  let lastError: unknown;
  for (const text of versions) {
    try {
      check(text, linesOf(text));
      return;
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

function applyDelta(previous: readonly number[], delta: SemanticTokensDelta): number[] {
  const data = [...previous];
  for (const tokenEdit of [...delta.edits].sort((a, b) => b.start - a.start)) data.splice(tokenEdit.start, tokenEdit.deleteCount, ...(tokenEdit.data ?? []));
  return data;
}
