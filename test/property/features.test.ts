import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { AnalysisResult } from '../../server/src/analysis/annotation';
import { tokenSegments } from '../../server/src/features/semanticTokens';
import { assertSegmentInvariants } from './invariants';
import { documentHeadMatchesTheDocument, encodedTokensMatchPositions, featureRanges, featuresOverAnyAnalysis } from './properties';

export const FEATURE_RANGE_CASES = 2000;
export const ANY_ANALYSIS_CASES = 4500;
export const DOCUMENT_HEAD_CASES = 1000;
export const TOKEN_POSITION_CASES = 1000;

describe('property: semantic tokens, hovers and the outline', function () {
  this.timeout(120_000);

  it(`stay inside the document for any article (${FEATURE_RANGE_CASES} cases)`, function () {
    fc.assert(featureRanges(), { numRuns: FEATURE_RANGE_CASES });
  });

  it(`stay inside the document for any analysis that keeps the annotation contract (${ANY_ANALYSIS_CASES} cases)`, function () {
    fc.assert(featuresOverAnyAnalysis(), { numRuns: ANY_ANALYSIS_CASES });
  });

  it(`are placed by the head of a document as by the whole document (${DOCUMENT_HEAD_CASES} cases)`, function () {
    fc.assert(documentHeadMatchesTheDocument(), { numRuns: DOCUMENT_HEAD_CASES });
  });

  it(`are encoded where the document places each segment (${TOKEN_POSITION_CASES} cases)`, function () {
    fc.assert(encodedTokensMatchPositions(), { numRuns: TOKEN_POSITION_CASES });
  });

  it('do not overlap when a speaker runs from one quote into the next (found by the property above)', function () {
    const text = '"We stay" and "they go" NASA said.';
    const span = (start: number, end: number) => ({ start, end, text: text.slice(start, end) });
    const analysis: AnalysisResult = {
      publicationDate: { value: '2022-03-03', source: 'setting' },
      annotations: [
        { type: 'quote', ...span(0, 9), speaker: null, resolved: null, resolvedKind: null, cue: null, kind: 'direct' },
        { type: 'quote', ...span(14, 23), speaker: span(7, 17), resolved: null, resolvedKind: null, cue: 'said', kind: 'direct' },
      ],
      entities: [],
    };
    const segments = tokenSegments(text, analysis);
    assertSegmentInvariants(text, segments);
    assert.deepEqual(segments.map((s) => [s.type, text.slice(s.start, s.end)]), [['quote', '"We sta'], ['speaker', 'y" and "th'], ['quote', 'ey go"']]);
  });
});
