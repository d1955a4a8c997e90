import type { ArticleSummary } from '../../workspace/articleSummary';
import { rangeIn } from '../../workspace/articleSummary';
import type { AgenciesResult, AgencyEntry } from '../../protocol/newsRequests';
import { compareNames, foldForSearch } from './searchFold';

/**
 * newsAnnotator/agencies: each agency with its articles and mention counts. Agencies are one across
 * articles by canonical name (ignoring case and accents); each lists its articles by uri, with the first
 * mention in each. The filter matches the name or the acronym, ignoring case and accents.
 */
export function agencyIndex(articles: Iterable<ArticleSummary>, filter?: string): AgenciesResult {
  const wanted = filter ? foldForSearch(filter) : '';
  const agencies = new Map<string, AgencyEntry>();
  for (const summary of articles) {
    for (const entity of summary.entities) {
      if (entity.kind !== 'agency' || entity.mentions.length === 0) continue;
      const key = foldForSearch(entity.name);
      let agency = agencies.get(key);
      if (!agency) {
        if (wanted && !key.includes(wanted) && !(entity.acronym && foldForSearch(entity.acronym).includes(wanted))) continue;
        agency = { name: entity.name, category: entity.category ?? 'organisation', mentionCount: 0, articles: [] };
        agencies.set(key, agency);
      }
      // An article's entities come together, so the article's row, if any, is the last one.
      const inArticle = agency.articles[agency.articles.length - 1];
      if (inArticle?.uri === summary.uri) {
        // One article naming the agency twice over (two entities of one name): one row, the counts added.
        inArticle.mentionCount += entity.mentions.length;
      } else {
        agency.articles.push({
          uri: summary.uri,
          articleTitle: summary.title,
          mentionCount: entity.mentions.length,
          range: rangeIn(summary, entity.mentions[0]),
        });
      }
      agency.mentionCount += entity.mentions.length;
    }
  }
  const listed = [...agencies.values()];
  for (const agency of listed) agency.articles.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  listed.sort((a, b) => b.mentionCount - a.mentionCount || compareNames(a.name, b.name));
  return { agencies: listed };
}
