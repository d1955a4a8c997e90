import type { WorkspaceSymbol } from 'vscode-languageserver';
import type { ArticleSummaries } from '../../workspace/articleSummary';

/** Ctrl+T: agencies, people, quotes ("Entity: first words") and dates of every article, matched fuzzily. */
export function workspaceSymbols(summaries: ArticleSummaries, query: string, limit = 500): WorkspaceSymbol[] {
  void summaries; void query; void limit;
  throw new Error('not implemented yet');
}
