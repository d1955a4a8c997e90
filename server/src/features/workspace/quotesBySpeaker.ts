import type { ArticleSummary } from '../../workspace/articleSummary';
import type { QuotesBySpeakerResult } from '../../protocol/newsRequests';

/** newsAnnotator/quotesBySpeaker: resolved speakers with their quotes across these articles. */
export function quotesBySpeaker(articles: Iterable<ArticleSummary>, filter?: string): QuotesBySpeakerResult {
  void articles; void filter;
  throw new Error('not implemented yet');
}
