/**
 * The agency corrections as plain LSP code actions (kind `quickfix`): a WorkspaceEdit of the workspace's
 * agency file, so that any client, Neovim too, applies it and can undo it. Each carries a command that
 * tells the server the file's new text, so the article updates at once, before the file is even saved.
 * A correction the file cannot take (it does not parse) is offered disabled with the reason, or, where
 * the client cannot show disabled actions, as an action whose command says why.
 */
import { CodeActionKind, type CodeAction, type Command, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { correctAgencyFile } from '../customAgencyFileEdit';
import type { CorrectionOffer } from './agencyCorrections';

export const AGENCY_FILE_EDITED_COMMAND = 'newsAnnotator.agencyFileEdited';
export const EXPLAIN_REFUSAL_COMMAND = 'newsAnnotator.explainRefusedCorrection';

export interface AgencyFileState {
  uri: string;
  /** The file's text; null when there is no file yet. */
  text: string | null;
}

export interface CorrectionCapabilities {
  /** The client applies `documentChanges` with a `create` operation. */
  createFiles: boolean;
  /** The client shows actions with `disabled`. */
  disabledActions: boolean;
}

export function correctionActions(offers: readonly CorrectionOffer[], file: AgencyFileState, capabilities: CorrectionCapabilities): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const offer of offers) {
    const result = correctAgencyFile(file.text, offer.correction);
    if ('unchanged' in result) continue;
    if ('refused' in result) {
      actions.push(
        capabilities.disabledActions
          ? { title: offer.title, kind: CodeActionKind.QuickFix, disabled: { reason: result.refused } }
          : { title: offer.title, kind: CodeActionKind.QuickFix, command: { title: offer.title, command: EXPLAIN_REFUSAL_COMMAND, arguments: [result.refused] } },
      );
      continue;
    }
    const { edit, before, after } = result;
    const textEdit: TextEdit = { range: rangeOf(before, edit.offset, edit.offset + edit.length), newText: edit.content };
    const command: Command = { title: 'Re-read the agency file', command: AGENCY_FILE_EDITED_COMMAND, arguments: [file.uri, after] };
    actions.push({ title: offer.title, kind: CodeActionKind.QuickFix, edit: workspaceEdit(file, textEdit, capabilities), command });
  }
  return actions;
}

function workspaceEdit(file: AgencyFileState, edit: TextEdit, capabilities: CorrectionCapabilities): WorkspaceEdit {
  if (file.text === null && capabilities.createFiles) {
    return {
      documentChanges: [
        { kind: 'create', uri: file.uri, options: { ignoreIfExists: true } },
        { textDocument: { uri: file.uri, version: null }, edits: [edit] },
      ],
    };
  }
  return { changes: { [file.uri]: [edit] } };
}

function rangeOf(text: string, start: number, end: number): Range {
  const document = TextDocument.create('file:///agency-file.json', 'jsonc', 0, text);
  return { start: document.positionAt(start), end: document.positionAt(end) };
}
