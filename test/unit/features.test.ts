import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisResult, Annotation } from '../../server/src/analysis/annotation';
import { AnnotationIndex } from '../../server/src/features/annotationIndex';
import { describeDistance, describeTimexValue } from '../../server/src/features/dateDescription';
import { documentHighlights } from '../../server/src/features/documentHighlights';
import { findHeadline } from '../../server/src/analysis/text/headline';
import { documentSymbols } from '../../server/src/features/documentSymbols';
import { hover } from '../../server/src/features/hover';
import { encodeSemanticTokens, SEMANTIC_TOKENS_LEGEND, segmentsInRange, semanticTokensDelta, tokenSegments } from '../../server/src/features/semanticTokens';
import { decodeSemanticTokens } from '../support/decodeTokens';

const TEXT = [
  'Agency cuts ties',
  '',
  'On Thursday, NASA said: "We will keep flying with ESA.',
  '',
  '"The station stays safe," it added.',
].join('\n');

function span(text: string, occurrence = 0): { start: number; end: number; text: string } {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) index = TEXT.indexOf(text, index + 1);
  assert.ok(index >= 0, text);
  return { start: index, end: index + text.length, text };
}

function analysis(): AnalysisResult {
  const quote = span('"We will keep flying with ESA.\n\n"The station stays safe,"');
  const annotations: Annotation[] = [
    { type: 'date', ...span('Thursday'), value: '2022-03-03', resolution: 'weekday' },
    { type: 'agency', ...span('NASA'), canonical: 'NASA', category: 'space agency', country: 'United States', source: 'lexicon', aliases: ['National Aeronautics and Space Administration'] },
    { type: 'quote', ...quote, speaker: span('NASA'), resolved: 'NASA', resolvedKind: 'agency', cue: 'said', kind: 'direct' },
    { type: 'agency', ...span('ESA'), canonical: 'European Space Agency', acronym: 'ESA', category: 'space agency', source: 'lexicon' },
  ];
  annotations.sort((a, b) => a.start - b.start);
  return { publicationDate: { value: '2022-03-04', source: 'setting' }, annotations, entities: [] };
}

const document = TextDocument.create('file:///a.news', 'news', 1, TEXT);

describe('semantic tokens', function () {
  it('cut a quote around the mentions inside it and split it at line breaks', function () {
    const segments = tokenSegments(TEXT, analysis());
    const decoded = decodeSemanticTokens(encodeSemanticTokens(document, segments).data, SEMANTIC_TOKENS_LEGEND, TEXT);
    assert.deepEqual(
      decoded.map((t) => [t.line, t.type, t.text]),
      [
        [2, 'date', 'Thursday'],
        [2, 'agency', 'NASA'],
        [2, 'quote', '"We will keep flying with'],
        [2, 'agency', 'ESA'],
        [2, 'quote', '.'],
        [4, 'quote', '"The station stays safe,"'],
      ],
    );
    assert.deepEqual(decoded[0].modifiers, ['relative']);
    assert.deepEqual(decoded[1].modifiers, ['speaker'], 'an agency that speaks keeps the agency type, with the speaker modifier');
  });

  it('never overlap, even when annotations do', function () {
    const result = analysis();
    result.annotations.push({ type: 'date', ...span('NASA said'), value: '2022', resolution: 'explicit' });
    result.annotations.sort((a, b) => a.start - b.start);
    const segments = tokenSegments(TEXT, result);
    for (let i = 1; i < segments.length; i++) assert.ok(segments[i].start >= segments[i - 1].end, 'in order, no overlap');
  });

  it('keep only the segments in a range', function () {
    const segments = tokenSegments(TEXT, analysis());
    const line4 = TEXT.indexOf('"The station');
    assert.deepEqual(segmentsInRange(segments, line4, TEXT.length).map((s) => s.type), ['quote']);
  });

  it('delta edits turn the previous tokens into the current ones', function () {
    const previous = [0, 1, 4, 0, 0, 0, 6, 3, 1, 0, 2, 0, 5, 2, 0];
    const current = [0, 1, 4, 0, 0, 0, 6, 3, 1, 0, 1, 0, 2, 3, 0, 1, 0, 5, 2, 0];
    const delta = semanticTokensDelta(previous, current, '2');
    const applied = [...previous];
    for (const edit of delta.edits) applied.splice(edit.start, edit.deleteCount, ...(edit.data ?? []));
    assert.deepEqual(applied, current);
    assert.equal(delta.edits[0].start % 5, 0);
    assert.deepEqual(semanticTokensDelta(current, current, '3').edits, []);
  });
});

describe('hover', function () {
  const index = new AnnotationIndex(analysis());

  it('on an agency shows its card', function () {
    const result = hover(document, index, document.positionAt(span('ESA').start + 1));
    const value = (result!.contents as { value: string }).value;
    assert.match(value, /\*\*European Space Agency\*\* \(ESA\)/);
    assert.match(value, /space agency/);
    assert.match(value, /Mentions in this article: 1/);
  });

  it('on a speaker lists what it said', function () {
    const value = (hover(document, index, document.positionAt(span('NASA').start))!.contents as { value: string }).value;
    assert.match(value, /Speaker · \*\*NASA\*\*/);
    assert.match(value, /We will keep flying/);
    assert.match(value, /\*space agency\* · United States/, 'a speaker that is an agency also shows its card');
    assert.match(value, /Also known as: National Aeronautics and Space Administration/);
  });

  it('on a weekday shows the resolved date and how', function () {
    const value = (hover(document, index, document.positionAt(span('Thursday').start))!.contents as { value: string }).value;
    assert.match(value, /\*\*Thursday, 3 March 2022\*\* · `2022-03-03`/);
    assert.match(value, /1 day before publication/);
    assert.match(value, /from the newsAnnotator\.publicationDate setting/);
  });

  it('on a quote shows speaker, cue and word count', function () {
    const value = (hover(document, index, document.positionAt(span('station').start))!.contents as { value: string }).value;
    assert.match(value, /Quote · \*\*NASA\*\*/);
    assert.match(value, /Cue: \*said\*/);
    assert.match(value, /10 words/);
  });

  it('elsewhere is empty, also on the character right after a mention', function () {
    assert.equal(hover(document, index, { line: 0, character: 2 }), null);
    assert.equal(hover(document, index, document.positionAt(span('Thursday').end)), null);
  });
});

describe('document symbols', function () {
  it('give the headline, then Agencies, Timeline and Quotes', function () {
    const symbols = documentSymbols(document, new AnnotationIndex(analysis()));
    assert.deepEqual(symbols.map((s) => s.name), ['Agency cuts ties', 'Agencies', 'Timeline', 'Quotes']);
    const agencies = symbols[1].children!;
    assert.deepEqual(agencies.map((a) => a.name), ['NASA', 'European Space Agency']);
    assert.equal(symbols[2].children![0].name, '2022-03-03 · Thursday');
    assert.match(symbols[3].children![0].name, /^NASA: "We will keep flying/);
    for (const group of symbols.slice(1)) {
      for (const child of group.children!) {
        assert.ok(document.offsetAt(child.range.start) >= document.offsetAt(group.range.start));
        assert.ok(document.offsetAt(child.range.end) <= document.offsetAt(group.range.end));
      }
    }
  });

  it('list the first 100 mentions of an agency, then one entry for the rest', function () {
    const text = Array.from({ length: 150 }, () => 'NASA said so.').join('\n');
    const doc = TextDocument.create('file:///many.news', 'news', 1, text);
    const annotations: Annotation[] = [];
    for (let i = 0, at = text.indexOf('NASA'); at >= 0; i++, at = text.indexOf('NASA', at + 1)) {
      annotations.push({ type: 'agency', start: at, end: at + 4, text: 'NASA', canonical: 'NASA', category: 'space agency', source: 'lexicon' });
    }
    const symbols = documentSymbols(doc, new AnnotationIndex({ publicationDate: { value: '2022-03-03', source: 'setting' }, annotations, entities: [] }));
    const nasa = symbols.find((s) => s.name === 'Agencies')!.children![0];
    assert.equal(nasa.detail, 'space agency · 150 mentions');
    assert.equal(nasa.children!.length, 101);
    assert.equal(nasa.children![100].name, '… 50 more');
    assert.equal(nasa.children![100].selectionRange.start.line, 100);
  });

  it('list the first 500 dates of the timeline, then one entry for the later ones', function () {
    const text = Array.from({ length: 520 }, (_, i) => `The board met on ${1 + (i % 28)} March ${1900 + Math.floor(i / 28)}.`).join('\n');
    const doc = TextDocument.create('file:///dates.news', 'news', 1, text);
    const annotations: Annotation[] = [];
    for (const match of text.matchAll(/(\d+) March (\d{4})/g)) {
      const value = `${match[2]}-03-${match[1].padStart(2, '0')}`;
      annotations.push({ type: 'date', start: match.index, end: match.index + match[0].length, text: match[0], value, resolution: 'explicit' });
    }
    const symbols = documentSymbols(doc, new AnnotationIndex({ publicationDate: { value: '2022-03-03', source: 'setting' }, annotations, entities: [] }));
    const timeline = symbols.find((s) => s.name === 'Timeline')!;
    assert.equal(timeline.detail, '520 dates');
    assert.equal(timeline.children!.length, 501);
    assert.equal(timeline.children![499].name, '1917-03-24 · 24 March 1917');
    assert.equal(timeline.children![500].name, '… 20 more');
    assert.equal(timeline.children![500].selectionRange.start.line, 500);
    assert.equal(timeline.children![500].range.end.line, 519);
  });

  it('take no body sentence for a headline', function () {
    assert.equal(findHeadline('Russia on Thursday announced that it is ceasing cooperation.\n\nMore.'), undefined);
    assert.deepEqual(findHeadline('---\ntitle: A title\n---\nBody.')?.text, 'A title');
  });

  it('take no metadata line for a headline', function () {
    assert.equal(findHeadline('published: 2016-10-12\nSource: Wire\n\nCouncil delays the bridge vote\n\nBody.')?.text, 'Council delays the bridge vote');
    assert.equal(findHeadline('date: 2022-03-04\nauthor: A. Writer\n\nThe council met on Friday.'), undefined);
    assert.equal(findHeadline('---\ndate: 2022-03-04\nlang: en\n---\nHarbour reopens after storm\n\nBody.')?.text, 'Harbour reopens after storm');
    assert.equal(findHeadline('Breaking: harbour reopens\n\nBody.')?.text, 'Breaking: harbour reopens', 'a capitalised lead-in is part of the headline');
  });
});

describe('document highlights', function () {
  it('on an agency mark every mention of it', function () {
    const highlights = documentHighlights(document, new AnnotationIndex(analysis()), document.positionAt(span('ESA').start));
    assert.equal(highlights.length, 1);
  });
});

describe('date descriptions', function () {
  it('describe each granularity', function () {
    assert.equal(describeTimexValue('2022-03-03'), 'Thursday, 3 March 2022');
    assert.equal(describeTimexValue('2022-03'), 'March 2022');
    assert.equal(describeTimexValue('2022-W09'), 'week 9 of 2022 (28 Feb – 6 Mar)');
    assert.equal(describeTimexValue('2020-W53'), 'week 53 of 2020 (28 Dec – 3 Jan)');
    assert.equal(describeTimexValue('199'), 'the 1990s');
    assert.equal(describeTimexValue('199X'), 'the 1990s');
    assert.equal(describeTimexValue('20XX'), 'the 21st century');
    assert.equal(describeTimexValue('18'), 'the 19th century');
    assert.equal(describeTimexValue('PAST_REF'), 'the past');
  });

  it('measure the distance from publication', function () {
    const publication = { value: '2022-03-03', source: 'dateline' as const };
    assert.equal(describeDistance('2022-03-03', publication), 'the day of publication');
    assert.equal(describeDistance('2022-02-24', publication), '7 days before publication');
    assert.equal(describeDistance('2022-W10', publication), '1 week after publication');
    assert.equal(describeDistance('2021', publication), '1 year before publication');
  });
});
