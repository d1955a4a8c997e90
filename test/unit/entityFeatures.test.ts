import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { MarkupContent } from 'vscode-languageserver-types';
import { annotate } from '../../server/src/analysis/annotate';
import { AnnotationIndex } from '../../server/src/features/annotationIndex';
import { documentHighlights } from '../../server/src/features/documentHighlights';
import { documentSymbols } from '../../server/src/features/documentSymbols';
import { hover } from '../../server/src/features/hover';

const TEXT = [
  'Port strike ends',
  '',
  'Dana Whitfield, the union’s chief negotiator, met Paul Okoye on Monday.',
  '',
  '“We have a deal,” Whitfield said. “The cranes move tomorrow,” she added.',
  '',
  '“It was a long week,” Okoye said.',
].join('\n');

const document = TextDocument.create('file:///port.news', 'news', 1, TEXT);
const index = new AnnotationIndex(annotate(TEXT, { publicationDate: '2024-05-14' }));

function at(text: string, occurrence = 0): { line: number; character: number } {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) offset = TEXT.indexOf(text, offset + 1);
  assert.ok(offset >= 0, text);
  return document.positionAt(offset + 1);
}

function spansOf(highlights: ReturnType<typeof documentHighlights>): string[] {
  return highlights.map((h) => TEXT.slice(document.offsetAt(h.range.start), document.offsetAt(h.range.end)));
}

describe('features: the entity behind each mention', () => {
  it('names each quote in the outline by its person, not by the pronoun', function () {
    const quotes = documentSymbols(document, index).find((s) => s.name === 'Quotes')!;
    assert.deepEqual(
      quotes.children!.map((q) => q.name.split(':')[0]),
      ['Dana Whitfield', 'Dana Whitfield', 'Paul Okoye'],
    );
  });

  it('lists the people of the article in the outline, with their role and quote count', function () {
    const people = documentSymbols(document, index).find((s) => s.name === 'People')!;
    assert.deepEqual(
      people.children!.map((p) => [p.name, p.detail]),
      [
        ['Dana Whitfield', 'chief negotiator · 3 mentions · 2 quotes'],
        ['Paul Okoye', '2 mentions · 1 quote'],
      ],
    );
  });

  it('shows every quote of a person on a hover over any mention of them', function () {
    const card = (hover(document, index, at('Dana Whitfield'))!.contents as MarkupContent).value;
    assert.match(card, /\*\*Dana Whitfield\*\*/);
    assert.match(card, /chief negotiator/);
    assert.match(card, /Quotes credited to her \(2\)/);
    assert.match(card, /We have a deal/);
    assert.match(card, /The cranes move tomorrow/);
  });

  it('shows on a pronoun that speaks who it stands for and all their quotes', function () {
    const card = (hover(document, index, at('she'))!.contents as MarkupContent).value;
    assert.match(card, /she\*\* → Dana Whitfield/);
    assert.match(card, /All quotes credited to Dana Whitfield in this article \(2\)/);
  });

  it('highlights every mention of the speaker’s person, pronouns included', function () {
    const spans = spansOf(documentHighlights(document, index, at('Whitfield said')));
    for (const expected of ['Dana Whitfield', 'Whitfield', 'she']) assert.ok(spans.includes(expected), `${expected} in ${JSON.stringify(spans)}`);
    assert.ok(!spans.includes('Paul Okoye'));
  });
});
