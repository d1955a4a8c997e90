import { strict as assert } from 'node:assert';
import type { CodeAction, Diagnostic, DocumentDiagnosticReport, InitializeResult, InlayHint } from 'vscode-languageserver-protocol';
import { startServerProcess, type ServerUnderTest } from '../support/serverProcess';
import { waitFor } from '../../scripts/waitFor';

const URI = 'file:///checks/harbour.news';
const ARTICLE = [
  'Harbour reopens after the storm',
  '',
  'OSLO, March 10, 2022 (Wire) — The Harbour Development Authority (HDA) said on Thursday, March 4, 2022 that repairs were done.',
  '',
  '"Every boat will be back in the water by the end of the month," it said on Monday.',
].join('\n');

function open(server: ServerUnderTest, uri = URI, text = ARTICLE): void {
  server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'news', version: 1, text } });
}

async function start(capabilities: Record<string, unknown>, settings?: Record<string, unknown>): Promise<{ server: ServerUnderTest; result: InitializeResult }> {
  const server = startServerProcess({ settings });
  const result = await server.connection.sendRequest<InitializeResult>('initialize', { processId: process.pid, rootUri: null, capabilities });
  server.connection.sendNotification('initialized', {});
  return { server, result };
}

describe('checks and hints over stdio', function () {
  describe('with a client that pulls diagnostics', function () {
    let server: ServerUnderTest;
    let result: InitializeResult;

    before(async function () {
      ({ server, result } = await start({ textDocument: { diagnostic: { dynamicRegistration: false } }, workspace: { configuration: true } }));
      open(server);
    });

    after(async function () {
      await server?.stop();
    });

    it('offers pull diagnostics, inlay hints and quick fixes', function () {
      assert.deepEqual(result.capabilities.diagnosticProvider, { identifier: 'news', interFileDependencies: false, workspaceDiagnostics: false });
      assert.equal(result.capabilities.inlayHintProvider, true);
      assert.deepEqual(result.capabilities.codeActionProvider, { codeActionKinds: ['quickfix'] });
    });

    it('answers textDocument/diagnostic with the weekday mismatch, and pushes nothing', async function () {
      const report = await server.connection.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: URI } });
      assert.equal(report.kind, 'full');
      const items = (report as { items: Diagnostic[] }).items;
      const weekday = items.find((d) => d.code === 'weekday-mismatch');
      assert.ok(weekday, JSON.stringify(items));
      assert.equal(weekday.source, 'news');
      assert.equal(weekday.message, 'March 4, 2022 is a Friday, not a Thursday.');
      assert.deepEqual(weekday.range.start, { line: 2, character: ARTICLE.split('\n')[2].indexOf('Thursday') });
      assert.ok(!items.some((d) => d.code === 'no-publication-date'), 'the dateline gives the date');
      assert.ok(!server.notifications.some((n) => n.method === 'textDocument/publishDiagnostics'), 'a pulling client gets no pushed diagnostics');
    });

    it('turns the diagnostic into a quick fix that corrects the weekday', async function () {
      const report = await server.connection.sendRequest<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: URI } });
      const weekday = report.items.find((d) => d.code === 'weekday-mismatch')!;
      const actions = await server.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri: URI },
        range: weekday.range,
        context: { diagnostics: [weekday], only: ['quickfix'] },
      });
      assert.equal(actions.length, 1);
      assert.equal(actions[0].title, 'Change to Friday');
      assert.deepEqual(actions[0].edit?.changes?.[URI], [{ range: weekday.range, newText: 'Friday' }]);
    });

    it('answers textDocument/inlayHint with the resolved day and speaker', async function () {
      const hints = await server.connection.sendRequest<InlayHint[]>('textDocument/inlayHint', {
        textDocument: { uri: URI },
        range: { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } },
      });
      const labels = hints.map((h) => [h.position.line, h.label]);
      assert.deepEqual(labels, [
        [4, 'Harbour Development Authority'],
        [4, 'Mon 7 Mar 2022'],
      ]);
    });
  });

  describe('with a client that does not pull diagnostics', function () {
    let server: ServerUnderTest;

    before(async function () {
      ({ server } = await start({}));
    });

    after(async function () {
      await server?.stop();
    });

    it('pushes the diagnostics after the analysis, and clears them when the document closes', async function () {
      const uri = 'file:///checks/undated.news';
      open(server, uri, 'Harbour reopens\n\nThe harbour reopened on Monday. "We sail again," the harbour master said. The pier stays shut.\n\n"Nobody here has ever seen a storm like that one, not even the oldest sailors.');
      const pushed = await waitFor(
        () => server.notifications.find((n) => n.method === 'textDocument/publishDiagnostics' && (n.params as { uri: string }).uri === uri)?.params as { diagnostics: Diagnostic[] } | undefined,
        { timeout: 10_000, what: 'pushed diagnostics' },
      );
      assert.deepEqual(pushed.diagnostics.map((d) => d.code).sort(), ['no-publication-date', 'unbalanced-quote']);
      assert.ok(pushed.diagnostics.every((d) => d.source === 'news'));
      const before = server.notifications.length;
      server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      const cleared = await waitFor(
        () => server.notifications.slice(before).find((n) => n.method === 'textDocument/publishDiagnostics' && (n.params as { uri: string }).uri === uri)?.params as { diagnostics: Diagnostic[] } | undefined,
        { timeout: 10_000, what: 'diagnostics cleared on close' },
      );
      assert.deepEqual(cleared.diagnostics, []);
    });
  });

  describe('with settings', function () {
    let server: ServerUnderTest;

    before(async function () {
      ({ server } = await start(
        { textDocument: { diagnostic: {} }, workspace: { configuration: true } },
        { checks: { 'weekday-mismatch': 'error', 'acronym-before-definition': 'off' }, inlayHints: { dates: false } },
      ));
      open(server, URI, `The HDA met.\n\n${ARTICLE}`);
    });

    after(async function () {
      await server?.stop();
    });

    it('applies the severity per code and leaves out the codes switched off', async function () {
      const report = await server.connection.sendRequest<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: URI } });
      assert.equal(report.items.find((d) => d.code === 'weekday-mismatch')?.severity, 1);
      assert.ok(!report.items.some((d) => d.code === 'acronym-before-definition'), JSON.stringify(report.items));
    });

    it('hides the date hints when newsAnnotator.inlayHints.dates is false', async function () {
      const hints = await server.connection.sendRequest<InlayHint[]>('textDocument/inlayHint', {
        textDocument: { uri: URI },
        range: { start: { line: 0, character: 0 }, end: { line: 7, character: 0 } },
      });
      assert.deepEqual(hints.map((h) => h.label), ['Harbour Development Authority']);
    });
  });
});
