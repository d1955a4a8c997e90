import type { AnalysisResult } from '../analysis/annotation';
import type { ExportFormat, ExportedFile } from '../protocol/newsRequests';
import { exportBrat } from './bratExport';
import { exportQuotesCsv } from './csvExport';
import { exportJsonLines } from './jsonlExport';

export interface ArticleToExport {
  /** The article's URI or path; export file names are derived from its base name. */
  uri: string;
  text: string;
  analysis: AnalysisResult;
}

export const EXPORT_FORMATS: readonly ExportFormat[] = ['jsonl', 'csv', 'brat'];

/** The files one export writes: one JSONL or CSV file for all articles, or a .txt and .ann pair per article for brat. */
export function exportArticles(articles: readonly ArticleToExport[], format: ExportFormat): ExportedFile[] {
  switch (format) {
    case 'jsonl':
      return [exportJsonLines(articles)];
    case 'csv':
      return [exportQuotesCsv(articles)];
    case 'brat':
      return exportBrat(articles);
    default:
      throw new Error(`unknown export format ${JSON.stringify(format as string)}; expected one of ${EXPORT_FORMATS.join(', ')}.`);
  }
}
