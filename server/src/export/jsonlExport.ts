import { toPublicAnnotation } from '../publicSchema';
import type { ExportedFile } from '../protocol/newsRequests';
import type { ArticleToExport } from './exportArticles';

export const JSONL_FILE_NAME = 'annotations.jsonl';

/**
 * One line per article in the public schema, `{"id": …, "annotations": […]}`: the same line `news-annotate
 * --jsonl` writes for an input line `{"id": …, "text": …}`, so the two outputs can be joined or compared.
 */
export function exportJsonLines(articles: readonly ArticleToExport[]): ExportedFile {
  const lines = articles.map(({ uri, analysis }) => JSON.stringify({ id: uri, annotations: analysis.annotations.map(toPublicAnnotation) }));
  return { name: JSONL_FILE_NAME, content: lines.map((line) => `${line}\n`).join('') };
}
