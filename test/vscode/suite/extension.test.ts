import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { waitFor } from '../../../scripts/waitFor';

const FIXTURE = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'space-cooperation.news');

describe('News Annotator in VS Code', function () {
  let document: vscode.TextDocument;

  before(async function () {
    document = await vscode.workspace.openTextDocument(FIXTURE);
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, 'news');
  });

  it('lists Agencies, Timeline and Quotes in the outline', async function () {
    const symbols = await waitFor(async () => {
      const found = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
      return found && found.some((s) => s.name === 'Quotes') ? found : undefined;
    }, { timeout: 30_000, what: 'document symbols' });
    const names = symbols.map((s) => s.name);
    for (const group of ['Agencies', 'Timeline', 'Quotes']) assert.ok(names.includes(group), names.join(', '));
  });

  it('shows an agency card on hover', async function () {
    const offset = document.getText().indexOf('NASA');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(offset));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /NASA/);
  });

  it('provides semantic tokens with the agency, date, quote and speaker types', async function () {
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', document.uri);
    assert.deepEqual(legend.tokenTypes, ['agency', 'date', 'quote', 'speaker']);
    const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', document.uri);
    const types = new Set<number>();
    for (let i = 3; i < tokens.data.length; i += 5) types.add(tokens.data[i]);
    assert.deepEqual([...types].sort(), [0, 1, 2, 3]);
  });
});
