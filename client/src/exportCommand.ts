/**
 * "News Annotator: Export Annotations…": pick what (this article or the workspace) and how (JSONL, a CSV of the
 * quotes, brat standoff), pick where, and write the files the server returns byte for byte (the CSV's BOM is in
 * the content). A brat export is a folder of .txt/.ann pairs, so brat asks for a folder.
 */
import * as vscode from 'vscode';
import type { ExportFormat, ExportedFile, Scope } from '../../server/src/protocol/newsRequests';
import type { NewsServer } from './newsServer';
import { safeExportName } from './exportFileNames';

/** LSP's RequestCancelled error code. */
const REQUEST_CANCELLED = -32800;

interface ExportOutcome {
  skipped: Array<{ uri: string; reason: string }>;
  /** The file written, or the folder for brat. */
  written: vscode.Uri;
}

interface FormatPick extends vscode.QuickPickItem {
  format: ExportFormat;
  extension?: string;
}

const FORMATS: FormatPick[] = [
  { format: 'jsonl', extension: 'jsonl', label: 'JSONL', description: 'annotations.jsonl', detail: 'One line per article: the annotation schema of news-annotate --jsonl.' },
  { format: 'csv', extension: 'csv', label: 'CSV of quotes', description: 'quotes.csv', detail: 'Article, quote, speaker, resolved entity, cue, dates in its paragraph. Opens in Excel (UTF-8 with BOM).' },
  { format: 'brat', label: 'brat standoff', description: 'a folder of .txt and .ann files', detail: 'Agency, Date, Quote and Person entities and attributions, for brat or INCEpTION.' },
];

export function registerExportCommand(server: NewsServer, currentArticle: () => vscode.TextDocument | undefined): vscode.Disposable {
  return vscode.commands.registerCommand('newsAnnotator.exportAnnotations', () => exportAnnotations(server, currentArticle()));
}

async function exportAnnotations(server: NewsServer, article: vscode.TextDocument | undefined): Promise<void> {
  const scope = await pickScope(server, article);
  if (!scope) return;
  const format = await vscode.window.showQuickPick(FORMATS, { title: 'Export Annotations (2/3): Format', placeHolder: 'Format of the export' });
  if (!format) return;
  const target = await pickTarget(format, scope.folder);
  if (!target) return;

  let result: ExportOutcome;
  try {
    result = await runExport(server, scope.params, scope.description, format, target);
  } catch (error) {
    // Cancelled from the progress notification (the client turns the server's answer into either).
    if (error instanceof vscode.CancellationError || (error as { code?: unknown }).code === REQUEST_CANCELLED) return;
    void vscode.window.showErrorMessage(`The export failed: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  if (result.skipped.length > 0) {
    const list = result.skipped.slice(0, 5).map((skip) => `${vscode.workspace.asRelativePath(server.asUri(skip.uri))} (${skip.reason})`);
    const more = result.skipped.length > 5 ? ` and ${result.skipped.length - 5} more` : '';
    void vscode.window.showWarningMessage(`${result.skipped.length} ${result.skipped.length === 1 ? 'article was' : 'articles were'} not exported: ${list.join(', ')}${more}.`);
  }
  const where = vscode.workspace.asRelativePath(result.written);
  const choice = await vscode.window.showInformationMessage(`Exported ${scope.description} as ${format.label} to ${where}.`, ...(format.format === 'brat' ? [] : ['Open']));
  if (choice === 'Open') await vscode.commands.executeCommand('vscode.open', result.written);
}

/** Asks the server for the export and writes its files, with a progress notification the user can cancel. */
function runExport(
  server: NewsServer,
  params: Scope,
  description: string,
  format: FormatPick,
  target: vscode.Uri,
): Thenable<ExportOutcome> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Exporting ${description} as ${format.label}`, cancellable: true },
    async (progress, token) => {
      progress.report({ message: 'annotating…' });
      const exported = await server.export({ ...params, format: format.format }, token);
      if (token.isCancellationRequested) throw new vscode.CancellationError();
      progress.report({ message: `writing ${exported.files.length} ${exported.files.length === 1 ? 'file' : 'files'}…` });
      const written = await writeFiles(exported.files, format, target);
      return { ...exported, written };
    },
  );
}

interface ScopePick extends vscode.QuickPickItem {
  params: Scope;
  /** "this article" / "the workspace", for the messages. */
  scopeName: string;
}

async function pickScope(
  server: NewsServer,
  article: vscode.TextDocument | undefined,
): Promise<{ params: Scope; description: string; folder: vscode.Uri | undefined } | undefined> {
  const picks: ScopePick[] = [];
  if (article) {
    const name = article.uri.path.slice(article.uri.path.lastIndexOf('/') + 1);
    picks.push({ label: 'This article', description: name, params: { scope: 'document', uri: server.asServerUri(article.uri) }, scopeName: name });
  }
  picks.push({ label: 'Workspace', description: 'every article in the workspace folders', params: { scope: 'workspace' }, scopeName: 'the workspace' });
  const pick = await vscode.window.showQuickPick(picks, { title: 'Export Annotations (1/3): Articles', placeHolder: 'Which articles to export' });
  if (!pick) return undefined;
  const folder = (article && vscode.workspace.getWorkspaceFolder(article.uri)?.uri) ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  return { params: pick.params, description: pick.scopeName, folder };
}

/** A file for JSONL and CSV, a folder for brat. */
async function pickTarget(format: FormatPick, folder: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  if (format.extension) {
    return vscode.window.showSaveDialog({
      title: 'Export Annotations (3/3): Save As',
      saveLabel: 'Export',
      filters: { [format.label]: [format.extension] },
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, format.description ?? `annotations.${format.extension}`) } : {}),
    });
  }
  const picked = await vscode.window.showOpenDialog({
    title: 'Export Annotations (3/3): Folder for the .txt and .ann files',
    openLabel: 'Export Here',
    canSelectFiles: false,
    canSelectFolders: true,
    canSelectMany: false,
    ...(folder ? { defaultUri: folder } : {}),
  });
  return picked?.[0];
}

/** Writes the files; returns what was written (the file, or the folder for brat). */
async function writeFiles(files: readonly ExportedFile[], format: FormatPick, target: vscode.Uri): Promise<vscode.Uri> {
  const encoder = new TextEncoder();
  if (format.extension) {
    // One file, under the name the user chose. The content is written as returned (a CSV starts with its BOM).
    const [file] = files;
    await vscode.workspace.fs.writeFile(target, encoder.encode(file?.content ?? ''));
    return target;
  }
  for (const file of files) {
    // Names come from the server; none may leave the chosen folder.
    const name = safeExportName(file.name);
    if (!name) throw new Error(`The server sent an export file name that is not a plain relative path: ${JSON.stringify(file.name)}`);
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(target, ...name), encoder.encode(file.content));
  }
  return target;
}
