import type { Location } from 'vscode-languageserver';
import type { ArticleSummary } from '../../workspace/articleSummary';

/** F12 on a mention: its entity's first full mention in this article. */
export function definition(summary: ArticleSummary, offset: number): Location | null {
  void summary; void offset;
  throw new Error('not implemented yet');
}
