import { annotate, clearAnalysisCache } from '../../server/src/analysis/annotate';
import { assertAnalysisInvariants } from './invariants';

/**
 * Runs of one short piece, 100,000 characters long: the shapes that make scanners go quadratic
 * (every position a trigger, no space to stop at, thousands of candidates in one paragraph).
 * Mocha's timeout is the only clock here: it catches a hang, not a slow run.
 */
const RUN_LENGTH = 100_000;

function checkRun(piece: string): void {
  clearAnalysisCache();
  const text = piece.repeat(Math.ceil(RUN_LENGTH / piece.length));
  assertAnalysisInvariants(text, annotate(text));
}

const PIECES = [
  'a', '"', '“', '«', "'", '‚', '``', 'Capital ', 'NASA ', 'March 3, ', '(', ')', 'said ', 'U.S. ', 'A.', '"a" ', '“a” ', '‘a’ ',
  'he said. ', 'Dr. Smith ', 'WASHINGTON ', '2022 ', '1 ', '12:30 ', '-', ':', 'the European Space Agency (ESA) ', '🚀', 'e\u0301',
  // No whitespace and a date trigger at every character: once quadratic in dates.ts (each trigger widened to a space).
  '1', 'x1', '1.',
  '\u200B', '\uD800', '\r', '\r\n', ' \n', '\u0000',
];

describe('pathological runs', function () {
  this.timeout(120_000);

  for (const piece of PIECES) {
    it(`annotates ${JSON.stringify(piece)} repeated to ${RUN_LENGTH} characters, and every range holds`, function () {
      checkRun(piece);
    });
  }
});
