import { strict as assert } from 'node:assert';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, InitializeResult, SemanticTokens, SemanticTokensLegend, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { decodeSemanticTokens } from '../support/decodeTokens';
import { startServerProcess, type ServerUnderTest } from '../support/serverProcess';
import { waitFor } from '../../scripts/waitFor';

const ARTICLE = 'date: 2024-05-14\n\nThe Harbour Authority said on Monday that the Harbour Sun had the story wrong.\n';
const AGENCY_FILE = [
  '// The harbour beat: our own agencies',
  '[',
  '  /* the port */',
  '  { "name": "Harbour Authority", "category": "government" },',
  '  { "name": "Harbour Sun", "category": "media" }',
  ']',
  '',
].join('\n');

describe('agency corrections over stdio', function () {
  let workspace: string;
  let file: string;
  let server: ServerUnderTest | undefined;

  beforeEach(function () {
    workspace = mkdtempSync(path.join(tmpdir(), 'news-annotator-corrections-'));
    mkdirSync(path.join(workspace, '.vscode'));
    file = path.join(workspace, '.vscode', 'news-agencies.json');
  });

  afterEach(async function () {
    await server?.stop();
    server = undefined;
    rmSync(workspace, { recursive: true, force: true });
  });

  async function start(capabilities: Record<string, unknown>, initializationOptions?: unknown, article = ARTICLE): Promise<{ legend: SemanticTokensLegend; uri: string; result: InitializeResult }> {
    server = startServerProcess();
    const root = pathToFileURL(workspace).toString();
    const result = await server.connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: root,
      workspaceFolders: [{ uri: root, name: 'workspace' }],
      capabilities: { workspace: { configuration: true }, ...capabilities },
      initializationOptions,
    });
    server.connection.sendNotification('initialized', {});
    const uri = pathToFileURL(path.join(workspace, 'port.news')).toString();
    server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'news', version: 1, text: article } });
    return { legend: result.capabilities.semanticTokensProvider!.legend, uri, result };
  }

  async function actionsAt(uri: string, text: string, triggerKind?: number, article = ARTICLE): Promise<CodeAction[]> {
    const character = article.split('\n')[2].indexOf(text) + 2;
    const position = { line: 2, character };
    return server!.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [], triggerKind } });
  }

  async function agencies(uri: string, legend: SemanticTokensLegend, article = ARTICLE): Promise<string[]> {
    const tokens = await server!.connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
    return decodeSemanticTokens(tokens.data, legend, article).filter((t) => t.type === 'agency' || t.type === 'speaker').map((t) => t.text);
  }

  it('ignores an agency with a WorkspaceEdit that keeps the file\'s comments, and the article updates at once', async function () {
    writeFileSync(file, AGENCY_FILE);
    const { legend, uri, result } = await start({});
    assert.deepEqual(result.capabilities.executeCommandProvider?.commands, ['newsAnnotator.agencyFileEdited', 'newsAnnotator.explainRefusedCorrection', 'newsAnnotator.addAgency']);
    assert.ok((await agencies(uri, legend)).some((text) => text.endsWith('Harbour Sun')));
    assert.deepEqual(await actionsAt(uri, 'Harbour Sun', 2), [], 'no light bulb on every agency: only when asked');

    const ignore = (await actionsAt(uri, 'Harbour Sun')).find((action) => action.title === "Not an agency: ignore 'Harbour Sun' in this workspace");
    assert.ok(ignore?.edit?.changes, 'a plain edit for a client without documentChanges');
    assert.equal(ignore.kind, 'quickfix');
    const fileUri = pathToFileURL(file).toString();
    const edited = TextDocument.applyEdits(TextDocument.create(fileUri, 'jsonc', 1, AGENCY_FILE), ignore.edit.changes[fileUri]);
    assert.ok(edited.startsWith('// The harbour beat: our own agencies\n{'), edited);
    assert.ok(edited.includes('  /* the port */\n  { "name": "Harbour Authority", "category": "government" },\n'), edited);

    // As an editor does: apply the edit to its buffer (not saved yet), then run the action's command.
    assert.equal(ignore.command?.command, 'newsAnnotator.agencyFileEdited');
    await server!.connection.sendRequest('workspace/executeCommand', { command: ignore.command.command, arguments: ignore.command.arguments });
    const after = await agencies(uri, legend);
    assert.ok(!after.some((text) => text.endsWith('Harbour Sun')), `still tagged: ${after.join(', ')}`);
    assert.ok(after.some((text) => text.endsWith('Harbour Authority')));
    assert.equal(readFileSync(file, 'utf8'), AGENCY_FILE, 'the server itself writes nothing');

    // The user saves, then edits the file by hand: from then on the disk is what counts.
    writeFileSync(file, edited);
    server!.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri, type: 2 }] });
    writeFileSync(file, AGENCY_FILE);
    server!.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri, type: 2 }] });
    const restored = await waitFor(async () => ((await agencies(uri, legend)).some((text) => text.endsWith('Harbour Sun')) ? true : undefined), { timeout: 10_000, what: 'Harbour Sun tagged again' });
    assert.ok(restored);
  });

  it('adds an agency in the category the client picked: one action asks, the server applies the edit', async function () {
    const onlyAuthority = ['// our agencies', '[', '  { "name": "Harbour Authority", "category": "government" }', ']', ''].join('\n');
    writeFileSync(file, onlyAuthority);
    const article = 'date: 2024-05-14\n\nThe Harbour Authority said the Kestrel Watch of Eastland had the story wrong.\n';
    const { legend, uri } = await start({}, { agencyCategoryPick: true }, article);
    const edits: Array<{ edit: { changes?: Record<string, TextEdit[]> } }> = [];
    server!.connection.onRequest('workspace/applyEdit', (params: { edit: { changes?: Record<string, TextEdit[]> } }) => {
      edits.push(params);
      return { applied: true };
    });
    assert.ok(!(await agencies(uri, legend, article)).some((text) => text.includes('Kestrel')), 'untagged at first');
    const adds = (await actionsAt(uri, 'Kestrel Watch', undefined, article)).filter((action) => action.title.startsWith("Add 'Kestrel"));
    assert.deepEqual(adds.map((action) => action.title), ["Add 'Kestrel Watch of Eastland' as an agency…"]);
    assert.equal(adds[0].command?.command, 'newsAnnotator.pickAgencyCategory');
    const [articleUri, name] = adds[0].command!.arguments as [string, string];

    // As VS Code's client does after its quick pick: run the server's command with the chosen category.
    await server!.connection.sendRequest('workspace/executeCommand', { command: 'newsAnnotator.addAgency', arguments: [articleUri, name, 'media'] });
    assert.equal(edits.length, 1, 'the server asked the client to apply one edit');
    const fileUri = pathToFileURL(file).toString();
    const edited = TextDocument.applyEdits(TextDocument.create(fileUri, 'jsonc', 1, onlyAuthority), edits[0].edit.changes![fileUri]);
    assert.ok(edited.startsWith('// our agencies\n['), edited);
    assert.match(edited, /"name": "Kestrel Watch of Eastland",\s*"category": "media"/);
    const after = await agencies(uri, legend, article);
    assert.ok(after.some((text) => text.includes('Kestrel Watch of Eastland')), `tagged at once: ${after.join(', ')}`);
  });

  it('creates the file with a CreateFile where the client can', async function () {
    const { uri } = await start({ workspace: { configuration: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } } });
    const add = (await actionsAt(uri, 'Harbour Sun')).find((action) => action.title === "Not an agency: ignore 'Harbour Sun' in this workspace");
    assert.ok(add?.edit?.documentChanges, JSON.stringify(add));
    const [create, text] = add.edit.documentChanges as [{ kind: string; uri: string }, TextDocumentEdit];
    assert.deepEqual(create, { kind: 'create', uri: pathToFileURL(file).toString(), options: { ignoreIfExists: true } });
    assert.deepEqual(JSON.parse((text.edits[0] as TextEdit).newText), { ignore: ['Harbour Sun'] });
  });

  it('refuses a correction on a file that does not parse, naming the file and line', async function () {
    writeFileSync(file, '[\n  { "name": "Harbour Authority" }\n  { "name": "Harbour Sun" }\n]\n');
    const { uri } = await start({ textDocument: { codeAction: { disabledSupport: true } } });
    const actions = await actionsAt(uri, 'Harbour Authority');
    const ignore = actions.find((action) => action.title.startsWith('Not an agency'));
    assert.ok(ignore, JSON.stringify(actions));
    assert.equal(ignore.edit, undefined);
    assert.match(ignore.disabled!.reason, /news-agencies\.json .*line 3/);

    await server!.stop();
    const plain = await start({});
    const explained = (await actionsAt(plain.uri, 'Harbour Authority')).find((action) => action.title.startsWith('Not an agency'));
    assert.equal(explained?.edit, undefined);
    const shown = server!.notifications.length;
    await server!.connection.sendRequest('workspace/executeCommand', { command: explained!.command!.command, arguments: explained!.command!.arguments });
    const message = await waitFor(
      () => server!.notifications.slice(shown).find((n) => n.method === 'window/showMessage' && /cannot be read/.test((n.params as { message: string }).message))?.params as { message: string } | undefined,
      { timeout: 10_000, what: 'the reason the correction was refused' },
    );
    assert.match(message.message, /news-agencies\.json .*line 3/);
    assert.match(readFileSync(file, 'utf8'), /^\[\n  \{ "name": "Harbour Authority" \}\n  \{/, 'the broken file is left as it was');
  });
});
