import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  correctValues,
  countStrictMatches,
  dropNeutral,
  goldSpeakerHeads,
  headWord,
  matchSpans,
  overlappingPairs,
  prf,
  scoreSpans,
  speakerAgrees,
  speakerOutcomes,
} from '../../eval/metrics';
import { ErrorLog, inContext, mentionKind, quoteShape, valueErrorKind } from '../../eval/errors';

const span = (start: number, end: number) => ({ start, end });

describe('eval metrics: precision, recall, F1', () => {
  it('computes the usual ratios', () => {
    const { precision, recall, f1 } = prf(3, 4, 6);
    assert.equal(precision, 0.5);
    assert.equal(recall, 0.75);
    assert.equal(f1, 0.6);
  });

  it('scores empty denominators as 0, not NaN', () => {
    assert.deepEqual(prf(0, 0, 0), { precision: 0, recall: 0, f1: 0 });
    assert.deepEqual(prf(0, 5, 0), { precision: 0, recall: 0, f1: 0 });
  });
});

describe('eval metrics: span matching', () => {
  it('counts exact matches once per system span', () => {
    assert.equal(countStrictMatches([span(0, 5), span(10, 15)], [span(0, 5), span(10, 14)]), 1);
    assert.equal(countStrictMatches([span(0, 5), span(0, 5)], [span(0, 5)]), 1);
  });

  it('finds every overlapping pair and no touching ones', () => {
    const gold = [span(0, 5), span(10, 20), span(30, 40)];
    const system = [span(5, 10), span(3, 12), span(15, 35), span(50, 60)];
    const pairs = overlappingPairs(gold, system).map(([g, s]) => `${g}-${s}`).sort();
    assert.deepEqual(pairs, ['0-1', '1-1', '1-2', '2-2']);
  });

  it('finds the same overlapping pairs as a brute-force comparison', () => {
    const spanArb = fc.tuple(fc.nat(60), fc.integer({ min: 1, max: 15 })).map(([start, length]) => span(start, start + length));
    fc.assert(
      fc.property(fc.array(spanArb, { maxLength: 12 }), fc.array(spanArb, { maxLength: 12 }), (gold, system) => {
        const expected: string[] = [];
        gold.forEach((g, gi) => system.forEach((s, si) => g.start < s.end && s.start < g.end && expected.push(`${gi}-${si}`)));
        const actual = overlappingPairs(gold, system).map(([g, s]) => `${g}-${s}`);
        assert.deepEqual(actual.sort(), expected.sort());
      }),
    );
  });

  it('pairs one long system span with one of the two gold spans it covers', () => {
    const { goldToSystem, systemToGold } = matchSpans([span(0, 10), span(12, 30)], [span(0, 30)]);
    assert.deepEqual(systemToGold, [1], 'the larger overlap wins');
    assert.deepEqual(goldToSystem, [-1, 0]);
  });

  it('prefers an exact match over a larger overlap', () => {
    const { goldToSystem } = matchSpans([span(10, 20)], [span(0, 40), span(10, 20)]);
    assert.deepEqual(goldToSystem, [1]);
  });

  it('reports strict and relaxed counts together', () => {
    const gold = [span(0, 10), span(20, 30), span(40, 50)];
    const system = [span(0, 10), span(22, 35), span(60, 70)];
    const { counts } = scoreSpans(gold, system);
    assert.deepEqual(counts, { gold: 3, system: 3, strict: 1, relaxed: 2 });
  });

  it('drops system spans that only touch a neutral gold region', () => {
    const gold = [span(0, 10)];
    const neutral = [span(20, 30), span(5, 12)];
    const system = [span(0, 10), span(22, 25), span(40, 45)];
    assert.deepEqual(dropNeutral(system, gold, neutral), [span(0, 10), span(40, 45)]);
  });
});

describe('eval metrics: date values', () => {
  it('accepts any overlapping system date with exactly the gold value', () => {
    const gold = [
      { ...span(0, 10), value: '1998-08-07' },
      { ...span(20, 30), value: '1998-W32' },
      { ...span(40, 50), value: 'PAST_REF' },
    ];
    const system = [
      { ...span(0, 6), value: '1998-08-06' },
      { ...span(4, 10), value: '1998-08-07' },
      { ...span(20, 30), value: '1998-08' },
    ];
    assert.deepEqual(correctValues(gold, system), [1, -1, -1]);
  });

  it('describes value errors by shape and day offset', () => {
    assert.equal(valueErrorKind('1998-08-07', '1998-08-14'), 'YYYY-MM-DD off by +7 days');
    assert.equal(valueErrorKind('1998-08-07', '1998-07-31'), 'YYYY-MM-DD off by -7 days');
    assert.equal(valueErrorKind('1998-W32', '1998-08'), 'YYYY-WNN → YYYY-NN');
  });
});

describe('eval metrics: quote speakers', () => {
  const speaker = (start: number, end: number, text: string) => ({ start, end, text });

  it('takes the last word, without punctuation or possessive, as the head', () => {
    assert.equal(headWord('the State Department,'), 'department');
    assert.equal(headWord("the senator's"), 'senator');
    assert.equal(headWord('  '), null);
  });

  it('accepts a name inside an appositive gold phrase, not a possessive or an article', () => {
    assert.deepEqual([...goldSpeakerHeads('Maria Lopez, the former mayor of the city')].sort(), ['lopez', 'maria', 'mayor']);
    assert.deepEqual([...goldSpeakerHeads('the governor’s two closest aides in the capital')], ['aides']);
    assert.ok(goldSpeakerHeads('Former Secretary of State Ann Lee').has('lee'), 'a preposition inside a title');
    assert.deepEqual(
      [...goldSpeakerHeads('a retired judge -- Tom Reyes, who ran against Ortiz --')].sort(),
      ['judge', 'reyes', 'tom'],
    );
    assert.deepEqual([...goldSpeakerHeads('Former Ohio Gov. Dana Whitfield')].sort(), ['dana', 'ohio', 'whitfield']);
    assert.deepEqual([...goldSpeakerHeads('she')], ['she']);
  });

  it('agrees on overlapping offsets or a shared head word', () => {
    const gold = speaker(100, 125, 'Senator Ruth Okafor, who chairs the panel');
    assert.ok(speakerAgrees(gold, speaker(108, 112, 'Ruth')), 'overlap');
    assert.ok(speakerAgrees(gold, speaker(300, 306, 'Okafor')), 'same name elsewhere');
    assert.ok(!speakerAgrees(gold, speaker(300, 309, 'the mayor')));
    assert.ok(!speakerAgrees(gold, null));
  });

  it('classifies each gold quote with a speaker', () => {
    const gold = [
      { ...span(0, 20), speaker: speaker(25, 27, 'he') },
      { ...span(40, 60), speaker: speaker(62, 65, 'she') },
      { ...span(80, 90), speaker: speaker(70, 75, 'Smith') },
      { ...span(100, 110), speaker: speaker(112, 117, 'Jones') },
      { ...span(120, 130), speaker: null },
    ];
    const system = [
      { ...span(0, 20), speaker: speaker(25, 27, 'he') },
      { ...span(41, 59), speaker: null },
      { ...span(80, 90), speaker: speaker(92, 97, 'Brown') },
      { ...span(120, 130), speaker: speaker(132, 134, 'it') },
    ];
    assert.deepEqual(
      speakerOutcomes(gold, system).map((o) => o && o.outcome),
      ['correct', 'no-speaker', 'wrong-speaker', 'quote-missed', null],
    );
  });
});

describe('eval error listings', () => {
  it('shows a span in one line of context', () => {
    const text = 'First line.\nThe agency said on Monday that it agreed.';
    const start = text.indexOf('Monday');
    assert.equal(inContext(text, span(start, start + 6), 25), '…line. ¶ The agency said on ⟦Monday⟧ that it agreed.');
    assert.equal(inContext(text, span(start, start + 6), 4), '… on ⟦Monday⟧ tha…');
  });

  it('tells pronouns, names and other noun phrases apart', () => {
    assert.equal(mentionKind('She'), 'pronoun');
    assert.equal(mentionKind('the European Space Agency'), 'name');
    assert.equal(mentionKind('Gov. Dana Whitfield'), 'name');
    assert.equal(mentionKind('a spokeswoman for the agency'), 'noun phrase');
  });

  it('groups quotes by their marks and length', () => {
    assert.equal(quoteShape('“a plan”'), 'opens “, closes ”, 1–3 words');
    assert.equal(quoteShape('"We will keep flying, as we always have'), 'opens ", closes no mark, 4–15 words');
  });
});

describe('eval error log', () => {
  it('groups misses by lower-cased surface text, most frequent first, counting documents', () => {
    const log = new ErrorLog(5);
    const doc = (docId: string, text: string) => ({ text, docId, corpus: 'test', dct: null });
    const a = doc('a', 'The Space Agency met the space agency.');
    const b = doc('b', 'A Ministry spokesman called the space agency.');
    const noMatch = { goldToSystem: [-1, -1], systemToGold: [] };
    log.recordSpans('agency', a, [span(4, 16), span(25, 37)], [], noMatch);
    log.recordSpans('agency', b, [span(2, 10), span(32, 44)], [], noMatch);
    const misses = log.report(['agency'])[0];
    assert.equal(misses.total, 4);
    assert.deepEqual(
      misses.entries.map((e) => [e.key, e.count, e.docs]),
      [
        ['space agency', 3, 2],
        ['ministry', 1, 1],
      ],
    );
  });
});
