import type { EntityKind } from '../../analysis/annotation';
import type { ArticleSummary } from '../../workspace/articleSummary';
import { rangeIn } from '../../workspace/articleSummary';
import type { QuotesBySpeakerResult, SpeakerEntry, SpeakerQuote } from '../../protocol/newsRequests';
import { entityKey } from './articleTargets';
import { compareFoldedNames, foldForSearch } from './searchFold';

interface CreditedQuote {
  key: string;
  name: string;
  kind: EntityKind;
  foldedName: string;
  /** Folded on the first filter that needs it. */
  foldedWords?: string;
  quote: SpeakerQuote;
}

/**
 * Each article's credited quotes, ready to list, built once per summary: summaries are replaced, never
 * changed, so the cache follows the index without being told.
 */
const creditedCache = new WeakMap<ArticleSummary, CreditedQuote[]>();

/**
 * newsAnnotator/quotesBySpeaker: resolved speakers with their quotes across these articles. A speaker is
 * the same across articles when its kind and resolved name are (people by their fullest name, agencies by
 * their canonical name), ignoring case and accents; it is listed under the name its first article gives.
 * The filter keeps a speaker whose name holds it with all its quotes, and otherwise the quotes whose words
 * hold it, so counts are of the quotes listed.
 */
export function quotesBySpeaker(articles: Iterable<ArticleSummary>, filter?: string): QuotesBySpeakerResult {
  const wanted = filter ? foldForSearch(filter) : '';
  const speakers = new Map<string, { entry: SpeakerEntry; foldedName: string; nameMatches: boolean; lastUri: string }>();
  for (const summary of [...articles].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0))) {
    for (const credited of creditedQuotes(summary)) {
      let speaker = speakers.get(credited.key);
      if (!speaker) {
        const entry: SpeakerEntry = { name: credited.name, kind: credited.kind, quoteCount: 0, articleCount: 0, quotes: [] };
        speaker = { entry, foldedName: credited.foldedName, nameMatches: !wanted || credited.foldedName.includes(wanted), lastUri: '' };
        speakers.set(credited.key, speaker);
      }
      if (!speaker.nameMatches && !(credited.foldedWords ??= foldForSearch(credited.quote.preview)).includes(wanted)) continue;
      speaker.entry.quotes.push(credited.quote);
      // Articles come in uri order: a new article for this speaker is one that differs from its last.
      if (speaker.lastUri !== summary.uri) {
        speaker.entry.articleCount++;
        speaker.lastUri = summary.uri;
      }
    }
  }
  const listed = [...speakers.values()].filter(({ entry }) => entry.quotes.length > 0);
  for (const { entry } of listed) entry.quoteCount = entry.quotes.length;
  listed.sort((a, b) => b.entry.quoteCount - a.entry.quoteCount || compareFoldedNames(a.foldedName, a.entry.name, b.foldedName, b.entry.name));
  return { speakers: listed.map(({ entry }) => entry) };
}

function creditedQuotes(summary: ArticleSummary): CreditedQuote[] {
  let credited = creditedCache.get(summary);
  if (credited) return credited;
  credited = [];
  for (const quote of summary.quotes) {
    if (!quote.resolved) continue;
    const kind = quote.resolvedKind ?? 'person';
    credited.push({
      key: entityKey(kind, quote.resolved),
      name: quote.resolved,
      kind,
      foldedName: foldForSearch(quote.resolved),
      quote: {
        uri: summary.uri,
        range: rangeIn(summary, quote),
        preview: quote.preview,
        cue: quote.cue,
        mention: quote.speaker?.text ?? null,
        articleTitle: summary.title,
      },
    });
  }
  creditedCache.set(summary, credited);
  return credited;
}
