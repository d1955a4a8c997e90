import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { annotate } from '../../server/src/analysis/annotate';
import { summariseArticle } from '../../server/src/workspace/articleSummary';
import { firstEnclosingIndices, type Span } from '../../server/src/workspace/enclosingSpans';
import { article as hostileArticle } from '../property/arbitraries';

/** The lookup the sweep replaces: a scan of the outer list per inner span. */
function simpleLookup(inner: readonly Span[], outer: readonly Span[]): number[] {
  return inner.map((span) => outer.findIndex((holder) => holder.start <= span.start && span.end <= holder.end));
}

/** Spans over a short stretch, so that they often nest, overlap, touch, tie and are empty. */
const span: fc.Arbitrary<Span> = fc.tuple(fc.nat(40), fc.nat(15)).map(([start, length]) => ({ start, end: start + length }));
const byStart = (a: Span, b: Span) => a.start - b.start || a.end - b.end;
const spans = fc.tuple(fc.array(span, { maxLength: 25 }), fc.boolean()).map(([list, sorted]) => (sorted ? [...list].sort(byStart) : list));

describe('firstEnclosingIndices: the first outer span holding each inner span, in one sweep', () => {
  it('answers what findIndex answers, in document order or not, with nested, overlapping and empty spans', () => {
    fc.assert(
      fc.property(spans, spans, (inner, outer) => {
        assert.deepEqual([...firstEnclosingIndices(inner, outer)], simpleLookup(inner, outer));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives -1 where nothing holds a span, and the lower index where two do', () => {
    const outer = [{ start: 0, end: 10 }, { start: 20, end: 40 }, { start: 20, end: 30 }];
    const inner = [{ start: 25, end: 28 }, { start: 12, end: 14 }, { start: 0, end: 10 }, { start: 35, end: 45 }, { start: 10, end: 10 }];
    assert.deepEqual([...firstEnclosingIndices(inner, outer)], [1, -1, 0, -1, 0]);
  });
});

const DATES = ['on Monday', 'March 3, 2022', 'next week', 'in June', 'yesterday', '3 September 2025', 'by 2030'];
const SPEAKERS = ['Anna Schmidt', 'a NASA spokeswoman', 'she', 'Tomas Kjeldsen', 'officials'];
const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);

/** Paragraphs with quotes that hold dates, dates outside quotes, and quotes that span sentences. */
const paragraph: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(pick(DATES), pick(DATES), pick(SPEAKERS), pick(DATES)).map(([a, b, who, when]) => `"We will launch ${a}, and test again ${b}," ${who} said ${when}.`),
  fc.tuple(pick(SPEAKERS), pick(DATES), pick(DATES)).map(([who, when, a]) => `${who} said ${when}: "The review ends ${a}. Then we decide."`),
  fc.tuple(pick(DATES), pick(SPEAKERS)).map(([when, who]) => `NASA delayed the flight ${when}. "No comment," ${who} said.`),
  fc.tuple(pick(DATES), pick(DATES)).map(([a, b]) => `ESA met ${a} and again ${b}.`),
);
const quotedArticle = fc
  .tuple(pick(['2025-03-10', '2022-03-03']), fc.array(paragraph, { minLength: 1, maxLength: 12 }))
  .map(([published, paragraphs]) => `---\ndate: ${published}\n---\n${paragraphs.join('\n\n')}\n`);

describe('summariseArticle: each date points at the quote that holds it', function () {
  this.timeout(60_000);

  it('matches the simple lookup on generated articles', () => {
    let held = 0;
    fc.assert(
      fc.property(fc.oneof(quotedArticle, hostileArticle), (text) => {
        const summary = summariseArticle('file:///generated.news', text, annotate(text));
        const expected = simpleLookup(summary.dates, summary.quotes);
        summary.dates.forEach((date, i) => {
          if (expected[i] < 0) return; // not held: the quote of its paragraph, unchanged code
          held++;
          assert.equal(date.quote, expected[i], `${date.text} at ${date.start}`);
        });
      }),
      { numRuns: 200 },
    );
    assert.ok(held > 100, `only ${held} dates were inside a quote: the generator no longer exercises the lookup`);
  });
});
