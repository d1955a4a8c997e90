import assert from 'node:assert/strict';
import fc from 'fast-check';
import { annotate } from '../../server/src/analysis/annotate';
import type { QuoteAnnotation } from '../../server/src/analysis/annotation';
import { exportArticles } from '../../server/src/export/exportArticles';
import { assertBratSlicesText, parseBrat, parseRfc4180 } from '../support/exportFormats';
import { annotateOptions, article } from './arbitraries';
import { countCase } from './properties';

export const EXPORT_CASES = 300;

describe('property: export of hostile articles', function () {
  this.timeout(120_000);

  it(`brat offsets slice the .txt by code points, and the CSV parses back to the quotes (${EXPORT_CASES} cases)`, function () {
    fc.assert(
      fc.property(article, annotateOptions, (text, options) => {
        countCase();
        const analysis = annotate(text, options);
        const [txt, ann] = exportArticles([{ uri: 'case.news', text, analysis }], 'brat');
        assert.equal(txt.content, text);
        assertBratSlicesText(txt.content, parseBrat(ann.content));

        const [csv] = exportArticles([{ uri: 'case.news', text, analysis }], 'csv');
        assert.ok(csv.content.startsWith('\uFEFF'));
        const rows = parseRfc4180(csv.content.slice(1)).slice(1);
        const quotes = analysis.annotations.filter((a): a is QuoteAnnotation => a.type === 'quote');
        assert.deepEqual(
          rows.map((row) => [row[1].replace(/^'(?='*[=+\-@\t\r])/, ''), Number(row[7]), Number(row[8])]),
          quotes.map((quote) => [quote.text, quote.start, quote.end]),
        );
      }),
      { numRuns: EXPORT_CASES },
    );
  });
});
