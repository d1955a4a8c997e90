import assert from 'node:assert/strict';
import { annotate } from '../../server/src/analysis/annotate';
import type { AnalysisResult, QuoteAnnotation } from '../../server/src/analysis/annotation';
import { annotateJsonLine } from '../../server/src/cli/jsonLine';
import { fragmentsOf } from '../../server/src/export/bratExport';
import { CodePointOffsets } from '../../server/src/export/codePointOffsets';
import { CSV_COLUMNS, csvTextField } from '../../server/src/export/csvExport';
import { exportArticles, type ArticleToExport } from '../../server/src/export/exportArticles';
import { articleBaseName, UniqueNames } from '../../server/src/export/exportFileNames';
import { toPublicAnnotation } from '../../server/src/publicSchema';
import { assertBratSlicesText, parseBrat, parseRfc4180 } from '../support/exportFormats';

const PUBLISHED = '2022-03-10';

/** Invented: an agency with its acronym, relative dates, astral characters before the spans, a quote over two lines. */
const HARBOUR = [
  'date: 2022-03-10',
  '',
  'Harbour pier talks stall 🚧',
  '',
  'The Harbour Development Authority (HDA) said last Thursday that repairs 🚧 on the 𝒩orth pier would slip to 2023.',
  '',
  '"We will not rush the pier, not for anyone," said Ingrid Solberg, the authority\'s director, on Monday. She added: "Safety comes first.\nWe will say more in April."',
  '',
  'The city council met in February.',
].join('\n');

const LAUNCH = [
  'Launch slips again',
  '',
  'The launch, planned by the European Space Agency (ESA) with NASA, will wait until May, NASA said on Tuesday.',
  '',
  '"The vehicle is not ready, and we will not fly it," the agency said in a statement.',
].join('\n');

function article(uri: string, text: string): ArticleToExport {
  return { uri, text, analysis: annotate(text, { publicationDate: PUBLISHED }) };
}

function quotesOf(analysis: AnalysisResult): QuoteAnnotation[] {
  return analysis.annotations.filter((a): a is QuoteAnnotation => a.type === 'quote');
}

/** An analysis written by hand, for cases the analysis itself would not produce on purpose. */
function handMade(text: string, quotes: Array<{ text: string; speaker?: string; cue?: string }>, dates: Array<{ text: string; value: string }> = []): ArticleToExport {
  const annotations: AnalysisResult['annotations'] = [];
  for (const date of dates) {
    const start = text.indexOf(date.text);
    annotations.push({ type: 'date', start, end: start + date.text.length, text: date.text, value: date.value, resolution: 'explicit' });
  }
  for (const quote of quotes) {
    const start = text.indexOf(quote.text);
    const speakerStart = quote.speaker ? text.indexOf(quote.speaker) : -1;
    annotations.push({
      type: 'quote',
      start,
      end: start + quote.text.length,
      text: quote.text,
      speaker: quote.speaker ? { start: speakerStart, end: speakerStart + quote.speaker.length, text: quote.speaker } : null,
      resolved: quote.speaker ?? null,
      resolvedKind: quote.speaker ? 'person' : null,
      cue: quote.cue ?? null,
      kind: 'direct',
    });
  }
  annotations.sort((a, b) => a.start - b.start || a.end - b.end);
  return { uri: 'hand-made.news', text, analysis: { publicationDate: { value: PUBLISHED, source: 'setting' }, annotations, entities: [] } };
}

function only<T>(items: readonly T[]): T {
  assert.equal(items.length, 1);
  return items[0];
}

/** The CSV's rows as records, the formula guard's apostrophe taken off again. */
function csvRecords(content: string): Array<Record<string, string>> {
  assert.ok(content.startsWith('\uFEFF'), 'UTF-8 with a byte order mark');
  const [header, ...rows] = parseRfc4180(content.slice(1));
  assert.deepEqual(header, [...CSV_COLUMNS]);
  return rows.map((row) => {
    assert.equal(row.length, header.length, `every row has ${header.length} fields: ${JSON.stringify(row)}`);
    return Object.fromEntries(header.map((column, i) => [column, row[i].replace(/^'(?='*[=+\-@\t\r])/, '')]));
  });
}

describe('export: JSONL', () => {
  it('writes one line per article in the public schema, the same line --jsonl writes for that article', () => {
    const articles = [article('harbour/pier.news', HARBOUR), article('launch.news', LAUNCH)];
    const file = only(exportArticles(articles, 'jsonl'));
    assert.equal(file.name, 'annotations.jsonl');
    const lines = file.content.split('\n');
    assert.equal(lines.pop(), '', 'every line ends with a newline');
    assert.equal(lines.length, 2);
    lines.forEach((line, i) => {
      assert.deepEqual(JSON.parse(line), { id: articles[i].uri, annotations: articles[i].analysis.annotations.map(toPublicAnnotation) });
      const viaStreamFilter = annotateJsonLine(Buffer.from(JSON.stringify({ id: articles[i].uri, text: articles[i].text, published: PUBLISHED })));
      assert.equal(line, viaStreamFilter.output, 'byte for byte the --jsonl line');
    });
  });
});

describe('export: CSV of quotes', () => {
  it('parses back (RFC 4180) to the same quotes, with speakers, cues, dates of the paragraph and UTF-16 offsets', () => {
    const articles = [article('harbour/pier.news', HARBOUR), article('launch.news', LAUNCH)];
    const file = only(exportArticles(articles, 'csv'));
    assert.equal(file.name, 'quotes.csv');
    assert.ok(file.content.endsWith('\r\n'), 'CRLF after the last row too');
    assert.ok(!/[^\r]\n/.test(file.content.replace(/"(?:[^"]|"")*"/g, '')), 'outside quoted fields, rows end with CRLF only');
    const records = csvRecords(file.content);
    const expected = articles.flatMap(({ uri, analysis }) => quotesOf(analysis).map((quote) => ({ uri, quote })));
    assert.ok(expected.length >= 3, 'the articles have quotes');
    assert.equal(records.length, expected.length, 'one row per quote');
    records.forEach((record, i) => {
      const { uri, quote } = expected[i];
      assert.equal(record.article, uri);
      assert.equal(record.quote, quote.text);
      assert.equal(record['speaker mention'], quote.speaker?.text ?? '');
      assert.equal(record['resolved entity'], quote.resolved ?? '');
      assert.equal(record['resolved kind'], quote.resolvedKind ?? '');
      assert.equal(record.cue, quote.cue ?? '');
      assert.equal(Number(record.start), quote.start);
      assert.equal(Number(record.end), quote.end);
    });
    const twoLines = records.find((record) => record.quote.includes('\n'));
    assert.ok(twoLines, 'a quote over two lines keeps its line break inside the quoted field');
    assert.equal(twoLines.quote, '"Safety comes first.\nWe will say more in April."');
    assert.equal(twoLines['resolved entity'], 'Ingrid Solberg');
    assert.equal(twoLines['dates in paragraph'], 'Monday (2022-03-07); April (2022-04)');
    const launch = records.find((record) => record.article === 'launch.news');
    assert.equal(launch?.['resolved entity'], 'NASA');
    assert.equal(launch?.['dates in paragraph'], '', 'the dates of other paragraphs are not listed');
  });

  it('lists the dates of every paragraph a quote runs over, and only those', () => {
    const text = 'In 2019 the pier opened.\n\nOn Monday she said "the pier\n\nwill close in June," and left.\n\nIn 2024 it reopened.';
    const exported = only(exportArticles([handMade(text, [{ text: '"the pier\n\nwill close in June,"', speaker: 'she' }], [
      { text: '2019', value: '2019' }, { text: 'Monday', value: '2022-03-07' }, { text: 'June', value: '2022-06' }, { text: '2024', value: '2024' },
    ])], 'csv'));
    assert.equal(only(csvRecords(exported.content))['dates in paragraph'], 'Monday (2022-03-07); June (2022-06)');
  });

  it('quotes fields with commas, quotation marks and line breaks, and doubles inner quotation marks', () => {
    assert.equal(csvTextField('plain words'), 'plain words');
    assert.equal(csvTextField('a, b'), '"a, b"');
    assert.equal(csvTextField('say "no"'), '"say ""no"""');
    assert.equal(csvTextField('two\r\nlines'), '"two\r\nlines"');
    assert.equal(csvTextField('one\nline'), '"one\nline"');
  });

  it('guards against formula injection: a cell starting with = + - @ tab or CR gets a leading apostrophe', () => {
    assert.equal(csvTextField('=HYPERLINK("http://example.invalid","x")'), '"\'=HYPERLINK(""http://example.invalid"",""x"")"');
    assert.equal(csvTextField('+1 555'), "'+1 555");
    assert.equal(csvTextField('-2+3'), "'-2+3");
    assert.equal(csvTextField('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvTextField('\t=1'), "'\t=1");
    assert.equal(csvTextField('\r=1'), '"\'\r=1"');
    assert.equal(csvTextField('a=1'), 'a=1', 'only the first character counts');
    assert.equal(csvTextField("'Tis the season"), "'Tis the season", 'an apostrophe before a plain letter stays as it is');
    assert.equal(csvTextField("'=1"), "''=1", 'apostrophes before a formula character get one more, so one always comes off');
    // End to end: a quote the analysis would never start with "=", made by hand.
    const text = '=cmd|calc said -Anna, 2022.';
    const exported = only(exportArticles([handMade(text, [{ text: '=cmd|calc', speaker: '-Anna', cue: 'said' }])], 'csv'));
    const row = parseRfc4180(exported.content.slice(1))[1];
    assert.equal(row[1], "'=cmd|calc");
    assert.equal(row[2], "'-Anna");
    assert.equal(row[7], '0', 'numbers are written as they are');
  });

  it('writes only the header for articles without quotes', () => {
    const exported = only(exportArticles([article('quiet.news', 'NASA met ESA on Monday.')], 'csv'));
    assert.deepEqual(csvRecords(exported.content), []);
  });
});

describe('export: brat standoff', () => {
  it('writes a .txt (the text exactly) and an .ann per article, and the folder’s annotation.conf and visual.conf', () => {
    const files = exportArticles([article('harbour/pier.news', HARBOUR), article('launch.news', LAUNCH)], 'brat');
    assert.deepEqual(files.map((f) => f.name), ['pier.txt', 'pier.ann', 'launch.txt', 'launch.ann', 'annotation.conf', 'visual.conf']);
    assert.equal(files[0].content, HARBOUR);
    assert.equal(files[2].content, LAUNCH);
  });

  it('gives offsets in code points that slice the .txt exactly, past emoji and other astral characters', () => {
    const files = exportArticles([article('pier.news', HARBOUR)], 'brat');
    const txt = files.find((f) => f.name === 'pier.txt')!.content;
    const document = parseBrat(files.find((f) => f.name === 'pier.ann')!.content);
    assertBratSlicesText(txt, document);
    const spans = [...document.textBound.values()];
    const year = spans.find((span) => span.type === 'Date' && span.text === '2023');
    assert.ok(year, 'the date after two astral characters is there');
    assert.equal(year.fragments[0][0], HARBOUR.indexOf('2023') - 3, 'three astral characters before it: three code points fewer than UTF-16 units');
    assert.equal(document.notes.get(year.id), '2023', 'a date’s value as its note');
    const acronym = spans.find((span) => span.type === 'Agency' && span.text === 'HDA')!;
    assert.equal(document.notes.get(acronym.id), 'Harbour Development Authority', 'an agency’s canonical name as its note');
    assert.ok(document.attributes.some((a) => a.target === acronym.id && a.name === 'Category'), 'its category as an attribute');
  });

  it('writes a quote over several lines as one fragment per line, also with CRLF', () => {
    const twoLines = spansOf(article('pier.news', HARBOUR)).find((span) => span.type === 'Quote' && span.fragments.length > 1);
    assert.ok(twoLines, 'the two-line quote');
    assert.equal(twoLines.fragments.length, 2);
    assert.equal(twoLines.text, '"Safety comes first. We will say more in April."', 'the fragments joined by a space, as brat shows them');

    const text = 'On Monday 😀 she said "one\r\ntwo\r\n\r\nthree" and\u2028left.';
    const files = exportArticles([handMade(text, [{ text: '"one\r\ntwo\r\n\r\nthree"', speaker: 'she' }])], 'brat');
    const document = parseBrat(files[1].content);
    assertBratSlicesText(files[0].content, document);
    const quote = [...document.textBound.values()].find((span) => span.type === 'Quote')!;
    assert.equal(quote.fragments.length, 3, 'CR LF is one break, and an empty line gives no fragment');
    assert.equal(quote.text, '"one two three"');
  });

  it('links each quote to its speaker mention with an Attribution relation, and notes who the mention is', () => {
    for (const exported of [article('pier.news', HARBOUR), article('launch.news', LAUNCH)]) {
      const files = exportArticles([exported], 'brat');
      const document = parseBrat(files[1].content);
      const attributed = quotesOf(exported.analysis).filter((quote) => quote.speaker);
      assert.ok(attributed.length > 0);
      assert.equal(document.relations.length, attributed.length, 'one relation per attributed quote');
      for (const relation of document.relations) {
        assert.equal(relation.type, 'Attribution');
        assert.equal(document.textBound.get(relation.arg1)?.type, 'Quote');
        assert.match(document.textBound.get(relation.arg2)!.type, /^(Person|Agency)$/);
      }
      const byText = (text: string) => [...document.textBound.values()].find((span) => span.text === text)!;
      if (exported.uri === 'pier.news') {
        const she = byText('She');
        assert.equal(she.type, 'Person');
        assert.equal(document.notes.get(she.id), 'Ingrid Solberg');
        assert.ok(document.relations.some((r) => r.arg2 === she.id && document.textBound.get(r.arg1)!.text.startsWith('"Safety')));
      } else {
        const agency = byText('the agency');
        assert.equal(agency.type, 'Agency', 'an agency speaking is an Agency span');
        assert.equal(document.notes.get(agency.id), 'NASA');
      }
    }
  });

  it('declares in annotation.conf every type, relation and attribute the .ann files use', () => {
    const files = exportArticles([article('pier.news', HARBOUR), article('launch.news', LAUNCH)], 'brat');
    const conf = files.find((f) => f.name === 'annotation.conf')!.content;
    const sections = new Map<string, string[]>();
    let current = '';
    for (const line of conf.split('\n')) {
      if (/^\[\w+\]$/.test(line)) sections.set((current = line), []);
      else if (line.trim() && !line.startsWith('#')) sections.get(current)!.push(line);
    }
    assert.deepEqual([...sections.keys()], ['[entities]', '[relations]', '[events]', '[attributes]'], 'brat needs all four sections');
    assert.deepEqual(sections.get('[entities]'), ['Agency', 'Date', 'Quote', 'Person']);
    assert.ok(sections.get('[relations]')!.includes('Attribution\tArg1:Quote, Arg2:Person|Agency'));
    const attributeValues = new Map(sections.get('[attributes]')!.map((line) => {
      const [name, args] = line.split('\t');
      return [name, args.replace(/^.*Value:/, '').split('|')] as const;
    }));
    for (const file of files.filter((f) => f.name.endsWith('.ann'))) {
      const document = parseBrat(file.content);
      for (const span of document.textBound.values()) assert.ok(sections.get('[entities]')!.includes(span.type), span.type);
      for (const attribute of document.attributes) assert.ok(attributeValues.get(attribute.name)?.includes(attribute.value), `${attribute.name} ${attribute.value} is declared`);
    }
  });

  it('names the files after the articles, unique within the export', () => {
    const text = 'NASA met ESA on Monday.';
    const names = exportArticles(['a/story.news', 'b/story.news', 'c/Story.article', 'story-2.news', 'file:///home/x/My%20Story.news.md'].map((uri) => article(uri, text)), 'brat')
      .map((file) => file.name)
      .filter((name) => name.endsWith('.txt'));
    assert.deepEqual(names, ['story.txt', 'story-2.txt', 'Story-3.txt', 'story-2-2.txt', 'My Story.txt']);
  });
});

describe('export: names and offsets', () => {
  it('derives a safe base name from a path or URI', () => {
    assert.equal(articleBaseName('/news/2022/pier.news'), 'pier');
    assert.equal(articleBaseName('C:\\news\\pier.news.txt'), 'pier');
    assert.equal(articleBaseName('file:///news/harbour%20pier.article?x=1#top'), 'harbour pier');
    assert.equal(articleBaseName('untitled:Untitled-1'), 'untitled-Untitled-1');
    assert.equal(articleBaseName('notes.pdf'), 'notes.pdf');
    assert.equal(articleBaseName('.hidden.news'), 'hidden');
    assert.equal(articleBaseName('/news/'), 'news');
    assert.equal(articleBaseName(''), 'article');
    const unique = new UniqueNames();
    assert.deepEqual(['a', 'A', 'a', 'b'].map((name) => unique.claim(name)), ['a', 'A-2', 'a-3', 'b']);
  });

  it('converts UTF-16 offsets to code points; a lone surrogate is one of each', () => {
    const text = 'a😀b\uD800c𝒜';
    const offsets = new CodePointOffsets(text);
    assert.deepEqual([0, 1, 3, 4, 5, 6, 8].map((offset) => offsets.of(offset)), [0, 1, 2, 3, 4, 5, 6]);
    assert.equal(offsets.of(text.length), Array.from(text).length);
  });

  it('splits a span at every line break Python’s splitlines knows', () => {
    const text = 'a\nb\r\nc\u2028d\u0085e\rf';
    assert.deepEqual(fragmentsOf(text, 0, text.length).map(([s, e]) => text.slice(s, e)), ['a', 'b', 'c', 'd', 'e', 'f']);
    assert.deepEqual(fragmentsOf('\n\n', 0, 2), []);
  });
});

function spansOf(exported: ArticleToExport) {
  const files = exportArticles([exported], 'brat');
  const document = parseBrat(files[1].content);
  assertBratSlicesText(files[0].content, document);
  return [...document.textBound.values()];
}
