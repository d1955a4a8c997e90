import type { ArticleSummary } from '../../workspace/articleSummary';
import type { TimelineResult } from '../../protocol/newsRequests';

/** newsAnnotator/timeline: every dated mention of these articles in chronological order. */
export function timeline(articles: Iterable<ArticleSummary>): TimelineResult {
  void articles;
  throw new Error('not implemented yet');
}
