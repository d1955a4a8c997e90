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
import { AGENCY_CATEGORIES } from '../analysis/annotation';

export const AGENCY_FILE_EDITED_COMMAND = 'newsAnnotator.agencyFileEdited';
export const EXPLAIN_REFUSAL_COMMAND = 'newsAnnotator.explainRefusedCorrection';
/** The server's side of "Add as an agency…": arguments article URI, name, category; the server builds and applies the edit. */
export const ADD_AGENCY_COMMAND = 'newsAnnotator.addAgency';
/** The client's side: it asks for the category with a quick pick, then runs ADD_AGENCY_COMMAND. */
export const PICK_AGENCY_CATEGORY_COMMAND = 'newsAnnotator.pickAgencyCategory';

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
  /** The client can ask for a category itself (News Annotator's VS Code client): one "Add as an agency…" action, not one per category. */
  categoryPick: boolean;
}

export function correctionActions(
  offers: readonly CorrectionOffer[],
  file: AgencyFileState,
  capabilities: CorrectionCapabilities,
  articleUri = '',
): CodeAction[] {
  const actions: CodeAction[] = [];
  let picking: string | null = null;
  for (const offer of offers) {
    if (capabilities.categoryPick && offer.correction.kind === 'add') {
      // One action asks for the category; the per-category offers of the same name collapse into it.
      if (picking === offer.correction.name) continue;
      picking = offer.correction.name;
      const check = correctAgencyFile(file.text, offer.correction);
      if ('unchanged' in check) continue;
      const title = `Add '${picking}' as an agency…`;
      actions.push(
        'refused' in check
          ? { title, kind: CodeActionKind.QuickFix, disabled: { reason: check.refused } }
          : { title, kind: CodeActionKind.QuickFix, command: { title, command: PICK_AGENCY_CATEGORY_COMMAND, arguments: [articleUri, picking, AGENCY_CATEGORIES] } },
      );
      continue;
    }
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
