import { toPublicAnnotation } from '../publicSchema';
import type { ExportedFile } from '../protocol/newsRequests';
import type { ArticleToExport } from './exportArticles';

export const JSONL_FILE_NAME = 'annotations.jsonl';

/**
 * One line per article in the public schema, `{"id": …, "annotations": […]}`: the same line `news-annotate
 * --jsonl` writes for an input line `{"id": …, "text": …}`, so the two outputs can be joined or compared.
 */
export function exportJsonLines(articles: readonly ArticleToExport[]): ExportedFile {
  return { name: JSONL_FILE_NAME, content: articles.map(jsonLineOf).join('') };
}

/** One article's line, newline included: the file is these lines one after the other. */
export function jsonLineOf({ uri, analysis }: ArticleToExport): string {
  return `${JSON.stringify({ id: uri, annotations: analysis.annotations.map(toPublicAnnotation) })}\n`;
}
