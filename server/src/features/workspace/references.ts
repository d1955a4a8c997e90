import type { Location } from 'vscode-languageserver';
import type { ArticleSummaries } from '../../workspace/articleSummary';

/** Shift+F12 on an agency, person, speaker or date at `offset` of `uri`: every mention of the same entity, or of the same day, across the workspace. */
export function references(summaries: ArticleSummaries, uri: string, offset: number, includeDeclaration: boolean): Location[] {
  void summaries; void uri; void offset; void includeDeclaration;
  throw new Error('not implemented yet');
}
