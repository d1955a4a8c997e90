import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { annotate, clearAnalysisCache } from '../../server/src/analysis/annotate';
import { splitParagraphs, splitParagraphsAround } from '../../server/src/analysis/text/paragraphs';
import { DocumentAnalyses } from '../../server/src/documentAnalyses';
import { nextVersion } from '../../server/src/versionedDocuments';
import { applyEdit, article, edit, editRange } from './arbitraries';
import { countCase } from './properties';

/** Articles one after the other, long enough that a range in the middle is far from both ends. */
const wireFile: fc.Arbitrary<string> = fc
  .tuple(fc.array(article, { minLength: 1, maxLength: 6 }), fc.constantFrom('\n\n', '\r\n\r\n', '\n \n\n', '\n', ' '), fc.integer({ min: 1, max: 40 }))
  .map(([articles, separator, times]) => Array.from({ length: times }, (_, i) => articles[i % articles.length]).join(separator));

describe('property: work done in slices or windows gives the same results', function () {
  it('the paragraphs around a range are the whole-text paragraphs that overlap it (300 cases)', function () {
    fc.assert(
      fc.property(wireFile, fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 20_000 }), (text, at, length) => {
        countCase();
        const start = Math.floor(at * text.length);
        const end = Math.min(text.length, start + length);
        const expected = splitParagraphs(text).filter((p) => p.end >= start && p.start <= end);
        assert.deepEqual(splitParagraphsAround(text, start, end), expected);
      }),
      { numRuns: 300 },
    );
  });

  it('a new document object per version reads like the library document updated in place (200 cases)', function () {
    fc.assert(
      fc.property(article, fc.array(edit, { minLength: 1, maxLength: 6 }), fc.boolean(), (text, edits, countLinesFirst) => {
        countCase();
        const inPlace = TextDocument.create('file:///a.news', 'news', 1, text);
        let versioned = TextDocument.create('file:///a.news', 'news', 1, text);
        let current = text;
        for (const [i, change] of edits.entries()) {
          // With and without line offsets already counted: both paths must give the same document.
          if (countLinesFirst) versioned.positionAt(current.length);
          const { start, end } = editRange(current, change);
          const event = { range: { start: inPlace.positionAt(start), end: inPlace.positionAt(end) }, text: change.insert };
          const previous = versioned;
          versioned = nextVersion(previous, [event], i + 2);
          TextDocument.update(inPlace, [event], i + 2);
          current = applyEdit(current, change);
          assert.notEqual(versioned, previous, 'each version is a new object');
          assert.equal(versioned.version, inPlace.version);
          assert.equal(versioned.getText(), inPlace.getText());
          assert.equal(versioned.lineCount, inPlace.lineCount);
          for (let offset = 0; offset <= inPlace.getText().length; offset += Math.max(1, inPlace.getText().length >> 4)) {
            const position = inPlace.positionAt(offset);
            assert.deepEqual(versioned.positionAt(offset), position);
            assert.equal(versioned.offsetAt(position), inPlace.offsetAt(position));
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('the analysis computed in slices equals annotate() (60 cases)', async function () {
    await fc.assert(
      fc.asyncProperty(wireFile, async (text) => {
        countCase();
        clearAnalysisCache();
        const document = TextDocument.create('file:///sliced.news', 'news', 1, text);
        const sliced = await new DocumentAnalyses().get(document, {}, () => true);
        assert.deepEqual(sliced.analysis, annotate(text));
      }),
      { numRuns: 60 },
    );
  });

  it('a range analysed in slices equals annotate() of that range (60 cases)', async function () {
    await fc.assert(
      fc.asyncProperty(wireFile, fc.double({ min: 0, max: 1, noNaN: true }), async (text, at) => {
        countCase();
        const start = Math.floor(at * text.length);
        const end = Math.min(text.length, start + 3_000);
        const document = TextDocument.create('file:///range.news', 'news', 1, text);
        const analyses = new DocumentAnalyses();
        const sliced = await analyses.getRange(document, {}, start, end);
        assert.deepEqual(sliced.analysis, annotate(text, { range: { start, end } }));
        assert.equal(await analyses.getRange(document, {}, start, end), sliced, 'the same range of the same version is analysed once');
      }),
      { numRuns: 60 },
    );
  });
});
