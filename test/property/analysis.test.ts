import fc from 'fast-check';
import { annotationRanges, annotationRangesWithCustomAgencies, firstScreenMatchesTheAnalysis, incrementalEqualsFresh } from './properties';

export const ANNOTATION_RANGE_CASES = 2500;
export const CUSTOM_AGENCY_CASES = 300;
export const INCREMENTAL_CASES = 1000;
export const FIRST_SCREEN_CASES = 500;

describe('property: annotate() on hostile articles', function () {
  this.timeout(120_000);

  it(`never throws, and every range is a whole-character slice of the text (${ANNOTATION_RANGE_CASES} cases)`, function () {
    fc.assert(annotationRanges(), { numRuns: ANNOTATION_RANGE_CASES });
  });

  it(`keeps to its ranges with the user's own agencies too (${CUSTOM_AGENCY_CASES} cases)`, function () {
    fc.assert(annotationRangesWithCustomAgencies(), { numRuns: CUSTOM_AGENCY_CASES });
  });

  it(`gives the same result after a run of edits as on a cold cache (${INCREMENTAL_CASES} cases)`, function () {
    fc.assert(incrementalEqualsFresh(), { numRuns: INCREMENTAL_CASES });
  });

  it(`paints a first screen whose dates and quotes are the analysis's own (${FIRST_SCREEN_CASES} cases)`, function () {
    fc.assert(firstScreenMatchesTheAnalysis(), { numRuns: FIRST_SCREEN_CASES });
  });
});
