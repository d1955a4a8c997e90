/**
 * Hands the server the agency file's new text when the user picks an agency correction. Each correction is a code
 * action with an edit of the file and a command carrying that text, so the article updates before the file is saved.
 * VS Code runs the command only after applying the edit, and after saving a file the edit creates; the watcher's
 * refresh in between disposes the list of code actions, and the command with it ("Actual command not found, wanted
 * to execute newsAnnotator.agencyFileEdited"). So the command is taken off the actions and sent from here, once the
 * file's buffer holds the text one of them writes.
 */
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient, type Middleware } from 'vscode-languageclient/node';

export const AGENCY_FILE_PATTERN = '**/.vscode/news-agencies.json';
/** The server's command (server/src/features/correctionActions.ts): arguments are the file's URI and its new text. */
const AGENCY_FILE_EDITED_COMMAND = 'newsAnnotator.agencyFileEdited';

export class AgencyFileCorrections implements vscode.Disposable {
  /** The texts the corrections offered last would give the file, each with its command's arguments. */
  private offered = new Map<string, unknown[]>();
  private readonly listener: vscode.Disposable;

  constructor(
    private readonly currentClient: () => LanguageClient | undefined,
    private readonly output: vscode.LogOutputChannel,
  ) {
    this.listener = vscode.workspace.onDidChangeTextDocument((event) => this.changed(event.document));
  }

  readonly middleware: Middleware = {
    provideCodeActions: async (document, range, context, token, next) => {
      const actions = await next(document, range, context, token);
      const offered = new Map<string, unknown[]>();
      for (const action of actions ?? []) {
        if (!(action instanceof vscode.CodeAction) || !action.edit || action.command?.command !== AGENCY_FILE_EDITED_COMMAND) continue;
        const args = action.command.arguments ?? [];
        if (typeof args[1] === 'string') offered.set(args[1], args);
        action.command = undefined;
      }
      // Only the latest menu can be picked from; a request without corrections (the light bulb's) leaves it alone.
      if (offered.size > 0) this.offered = offered;
      return actions;
    },
  };

  private changed(document: vscode.TextDocument): void {
    if (this.offered.size === 0 || !vscode.languages.match({ pattern: AGENCY_FILE_PATTERN }, document)) return;
    const args = this.offered.get(document.getText());
    const client = this.currentClient();
    if (!args || !client?.isRunning()) return;
    this.offered = new Map(); // once: an Undo, a Redo or typing is the file's own business, read when saved
    client
      .sendRequest(ExecuteCommandRequest.type, { command: AGENCY_FILE_EDITED_COMMAND, arguments: args })
      .catch((error: unknown) => this.output.warn(`Sending the corrected agency file to the server: ${String(error)}`));
  }

  dispose(): void {
    this.listener.dispose();
  }
}
