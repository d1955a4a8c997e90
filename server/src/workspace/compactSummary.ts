/**
 * A summary that holds no part of its article's text. The analysis hands out substrings of the text
 * (names, quotes, contexts), and V8 may keep such a substring as a view into the whole text: thousands
 * of summaries would then keep thousands of texts alive. A JSON round trip copies every string; the
 * short ones that recur (names, values, kinds) are shared through a pool, and within one article the
 * contexts and agency lists that several dates have in common are kept once.
 */
import type { ArticleSummary } from './articleSummary';

/** Names, categories, kinds and TIMEX3 values are shorter than this; previews and contexts are longer. */
const POOLED_LENGTH = 64;

export class SummaryCompactor {
  private readonly pool = new Map<string, string>();

  compact(summary: ArticleSummary): ArticleSummary {
    const { lineStarts, ...rest } = summary;
    // Within one article, dates of one sentence share their context, and dates of one paragraph their agencies.
    const local = new Map<string, string>();
    const agencyLists = new Map<string, unknown>();
    const copy = JSON.parse(JSON.stringify(rest), (key, value: unknown) => {
      if (typeof value === 'string') {
        if (value.length < POOLED_LENGTH) return this.pooled(value);
        const known = local.get(value);
        if (known !== undefined) return known;
        local.set(value, value);
        return value;
      }
      if (key === 'agencies' && Array.isArray(value)) {
        const listKey = value.join('\u0000');
        const known = agencyLists.get(listKey);
        if (known !== undefined) return known;
        agencyLists.set(listKey, value);
      }
      return value;
    }) as Omit<ArticleSummary, 'lineStarts'>;
    return { ...copy, lineStarts };
  }

  private pooled(value: string): string {
    const known = this.pool.get(value);
    if (known !== undefined) return known;
    this.pool.set(value, value);
    return value;
  }
}
