/**
 * Quick fixes for the checks that have one right answer: the weekday a date really falls on, an acronym
 * spelled out at its first use, and a `date:` line for an article without a publication date. Plain WorkspaceEdits carried by the
 * diagnostics' `data`, so any LSP client (Neovim too) can apply them without a command.
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import type { FixData } from './checks/check';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import type { NewsDocument } from './newsDocument';

export function quickFixes(document: NewsDocument, diagnostics: readonly Diagnostic[], today: string): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || !isFixData(diagnostic.data)) continue;
    const fix = diagnostic.data;
    if (fix.kind === 'replace' && diagnostic.code === 'weekday-mismatch') {
      actions.push(action(document, `Change to ${fix.with}`, diagnostic, [{ range: diagnostic.range, newText: fix.with }], true));
    } else if (fix.kind === 'replace' && diagnostic.code === 'acronym-before-definition') {
      actions.push(action(document, `Spell out: "${fix.with}"`, diagnostic, [{ range: diagnostic.range, newText: fix.with }], true));
    } else if (fix.kind === 'add-publication-date' && diagnostic.code === 'no-publication-date') {
      const days = fix.suggested && fix.suggested !== today ? [fix.suggested, today] : [today];
      days.forEach((day, i) => {
        const label = day === today ? `Add "date: ${day}" (today)` : `Add "date: ${day}" (named in the text)`;
        actions.push(action(document, label, diagnostic, [dateLineEdit(document, day)], i === 0));
      });
    }
  }
  return actions;
}

function action(document: NewsDocument, title: string, diagnostic: Diagnostic, edits: TextEdit[], isPreferred: boolean): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred, edit: { changes: { [document.uri]: edits } } };
}

/** At the top, or inside a front-matter block that opens the article, so the header stays one block. */
function dateLineEdit(document: NewsDocument, day: string): TextEdit {
  const text = document.getText();
  const eol = /\r\n/.test(text.slice(0, 2000)) ? '\r\n' : '\n';
  const line = /^\uFEFF?---[ \t]*\r?\n/.test(text) ? 1 : 0;
  const position = { line, character: 0 };
  return { range: { start: position, end: position }, newText: `date: ${day}${eol}` };
}

function isFixData(data: unknown): data is FixData {
  return !!data && typeof data === 'object' && typeof (data as { kind?: unknown }).kind === 'string';
}
