import { strict as assert } from 'node:assert';
import { BENCH_PUBLICATION_DATE, BENCH_SIZES, freshVariant, generateBenchText, SIZE_TOLERANCE } from '../../bench/corpus';
import { sampleParagraphs } from '../../bench/naive';
import { summarise } from '../../bench/stats';

const paragraphsOf = (text: string): string[] => text.split(/\n\n/).filter((p) => p.trim());

describe('bench corpus', function () {
  const texts = new Map(BENCH_SIZES.map((size) => [size.name, generateBenchText(size.bytes)]));

  it('generates the same text from the same seed, and another from another seed', function () {
    for (const size of BENCH_SIZES) {
      assert.equal(generateBenchText(size.bytes), texts.get(size.name), `${size.name} is reproducible`);
    }
    assert.notEqual(generateBenchText(5_000, 2), texts.get('5 KB'));
  });

  it('fills each size to within the tolerance, never over it', function () {
    for (const size of BENCH_SIZES) {
      const bytes = Buffer.byteLength(texts.get(size.name)!, 'utf8');
      assert.ok(bytes <= size.bytes, `${size.name}: ${bytes} bytes is over`);
      assert.ok(bytes >= size.bytes * (1 - SIZE_TOLERANCE), `${size.name}: ${bytes} bytes is short`);
    }
  });

  it('starts with a front-matter date that the analysis reads as the publication date', function () {
    for (const text of texts.values()) assert.match(text, new RegExp(`^---\\ntitle: [^\\n]+\\ndate: ${BENCH_PUBLICATION_DATE}\\n`));
  });

  it('makes the 1 MB text collected wire copy: many datelined articles separated by blank lines', function () {
    const datelines = texts.get('1 MB')!.match(/^[A-Z]+, [A-Z][a-z]+ \d{1,2}, \d{4} \([^)]+\) — /gm) ?? [];
    assert.ok(datelines.length > 100, `${datelines.length} articles`);
  });

  it('mixes the shapes the taggers must handle', function () {
    const text = texts.get('100 KB')!;
    const paragraphs = paragraphsOf(text);
    assert.match(text, /\b[A-Z][a-z]+ [A-Z][a-z]+(?: [A-Z][a-z]+)* \(([A-Z]{2,})\)[^\n]*\b\1\b/, 'an acronym defined, then used');
    assert.match(text, /\b[A-Z][a-z]+ (?:Holdings Inc|Logistics Ltd|Aerospace GmbH|Systems Corp|Energy AG|Capital Partners LLC|Industries plc)\b/, 'an unknown company');
    assert.match(text, /\b(?:NASA|Roscosmos|ESA|JAXA)\b/, 'lexicon agencies');
    assert.match(text, /\b(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}\b/, 'a full date');
    assert.match(text, /\bon (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/, 'a weekday');
    assert.match(text, /\blast week\b/, 'a relative date');
    assert.match(text, /\bin 20\d\d\b/, 'a year');
    assert.match(text, /[”"] said [A-Z][a-z]+ [A-Z]/, 'quote, then its speaker');
    assert.match(text, /[a-z]: [“"][A-Z]/, 'speaker, then the quote');
    assert.match(text, /« [^»]+ »/, 'guillemets');
    assert.match(text, / called [^“"\n]+ [“"][a-z][^”"]*[”"]/, 'a partial quote');
    assert.match(text, /\(@\w+\) [A-Z][a-z]+ \d{1,2}, \d{4}$/m, 'an embedded post line');
    assert.ok(paragraphs.some((p) => /^[“"]/.test(p) && !/[”"]/.test(p.slice(1))), 'a quote that runs on into the next paragraph');
    assert.ok(paragraphs.some((p) => p.length > 1_500), 'a long paragraph');
  });

  it('gives every paragraph of a fresh variant new text, keeping the publication date', function () {
    const text = texts.get('5 KB')!;
    const variant = freshVariant(text, 7);
    const original = new Set(paragraphsOf(text));
    assert.equal(paragraphsOf(variant).length, original.size);
    for (const paragraph of paragraphsOf(variant)) assert.ok(!original.has(paragraph), `unchanged: ${paragraph.slice(0, 60)}`);
    assert.match(variant, new RegExp(`\\ndate: ${BENCH_PUBLICATION_DATE}\\n`));
    const posts = (text: string): string[] => text.match(/\(@\w+\) [A-Z][a-z]+ \d{1,2}, \d{4}$/gm) ?? [];
    const wire = texts.get('100 KB')!;
    assert.ok(posts(wire).length > 0);
    assert.deepEqual(posts(freshVariant(wire, 7)), posts(wire), 'post lines still end with their date');
    assert.notEqual(freshVariant(text, 8), variant);
  });

  it('samples every k-th paragraph for the naive baseline', function () {
    const text = 'one\n\ntwo\n\nthree\n\nfour\n\nfive';
    assert.equal(sampleParagraphs(text, 2), 'one\n\nthree\n\nfive');
    assert.equal(sampleParagraphs(text, 1), text);
  });

  it('summarises runs as median, min and max', function () {
    assert.deepEqual(summarise([5, 1, 3]), { median: 3, min: 1, max: 5, runs: 3 });
    assert.deepEqual(summarise([4, 1, 3, 2]), { median: 2.5, min: 1, max: 4, runs: 4 });
  });
});
