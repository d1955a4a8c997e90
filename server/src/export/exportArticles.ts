import type { AnalysisResult } from '../analysis/annotation';
import type { ExportFormat, ExportedFile } from '../protocol/newsRequests';

export interface ArticleToExport {
  /** The article's URI or path; export file names are derived from its base name. */
  uri: string;
  text: string;
  analysis: AnalysisResult;
}

/** The files one export writes: one JSONL or CSV file for all articles, or a .txt and .ann pair per article for brat. */
export function exportArticles(articles: readonly ArticleToExport[], format: ExportFormat): ExportedFile[] {
  void articles; void format;
  throw new Error('not implemented yet');
}
