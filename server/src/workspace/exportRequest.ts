/**
 * `newsAnnotator/export`: each article's text (the open document's, or the file's read through the
 * Workspace), analysed again, since the index keeps no text, and handed to the export formatters.
 * One article per macrotask, so that a workspace export does not hold up the editor's requests.
 */
import type { AnalysisResult } from '../analysis/annotation';
import { exportArticles, type ArticleToExport } from '../export/exportArticles';
import type { ExportFormat, ExportResult } from '../protocol/newsRequests';

export interface ExportSource {
  /** The open document's text and current analysis; undefined when it is not open. */
  openArticle(uri: string): Promise<{ text: string; analysis: AnalysisResult } | undefined>;
  /** The file's text analysed, or why it cannot be. */
  fileArticle(uri: string): Promise<{ text: string; analysis: AnalysisResult } | { reason: string }>;
}

export async function exportRequest(uris: readonly string[], format: ExportFormat, source: ExportSource, alreadySkipped: ExportResult['skipped'] = []): Promise<ExportResult> {
  const articles: ArticleToExport[] = [];
  const skipped = [...alreadySkipped];
  for (const uri of uris) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    const open = await source.openArticle(uri).catch(() => undefined);
    const article = open ?? (await source.fileArticle(uri));
    if ('reason' in article) skipped.push({ uri, reason: article.reason });
    else articles.push({ uri, text: article.text, analysis: article.analysis });
  }
  return { files: exportArticles(articles, format), skipped };
}
