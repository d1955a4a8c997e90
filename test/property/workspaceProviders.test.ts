import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { Location, Range } from 'vscode-languageserver-types';
import { annotate } from '../../server/src/analysis/annotate';
import { agencyIndex } from '../../server/src/features/workspace/agencyIndex';
import { definition } from '../../server/src/features/workspace/definition';
import { quotesBySpeaker } from '../../server/src/features/workspace/quotesBySpeaker';
import { references } from '../../server/src/features/workspace/references';
import { timeline } from '../../server/src/features/workspace/timeline';
import { workspaceSymbols } from '../../server/src/features/workspace/workspaceSymbols';
import { summariseArticle, type ArticleSummary } from '../../server/src/workspace/articleSummary';
import { article } from './arbitraries';
import { assertRange, linesOf } from './invariants';
import { countCase } from './properties';

export const WORKSPACE_PROVIDER_CASES = 300;

describe('property: the workspace providers over hostile articles', function () {
  this.timeout(120_000);

  it(`never throw, keep every range inside its article and whole characters, and order the timeline (${WORKSPACE_PROVIDER_CASES} cases)`, function () {
    const query = fc.oneof(fc.constantFrom('', 'a', 'nasa', 'ö', '🚀', ' '), fc.string({ unit: 'grapheme', maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(article, { minLength: 1, maxLength: 3 }), query, fc.array(fc.nat(), { maxLength: 6 }), (texts, wanted, offsets) => {
        countCase();
        const byUri = new Map<string, { text: string; lines: string[]; summary: ArticleSummary }>();
        texts.forEach((text, i) => {
          const uri = `file:///property-${i}.news`;
          byUri.set(uri, { text, lines: linesOf(text), summary: summariseArticle(uri, text, annotate(text)) });
        });
        const summaries = { all: () => [...byUri.values()].map((entry) => entry.summary), get: (uri: string) => byUri.get(uri)?.summary };
        const check = (uri: string, range: Range, what: string) => {
          const entry = byUri.get(uri);
          assert.ok(entry, `${what}: known article ${uri}`);
          assertRange(entry.text, entry.lines, range, what);
        };
        const checkLocation = (location: Location, what: string) => check(location.uri, location.range, what);

        for (const symbol of workspaceSymbols(summaries, wanted, 50)) checkLocation(symbol.location as Location, `symbol ${symbol.name}`);
        for (const [uri, { text, summary }] of byUri) {
          // Probe random offsets and the edges of everything the summary holds.
          const probes = offsets.map((offset) => offset % (text.length + 1));
          for (const entity of summary.entities) for (const mention of entity.mentions.slice(0, 5)) probes.push(mention.start, mention.end);
          for (const date of summary.dates.slice(0, 10)) probes.push(date.start, date.end);
          for (const quote of summary.quotes.slice(0, 10)) if (quote.speaker) probes.push(quote.speaker.start);
          for (const probe of probes) {
            for (const include of [true, false]) {
              const found = references(summaries, uri, probe, include);
              found.forEach((location) => checkLocation(location, 'reference'));
              const sorted = [...found].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character));
              assert.deepEqual(found, sorted, 'references sorted by article and position');
            }
            const target = definition(summary, probe);
            if (target) {
              assert.equal(target.uri, uri, 'a definition is in the same article');
              checkLocation(target, 'definition');
            }
          }
        }

        const entries = timeline(summaries.all()).entries;
        for (const entry of entries) {
          checkLocation(entry, 'timeline entry');
          if (entry.quote) checkLocation(entry.quote.location, 'timeline quote');
        }
        for (let i = 1; i < entries.length; i++) {
          const [a, b] = [entries[i - 1], entries[i]];
          if (a.from === null) assert.equal(b.from, null, 'dates off the calendar come last');
          else if (b.from !== null) {
            assert.ok(a.from <= b.from, `by first day: ${a.value} before ${b.value}`);
            if (a.from === b.from) assert.ok(a.to! >= b.to!, `the longer first: ${a.value} before ${b.value}`);
          }
        }
        for (const speaker of quotesBySpeaker(summaries.all(), wanted).speakers) {
          assert.equal(speaker.quoteCount, speaker.quotes.length);
          speaker.quotes.forEach((quote) => checkLocation(quote, 'quote'));
        }
        for (const agency of agencyIndex(summaries.all(), wanted).agencies) {
          assert.equal(agency.mentionCount, agency.articles.reduce((sum, a) => sum + a.mentionCount, 0));
          agency.articles.forEach((a) => check(a.uri, a.range, 'agency article'));
        }
      }),
      { numRuns: WORKSPACE_PROVIDER_CASES },
    );
  });
});
