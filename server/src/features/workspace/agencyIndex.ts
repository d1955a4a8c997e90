import type { ArticleSummary } from '../../workspace/articleSummary';
import type { AgenciesResult } from '../../protocol/newsRequests';

/** newsAnnotator/agencies: each agency with its articles and mention counts. */
export function agencyIndex(articles: Iterable<ArticleSummary>, filter?: string): AgenciesResult {
  void articles; void filter;
  throw new Error('not implemented yet');
}
