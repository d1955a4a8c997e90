import * as vscode from 'vscode';
import type { WireRange } from '../../../server/src/protocol/newsRequests';

export function toRange(range: WireRange): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

/** The command a tree item runs on click: open the article with the mention selected. */
export function openCommand(uri: vscode.Uri, range: WireRange, title = 'Open'): vscode.Command {
  const options: vscode.TextDocumentShowOptions = { selection: toRange(range), preserveFocus: false };
  return { command: 'vscode.open', title, arguments: [uri, options] };
}

export async function openLocation(uri: vscode.Uri, range: WireRange, viewColumn?: vscode.ViewColumn): Promise<void> {
  const options: vscode.TextDocumentShowOptions = { selection: toRange(range), ...(viewColumn ? { viewColumn } : {}) };
  await vscode.commands.executeCommand('vscode.open', uri, options);
}
