/**
 * The real article this project started from (published 3 March 2022). It is not ours to copy, so the
 * test reads it from ../shared/samples when it is there, and says so when it is not.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { annotate, type AgencyAnnotation, type DateAnnotation, type QuoteAnnotation } from '../../server/src/analysis/annotate';

const SAMPLE = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'samples', 'roscosmos-dlr-2022-03-03.txt');

describe('the Roscosmos/DLR article of 3 March 2022', function () {
  let agencies: AgencyAnnotation[] = [];
  let dates: DateAnnotation[] = [];
  let quotes: QuoteAnnotation[] = [];

  before(function () {
    if (!existsSync(SAMPLE)) {
      console.log(`      (skipped: ${SAMPLE} is not on this machine)`);
      this.skip();
    }
    const result = annotate(readFileSync(SAMPLE, 'utf8'));
    assert.equal(result.publicationDate.value, '2022-03-03');
    agencies = result.annotations.filter((a): a is AgencyAnnotation => a.type === 'agency');
    dates = result.annotations.filter((a): a is DateAnnotation => a.type === 'date');
    quotes = result.annotations.filter((a): a is QuoteAnnotation => a.type === 'quote');
  });

  it('tags Roscosmos in Latin, Cyrillic and as a handle, DLR as the German Aerospace Center, NASA and ESA', function () {
    const canonicalOf = (text: string): string[] => [...new Set(agencies.filter((a) => a.text === text).map((a) => a.canonical))];
    for (const text of ['Roscosmos', 'РОСКОСМОС', '@roscosmos']) assert.deepEqual(canonicalOf(text), ['Roscosmos'], text);
    assert.deepEqual(canonicalOf('DLR'), canonicalOf('German Aerospace Center'));
    assert.deepEqual(canonicalOf('ESA'), canonicalOf('European Space Agency'));
    assert.equal(canonicalOf('NASA').length, 1);
  });

  it('tags no country, city or station as an agency', function () {
    for (const text of ['ISS', 'Ukraine', 'Russia', 'Germany', 'International Space Station']) {
      assert.ok(!agencies.some((a) => a.text === text), `${text} is not an agency`);
    }
  });

  it('resolves both "Thursday"s, both "March 3, 2022"s and "March 3" to 2022-03-03, and finds no other date', function () {
    assert.deepEqual(dates.map((d) => [d.text, d.value]), [
      ['Thursday', '2022-03-03'],
      ['Thursday', '2022-03-03'],
      ['March 3, 2022', '2022-03-03'],
      ['March 3, 2022', '2022-03-03'],
      ['March 3', '2022-03-03'],
    ]);
  });

  it('finds each quote with its speaker, and resolves "the agency" and "it" to DLR', function () {
    const dlr = agencies.find((a) => a.text === 'DLR')!.canonical;
    const quoteStarting = (start: string): QuoteAnnotation => {
      const found = quotes.find((q) => q.text.startsWith(start));
      assert.ok(found, `a quote starting ${start}`);
      return found;
    };
    const wrote = quoteStarting('"The State Corporation will not cooperate');
    assert.deepEqual([wrote.speaker?.text, wrote.cue, wrote.resolved], ['Roscosmos', 'wrote', 'Roscosmos']);
    const added = quoteStarting('"Russian space program will be adjusted');
    assert.deepEqual([added.speaker?.text, added.cue, added.resolved], ['Roscosmos', 'added', 'Roscosmos']);
    assert.equal(quoteStarting('"Russia\'s hostile actions"').resolved, dlr);
    const agency = quoteStarting('"All collaboration activities');
    assert.deepEqual([agency.speaker?.text, agency.resolved], ['the agency', dlr]);
    const it = quoteStarting('"there will be no new projects');
    assert.deepEqual([it.speaker?.text, it.resolved], ['It', dlr]);
  });

  it('credits the two embedded posts to @roscosmos and @DLR_en', function () {
    const posts = quotes.filter((q) => q.kind === 'post');
    assert.equal(posts.length, 2);
    assert.match(posts[0].speaker!.text, /@roscosmos/);
    assert.equal(posts[0].resolved, 'Roscosmos');
    assert.match(posts[1].speaker!.text, /@DLR_en/);
    assert.equal(posts[1].resolved, agencies.find((a) => a.text === 'DLR')!.canonical);
  });
});
