import type { AnalysisResult } from '../analysis/annotation';

/** Sent by the server after each analysis; the client shows it in its language status item. */
export const STATUS_NOTIFICATION = 'newsAnnotator/status';

export interface DocumentStatus {
  uri: string;
  agencies: number;
  dates: number;
  quotes: number;
  publicationDate: { value: string; source: string } | null;
  /** Over newsAnnotator.maxFileSize: only the visible part is annotated. */
  tooLarge?: boolean;
  maxFileSize?: number;
}

/** Agencies are counted once each (by canonical name), dates and quotes by mention. */
export function statusOf(uri: string, analysis: AnalysisResult): DocumentStatus {
  const agencies = new Set<string>();
  let dates = 0;
  let quotes = 0;
  for (const annotation of analysis.annotations) {
    if (annotation.type === 'agency') agencies.add(annotation.canonical);
    else if (annotation.type === 'date') dates++;
    else quotes++;
  }
  return {
    uri,
    agencies: agencies.size,
    dates,
    quotes,
    publicationDate: { value: analysis.publicationDate.value, source: analysis.publicationDate.source },
  };
}
