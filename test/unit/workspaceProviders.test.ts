import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SymbolKind, type Location, type Range } from 'vscode-languageserver-types';
import { annotate } from '../../server/src/analysis/annotate';
import { agencyIndex } from '../../server/src/features/workspace/agencyIndex';
import { definition } from '../../server/src/features/workspace/definition';
import { quotesBySpeaker } from '../../server/src/features/workspace/quotesBySpeaker';
import { references } from '../../server/src/features/workspace/references';
import { timeline } from '../../server/src/features/workspace/timeline';
import { dayString, timexDayRange } from '../../server/src/features/workspace/timexDayRange';
import { topRanked } from '../../server/src/features/workspace/topRanked';
import { prepareWorkspaceSymbols, workspaceSymbols } from '../../server/src/features/workspace/workspaceSymbols';
import { summariseArticle, type ArticleSummaries, type ArticleSummary } from '../../server/src/workspace/articleSummary';

// Three short articles written for these tests, sharing agencies (NASA), a person (Dana Whitfield), two
// different Okoyes and one known only by surname, and days (4 and 5 March 2024). Emoji before mentions
// keep offsets honest: they are two UTF-16 code units each.
const HARBOUR = [
  '---', 'date: 2024-05-14', '---', 'Harbour pact signed', '',
  'OSLO — The German Aerospace Center (DLR) and NASA signed the pact on Monday, March 4, 2024. Dana Whitfield, the union’s chief negotiator, met Paul Okoye in March.',
  '',
  '“We have a deal,” Whitfield said. “The cranes move tomorrow,” she added.',
  '',
  '“It was a long week,” Okoye said on March 5, 2024. DLR said it had recently signed.',
].join('\n');

const LAUNCH = [
  '---', 'date: 2024-03-20', '---', 'Launch slips again 🚀', '',
  '🚀 Roscosmos and NASA said on March 4, 2024 that the launch would slip. “We need more time,” Roscosmos said last week.',
  '',
  '🌊 Dana Whitfield, who leads the dockers’ union, said: “The harbour is ready for the cargo.”',
  '',
  '“The rocket is not,” said Grace Okoye, an engineer at NASA. Spring 2024 looks busy, she said.',
].join('\n');

const CRANES = [
  '---', 'date: 2024-03-06', '---', 'Whitfield wins crane vote', '',
  'Dana Whitfield won the vote on March 5, 2024. Mr. Okoye met the Harbour Development Authority (HDA). “Talks went well,” Mr. Okoye said.',
  '',
  '“The résumé of the talks looks good,” said Renée Lüders, a union adviser.',
  '',
  'The union office was quiet.',
  '',
  '“Nobody will pay for this in the end, believe me, nobody at all.”',
].join('\n');

const TEXTS: Record<string, string> = { 'file:///ws/a.news': HARBOUR, 'file:///ws/b.news': LAUNCH, 'file:///ws/c.news': CRANES };
const A = 'file:///ws/a.news';
const B = 'file:///ws/b.news';
const C = 'file:///ws/c.news';

function summarise(uri: string, text: string): ArticleSummary {
  return summariseArticle(uri, text, annotate(text));
}

class InMemorySummaries implements ArticleSummaries {
  readonly byUri = new Map<string, ArticleSummary>();
  constructor(texts: Record<string, string>) {
    // Deliberately not in uri order: results must not depend on the order the index keeps.
    for (const uri of Object.keys(texts).reverse()) this.byUri.set(uri, summarise(uri, texts[uri]));
  }
  all(): Iterable<ArticleSummary> {
    return this.byUri.values();
  }
  get(uri: string): ArticleSummary | undefined {
    return this.byUri.get(uri);
  }
}

const workspace = new InMemorySummaries(TEXTS);
const documents = new Map(Object.entries(TEXTS).map(([uri, text]) => [uri, TextDocument.create(uri, 'news', 1, text)]));

/** The text a range covers, read back through the LSP position mapping. */
function textAt(uri: string, range: Range): string {
  const document = documents.get(uri)!;
  return document.getText(range);
}

function found(locations: readonly Location[]): string[] {
  return locations.map((location) => `${location.uri.slice(-6)} ${textAt(location.uri, location.range)}`);
}

/** The offset of the `occurrence`th `needle` in the article, plus `into` characters. */
function offsetOf(uri: string, needle: string, occurrence = 0, into = 1): number {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = TEXTS[uri].indexOf(needle, at + 1);
    assert.ok(at >= 0, `${needle} #${occurrence} in ${uri}`);
  }
  return at + into;
}

describe('workspace providers', () => {
  describe('workspace symbols (Ctrl+T)', () => {
    it('lists agencies, people, quotes and dates of every article, named by the article', () => {
      const symbols = workspaceSymbols(workspace, '', 1000);
      const named = (name: string) => symbols.filter((symbol) => symbol.name === name);
      assert.deepEqual(named('German Aerospace Center (DLR)').map((s) => [s.kind, s.containerName]), [[SymbolKind.Class, 'Harbour pact signed']]);
      assert.deepEqual(named('Paul Okoye').map((s) => [s.kind, s.containerName]), [[SymbolKind.Constructor, 'Harbour pact signed']]);
      assert.deepEqual(named('Dana Whitfield: “We have a deal,”').map((s) => s.kind), [SymbolKind.String]);
      assert.deepEqual(named('4 March 2024 — Monday, March 4, 2024').map((s) => [s.kind, s.containerName]), [[SymbolKind.Event, 'Harbour pact signed']]);
      assert.ok(symbols.some((s) => s.name.startsWith('week 11 of 2024') && s.name.endsWith('— last week')));
      assert.ok(symbols.some((s) => s.name === 'Unattributed: “Nobody will pay for this in the end,…'));
      // Every location points at what the symbol is named after.
      for (const symbol of symbols) {
        const location = symbol.location as Location;
        assert.ok(textAt(location.uri, location.range).length > 0, symbol.name);
      }
    });

    it('gives each person and agency one symbol per article, at its first full mention', () => {
      const nasa = workspaceSymbols(workspace, 'nasa', 100).filter((s) => s.name === 'NASA');
      assert.deepEqual(nasa.map((s) => (s.location as Location).uri), [A, B]);
      const whitfield = workspaceSymbols(workspace, 'dana whitfield', 100).filter((s) => s.name === 'Dana Whitfield');
      assert.deepEqual(
        whitfield.map((s) => [(s.location as Location).uri, textAt((s.location as Location).uri, (s.location as Location).range)]),
        [[A, 'Dana Whitfield'], [B, 'Dana Whitfield'], [C, 'Dana Whitfield']],
      );
      // In the third article the headline names her by surname first; the symbol is at her full name.
      assert.equal((whitfield[2].location as Location).range.start.line, 5);
    });

    it('matches fuzzily, ignoring case and accents: "roscos", "dlr", "luders"', () => {
      assert.equal(workspaceSymbols(workspace, 'roscos', 10)[0].name, 'Roscosmos');
      assert.equal(workspaceSymbols(workspace, 'DLR', 10)[0].name, 'German Aerospace Center (DLR)');
      assert.equal(workspaceSymbols(workspace, 'gac', 10)[0].name, 'German Aerospace Center (DLR)');
      assert.equal(workspaceSymbols(workspace, 'luders', 10)[0].name, 'Renée Lüders');
      assert.equal(workspaceSymbols(workspace, ' renee  LUDERS ', 10)[0].name, 'Renée Lüders');
      assert.deepEqual(workspaceSymbols(workspace, 'xqz', 10), []);
    });

    it('ranks the whole name, then its start, then a word start, then scattered letters; then by name', () => {
      const names = workspaceSymbols(workspace, 'okoye', 20).map((s) => s.name);
      assert.equal(names[0], 'Okoye');
      assert.equal(names[1], 'Okoye: “Talks went well,”');
      assert.deepEqual(names.slice(2, 6), ['Grace Okoye', 'Grace Okoye: “The rocket is not,”', 'Paul Okoye', 'Paul Okoye: “It was a long week,”']);
      // "nasa" is the whole name of NASA but only scattered letters elsewhere.
      const nasa = workspaceSymbols(workspace, 'nasa', 20).map((s) => s.name);
      assert.deepEqual(nasa.slice(0, 2), ['NASA', 'NASA']);
    });

    it('returns at most `limit` symbols, the empty query too', () => {
      assert.equal(workspaceSymbols(workspace, '', 5).length, 5);
      assert.equal(workspaceSymbols(workspace, 'a', 3).length, 3);
      const all = workspaceSymbols(workspace, '', 1000);
      assert.deepEqual(workspaceSymbols(workspace, '', 5).map((s) => s.name), all.slice(0, 5).map((s) => s.name));
    });

    it('follows a summary replaced after its article changed', () => {
      const changing = new InMemorySummaries({ [C]: CRANES });
      assert.equal(workspaceSymbols(changing, 'kestrel', 10).length, 0);
      const changed = summarise(C, CRANES.replace('Harbour Development Authority (HDA)', 'Kestrel Harbour Board (KHB)'));
      prepareWorkspaceSymbols(changed);
      changing.byUri.set(C, changed);
      assert.equal(workspaceSymbols(changing, 'kestrel', 10)[0].name, 'Kestrel Harbour Board (KHB)');
    });
  });

  describe('references (Shift+F12)', () => {
    it('finds every mention of an agency across articles, sorted by article then position', () => {
      assert.deepEqual(found(references(workspace, A, offsetOf(A, 'NASA'), true)), ['a.news NASA', 'b.news NASA', 'b.news NASA']);
      assert.deepEqual(found(references(workspace, A, offsetOf(A, 'DLR', 1), true)), [
        'a.news German Aerospace Center', 'a.news DLR', 'a.news DLR',
      ]);
    });

    it('goes from a speaker mention to every mention of the person it stands for', () => {
      assert.deepEqual(found(references(workspace, A, offsetOf(A, 'she added'), true)), [
        'a.news Dana Whitfield', 'a.news Whitfield', 'a.news she', 'b.news Dana Whitfield', 'c.news Whitfield', 'c.news Dana Whitfield',
      ]);
    });

    it('matches people by full name: another Okoye, or one known only by surname, is someone else', () => {
      assert.deepEqual(found(references(workspace, A, offsetOf(A, 'Paul Okoye'), true)), ['a.news Paul Okoye', 'a.news Okoye']);
      assert.deepEqual(found(references(workspace, C, offsetOf(C, 'Okoye'), true)), ['c.news Okoye', 'c.news Okoye']);
      assert.deepEqual(found(references(workspace, B, offsetOf(B, 'Grace Okoye'), true)), ['b.news Grace Okoye']);
    });

    it('leaves out the declaration in the article asked from when asked to, not in the others', () => {
      assert.deepEqual(found(references(workspace, B, offsetOf(B, 'NASA'), false)), ['a.news NASA', 'b.news NASA']);
      assert.deepEqual(found(references(workspace, C, offsetOf(C, 'Whitfield'), false)), [
        'a.news Dana Whitfield', 'a.news Whitfield', 'a.news she', 'b.news Dana Whitfield', 'c.news Whitfield',
      ]);
    });

    it('finds every mention of the same day; a month matches only the same month', () => {
      assert.deepEqual(found(references(workspace, A, offsetOf(A, 'March 4'), true)), ['a.news Monday, March 4, 2024', 'b.news March 4, 2024']);
      assert.deepEqual(found(references(workspace, C, offsetOf(C, 'March 5'), true)), ['a.news March 5, 2024', 'c.news March 5, 2024']);
      assert.deepEqual(found(references(workspace, A, offsetOf(A, 'in March', 0, 4), true)), ['a.news March']);
      assert.deepEqual(found(references(workspace, A, offsetOf(A, 'March 5'), false)), ['c.news March 5, 2024']);
    });

    it('finds nothing for a vague time, plain words or an unknown article', () => {
      assert.deepEqual(references(workspace, A, offsetOf(A, 'recently'), true), []);
      assert.deepEqual(references(workspace, A, offsetOf(A, 'signed the pact'), true), []);
      assert.deepEqual(references(workspace, 'file:///ws/none.news', 0, true), []);
    });

    it('finds a speaker that only its quotes name, in this article and the next', () => {
      const first = 'Budget row\n\n“The figures do not add up at all,” PolitiFact wrote on Monday.';
      const second = 'Second count\n\nA day later PolitiFact wrote: “The second count is closer to the truth.”';
      const checkers = new InMemorySummaries({ 'file:///ws/p1.news': first, 'file:///ws/p2.news': second });
      const located = references(checkers, 'file:///ws/p1.news', first.indexOf('PolitiFact') + 1, true);
      assert.deepEqual(
        located.map((l) => [l.uri, l.range.start.line]),
        [['file:///ws/p1.news', 2], ['file:///ws/p2.news', 2]],
      );
      assert.equal(located[1].range.start.character, 'A day later '.length);
      assert.equal(definition(checkers.get('file:///ws/p1.news')!, first.indexOf('PolitiFact') + 1), null);
    });

    it('answers with the cursor just after a word, and keeps UTF-16 offsets after emoji', () => {
      const afterRoscosmos = offsetOf(B, 'Roscosmos', 0, 'Roscosmos'.length);
      const locations = references(workspace, B, afterRoscosmos, true);
      assert.deepEqual(found(locations), ['b.news Roscosmos', 'b.news Roscosmos']);
      // "🚀 " is three code units: Roscosmos starts at character 3 of its line.
      assert.deepEqual(locations[0].range, { start: { line: 5, character: 3 }, end: { line: 5, character: 12 } });
    });
  });

  describe('definition (F12)', () => {
    const summaryOf = (uri: string) => workspace.get(uri)!;

    it('goes from any mention to the first full mention in this article', () => {
      const target = definition(summaryOf(A), offsetOf(A, 'she added'))!;
      assert.equal(textAt(target.uri, target.range), 'Dana Whitfield');
      assert.equal(target.range.start.line, 5);
      // The headline names her by surname; F12 on it goes to her full name in the text.
      const fromHeadline = definition(summaryOf(C), offsetOf(C, 'Whitfield'))!;
      assert.deepEqual([textAt(C, fromHeadline.range), fromHeadline.range.start.line], ['Dana Whitfield', 5]);
      const fromAcronym = definition(summaryOf(A), offsetOf(A, 'DLR said'))!;
      assert.equal(textAt(A, fromAcronym.range), 'German Aerospace Center');
    });

    it('is null on a date and on plain words', () => {
      assert.equal(definition(summaryOf(A), offsetOf(A, 'March 4')), null);
      assert.equal(definition(summaryOf(A), offsetOf(A, 'signed the pact')), null);
    });
  });

  describe('timeline', () => {
    const entries = timeline(workspace.all()).entries;

    it('orders every dated mention by day, a longer period before the days inside it, then article and position', () => {
      assert.deepEqual(
        entries.map((e) => `${e.value} ${e.uri.slice(-6)} ${e.text}`),
        [
          '2024-SP b.news Spring 2024',
          '2024-03 a.news March',
          '2024-03-04 a.news Monday, March 4, 2024',
          '2024-03-04 b.news March 4, 2024',
          '2024-03-05 a.news March 5, 2024',
          '2024-03-05 c.news March 5, 2024',
          '2024-W11 b.news last week',
          '2024-05-15 a.news tomorrow',
          'PAST_REF a.news recently',
        ],
      );
    });

    it('gives each entry its days, its value in words, the article, its quote and its agencies', () => {
      const tomorrow = entries.find((e) => e.text === 'tomorrow')!;
      assert.equal(tomorrow.label, 'Wednesday, 15 May 2024');
      assert.deepEqual([tomorrow.from, tomorrow.to], ['2024-05-15', '2024-05-15']);
      assert.equal(tomorrow.articleTitle, 'Harbour pact signed');
      assert.equal(textAt(A, tomorrow.range), 'tomorrow');
      assert.equal(tomorrow.quote!.speaker, 'Dana Whitfield');
      assert.equal(textAt(A, tomorrow.quote!.location.range), '“The cranes move tomorrow,”');
      const week = entries.find((e) => e.value === '2024-W11')!;
      assert.deepEqual([week.from, week.to], ['2024-03-11', '2024-03-17']);
      assert.deepEqual(week.agencies, ['Roscosmos', 'NASA']);
      assert.equal(week.quote!.speaker, 'Roscosmos');
      const spring = entries.find((e) => e.value === '2024-SP')!;
      assert.deepEqual([spring.label, spring.from, spring.to], ['spring 2024', '2024-03-01', '2024-05-31']);
      const recently = entries.find((e) => e.value === 'PAST_REF')!;
      assert.deepEqual([recently.from, recently.to, recently.label], [null, null, 'the past']);
    });

    it('keeps UTF-16 positions after emoji', () => {
      const launch = entries.find((e) => e.text === 'March 4, 2024')!;
      assert.equal(textAt(B, launch.range), 'March 4, 2024');
      assert.equal(launch.range.start.character, LAUNCH.split('\n')[5].indexOf('March 4'));
    });
  });

  describe('who said what', () => {
    it('groups quotes by resolved speaker across articles, most quotes first, then by name', () => {
      const speakers = quotesBySpeaker(workspace.all()).speakers;
      assert.deepEqual(
        speakers.map((s) => [s.name, s.kind, s.quoteCount, s.articleCount]),
        [
          ['Dana Whitfield', 'person', 3, 2],
          ['Grace Okoye', 'person', 1, 1],
          ['Okoye', 'person', 1, 1],
          ['Paul Okoye', 'person', 1, 1],
          ['Renée Lüders', 'person', 1, 1],
          ['Roscosmos', 'agency', 1, 1],
        ],
      );
      const whitfield = speakers[0];
      assert.deepEqual(
        whitfield.quotes.map((q) => [q.uri, q.mention, q.cue, textAt(q.uri, q.range)]),
        [
          [A, 'Whitfield', 'said', '“We have a deal,”'],
          [A, 'she', 'added', '“The cranes move tomorrow,”'],
          [B, 'Dana Whitfield', 'said', '“The harbour is ready for the cargo.”'],
        ],
      );
      assert.equal(whitfield.quotes[2].articleTitle, 'Launch slips again 🚀');
    });

    it('filters by the speaker name or the words of a quote, ignoring case and accents', () => {
      const byName = quotesBySpeaker(workspace.all(), 'WHITFIELD').speakers;
      assert.deepEqual(byName.map((s) => [s.name, s.quoteCount]), [['Dana Whitfield', 3]]);
      const byWords = quotesBySpeaker(workspace.all(), 'cargo').speakers;
      assert.deepEqual(byWords.map((s) => [s.name, s.quoteCount, s.quotes[0].preview]), [['Dana Whitfield', 1, '“The harbour is ready for the cargo.”']]);
      assert.deepEqual(quotesBySpeaker(workspace.all(), 'resume').speakers.map((s) => s.name), ['Renée Lüders']);
      assert.deepEqual(quotesBySpeaker(workspace.all(), 'lüders').speakers.map((s) => s.name), ['Renée Lüders']);
      assert.deepEqual(quotesBySpeaker(workspace.all(), 'no such words').speakers, []);
    });
  });

  describe('agencies', () => {
    it('lists each agency with its articles and mention counts, most mentioned first, then by name', () => {
      const agencies = agencyIndex(workspace.all()).agencies;
      assert.deepEqual(
        agencies.map((a) => [a.name, a.category, a.mentionCount, a.articles.map((article) => `${article.uri.slice(-6)}:${article.mentionCount}`)]),
        [
          ['German Aerospace Center', 'space agency', 3, ['a.news:3']],
          ['NASA', 'space agency', 3, ['a.news:1', 'b.news:2']],
          ['Harbour Development Authority', agencies[2].category, 2, ['c.news:2']],
          ['Roscosmos', 'space agency', 2, ['b.news:2']],
        ],
      );
      const nasaInLaunch = agencies[1].articles[1];
      assert.deepEqual([nasaInLaunch.articleTitle, textAt(B, nasaInLaunch.range)], ['Launch slips again 🚀', 'NASA']);
    });

    it('filters by name or acronym, ignoring case', () => {
      assert.deepEqual(agencyIndex(workspace.all(), 'dlr').agencies.map((a) => a.name), ['German Aerospace Center']);
      assert.deepEqual(agencyIndex(workspace.all(), 'Harbour').agencies.map((a) => a.name), ['Harbour Development Authority']);
      assert.deepEqual(agencyIndex(workspace.all(), 'nothing like it').agencies, []);
    });
  });

  describe('helpers', () => {
    const days = (value: string) => {
      const range = timexDayRange(value);
      return range && [dayString(range.from), dayString(range.to)];
    };

    it('turns every kind of TIMEX value into its first and last day', () => {
      assert.deepEqual(days('2024-02-29'), ['2024-02-29', '2024-02-29']);
      assert.deepEqual(days('2024-03-04TMO'), ['2024-03-04', '2024-03-04']);
      assert.deepEqual(days('2024-02'), ['2024-02-01', '2024-02-29']);
      assert.deepEqual(days('2023-02'), ['2023-02-01', '2023-02-28']);
      assert.deepEqual(days('2021-W01'), ['2021-01-04', '2021-01-10']);
      assert.deepEqual(days('2020-W53'), ['2020-12-28', '2021-01-03']);
      assert.deepEqual(days('2024-W11-WE'), ['2024-03-16', '2024-03-17']);
      assert.deepEqual(days('2024-Q4'), ['2024-10-01', '2024-12-31']);
      assert.deepEqual(days('2024-H1'), ['2024-01-01', '2024-06-30']);
      assert.deepEqual(days('2023-WI'), ['2023-12-01', '2024-02-29']);
      assert.deepEqual(days('2024-FA'), ['2024-09-01', '2024-11-30']);
      assert.deepEqual(days('2024'), ['2024-01-01', '2024-12-31']);
      assert.deepEqual(days('199'), ['1990-01-01', '1999-12-31']);
      assert.deepEqual(days('19'), ['1900-01-01', '1999-12-31']);
      for (const vague of ['PAST_REF', 'PRESENT_REF', 'FUTURE_REF', '2024-02-30', '2024-13', 'XXXX-03']) assert.equal(timexDayRange(vague), null, vague);
    });

    it('keeps the best items of many in order, as a full sort would', () => {
      const numbers = Array.from({ length: 1000 }, (_, i) => (i * 7919) % 1000);
      const byValue = (a: number, b: number) => a - b;
      assert.deepEqual(topRanked(numbers, 10, byValue), [...numbers].sort(byValue).slice(0, 10));
      assert.deepEqual(topRanked(numbers.slice(0, 3), 10, byValue), [...numbers.slice(0, 3)].sort(byValue));
      assert.deepEqual(topRanked(numbers, 0, byValue), []);
    });
  });
});
