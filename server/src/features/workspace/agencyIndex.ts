import type { ArticleSummary } from '../../workspace/articleSummary';
import { rangeIn } from '../../workspace/articleSummary';
import type { AgenciesResult, AgencyArticle, AgencyEntry } from '../../protocol/newsRequests';
import { compareFoldedNames, foldForSearch } from './searchFold';

interface ArticleAgency {
  key: string;
  foldedAcronym: string;
  name: string;
  category: string;
  article: AgencyArticle;
}

/**
 * Each article's agencies, one row per canonical name, built once per summary: summaries are replaced,
 * never changed, so the cache follows the index without being told.
 */
const agencyCache = new WeakMap<ArticleSummary, ArticleAgency[]>();

/**
 * newsAnnotator/agencies: each agency with its articles and mention counts. Agencies are one across
 * articles by canonical name (ignoring case and accents); each lists its articles by uri, with the first
 * mention in each. The filter matches the name or the acronym, ignoring case and accents.
 */
export function agencyIndex(articles: Iterable<ArticleSummary>, filter?: string): AgenciesResult {
  const wanted = filter ? foldForSearch(filter) : '';
  // Keyed by the folded name, which also orders names alike in case and accents.
  const agencies = new Map<string, AgencyEntry>();
  for (const summary of articles) {
    for (const row of agenciesOf(summary)) {
      let agency = agencies.get(row.key);
      if (!agency) {
        if (wanted && !row.key.includes(wanted) && !row.foldedAcronym.includes(wanted)) continue;
        agency = { name: row.name, category: row.category, mentionCount: 0, articles: [] };
        agencies.set(row.key, agency);
      }
      agency.articles.push(row.article);
      agency.mentionCount += row.article.mentionCount;
    }
  }
  const listed = [...agencies].map(([key, agency]) => ({ key, agency }));
  for (const { agency } of listed) agency.articles.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  listed.sort((a, b) => b.agency.mentionCount - a.agency.mentionCount || compareFoldedNames(a.key, a.agency.name, b.key, b.agency.name));
  return { agencies: listed.map(({ agency }) => agency) };
}

function agenciesOf(summary: ArticleSummary): ArticleAgency[] {
  let rows = agencyCache.get(summary);
  if (rows) return rows;
  const byKey = new Map<string, ArticleAgency>();
  for (const entity of summary.entities) {
    if (entity.kind !== 'agency' || entity.mentions.length === 0) continue;
    const key = foldForSearch(entity.name);
    const row = byKey.get(key);
    if (row) {
      // Two entities of one name in one article (the table keeps them apart): one row, the counts added.
      row.article.mentionCount += entity.mentions.length;
      if (!row.foldedAcronym && entity.acronym) row.foldedAcronym = foldForSearch(entity.acronym);
      continue;
    }
    byKey.set(key, {
      key,
      foldedAcronym: entity.acronym ? foldForSearch(entity.acronym) : '',
      name: entity.name,
      category: entity.category ?? 'organisation',
      article: { uri: summary.uri, articleTitle: summary.title, mentionCount: entity.mentions.length, range: rangeIn(summary, entity.mentions[0]) },
    });
  }
  rows = [...byKey.values()];
  agencyCache.set(summary, rows);
  return rows;
}
