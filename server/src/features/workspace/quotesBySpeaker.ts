import type { ArticleSummary } from '../../workspace/articleSummary';
import { rangeIn } from '../../workspace/articleSummary';
import type { QuotesBySpeakerResult, SpeakerEntry } from '../../protocol/newsRequests';
import { entityKey } from './articleTargets';
import { compareNames, foldForSearch } from './searchFold';

/**
 * newsAnnotator/quotesBySpeaker: resolved speakers with their quotes across these articles. A speaker is
 * the same across articles when its kind and resolved name are (people by their fullest name, agencies by
 * their canonical name), ignoring case and accents; it is listed under the name its first article gives.
 * The filter keeps a speaker whose name holds it with all its quotes, and otherwise the quotes whose words
 * hold it, so counts are of the quotes listed.
 */
export function quotesBySpeaker(articles: Iterable<ArticleSummary>, filter?: string): QuotesBySpeakerResult {
  const wanted = filter ? foldForSearch(filter) : '';
  const speakers = new Map<string, { entry: SpeakerEntry; nameMatches: boolean; uris: Set<string> }>();
  for (const summary of [...articles].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0))) {
    for (const quote of summary.quotes) {
      if (!quote.resolved) continue;
      const kind = quote.resolvedKind ?? 'person';
      const key = entityKey(kind, quote.resolved);
      let speaker = speakers.get(key);
      if (!speaker) {
        const nameMatches = !wanted || foldForSearch(quote.resolved).includes(wanted);
        speaker = { entry: { name: quote.resolved, kind, quoteCount: 0, articleCount: 0, quotes: [] }, nameMatches, uris: new Set() };
        speakers.set(key, speaker);
      }
      if (!speaker.nameMatches && !foldForSearch(quote.preview).includes(wanted)) continue;
      speaker.entry.quotes.push({
        uri: summary.uri,
        range: rangeIn(summary, quote),
        preview: quote.preview,
        cue: quote.cue,
        mention: quote.speaker?.text ?? null,
        articleTitle: summary.title,
      });
      speaker.uris.add(summary.uri);
    }
  }
  const listed: SpeakerEntry[] = [];
  for (const { entry, uris } of speakers.values()) {
    if (entry.quotes.length === 0) continue;
    entry.quoteCount = entry.quotes.length;
    entry.articleCount = uris.size;
    listed.push(entry);
  }
  listed.sort((a, b) => b.quoteCount - a.quoteCount || compareNames(a.name, b.name));
  return { speakers: listed };
}
