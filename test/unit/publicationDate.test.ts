import assert from 'node:assert/strict';
import { annotate } from '../../server/src/analysis/annotate';
import { findPublicationDate } from '../../server/src/analysis/dates/publicationDate';

describe('findPublicationDate', () => {
  it('reads a YAML front-matter date first, even when a setting and a dateline disagree', () => {
    const text = '---\ntitle: Launch delayed\ndate: 2022-03-03\n---\nCAPE CANAVERAL, March 1, 2022 (Reuters) - The launch slipped.';
    const found = findPublicationDate(text, '2020-01-01');
    assert.equal(found.value, '2022-03-03');
    assert.equal(found.source, 'front-matter');
    assert.equal(text.slice(found.span!.start, found.span!.end), '2022-03-03');
  });

  it('sets the publication date from the header line without making it a date annotation', () => {
    const text = '---\ntitle: Launch delayed\ndate: 2022-03-03\n---\nThe launch slipped to Friday, the agency said on Thursday.';
    const result = annotate(text, {});
    assert.deepEqual([result.publicationDate.value, result.publicationDate.source], ['2022-03-03', 'front-matter']);
    const dates = result.annotations.filter((a) => a.type === 'date').map((a) => a.text);
    assert.deepEqual(dates, ['Friday', 'Thursday']);
  });

  it('reads a written date in an email-style header line', () => {
    const text = 'Subject: Station news\nPublished: Thursday, March 3, 2022\n\nThe agency said on Thursday that it would stop.';
    const found = findPublicationDate(text);
    assert.deepEqual([found.value, found.source], ['2022-03-03', 'front-matter']);
    assert.equal(text.slice(found.span!.start, found.span!.end), 'Thursday, March 3, 2022');
  });

  it('reads a dateline with a year', () => {
    const text = 'WASHINGTON, March 3, 2022 (Reuters) — The space agency said it would keep working with its partners.';
    const found = findPublicationDate(text, '2021-06-01');
    assert.deepEqual([found.value, found.source], ['2022-03-03', 'dateline']);
    assert.equal(text.slice(found.span!.start, found.span!.end), 'March 3, 2022');
  });

  it('takes the year of a dateline without one from the setting', () => {
    const found = findPublicationDate('March 3 (Reuters) - Russia said it would end the joint experiments.', '2022-03-04');
    assert.deepEqual([found.value, found.source], ['2022-03-03', 'dateline']);
  });

  it('reads a dateline with a city and an agency but no dash before the year', () => {
    const found = findPublicationDate('BRUSSELS, February 10 (Xinhua) --\n\nThe alliance met on Wednesday.', '1999-02-11');
    assert.deepEqual([found.value, found.source], ['1999-02-10', 'dateline']);
  });

  it('falls back to the setting when a dateline has no date', () => {
    const found = findPublicationDate('NAIROBI, Kenya (AP) _\n\nA bomb exploded outside the embassy on Friday, March 3, 2022.', '2022-03-04');
    assert.deepEqual(found, { value: '2022-03-04', source: 'setting' });
  });

  it('falls back to the first full date in the text', () => {
    const text = 'Officials met on Tuesday. The decision, published on 1 March 2022, was followed by talks on March 3, 2022.';
    const found = findPublicationDate(text);
    assert.deepEqual([found.value, found.source], ['2022-03-01', 'first-date']);
    assert.equal(text.slice(found.span!.start, found.span!.end), '1 March 2022');
  });

  it('ignores a malformed setting', () => {
    assert.equal(findPublicationDate('Nothing dated here, on Friday.', '2022-02-30').source, 'none');
  });

  it('uses today (UTC) when nothing names a date', () => {
    const found = findPublicationDate('The agency said on Friday that it would continue.');
    assert.equal(found.source, 'none');
    assert.equal(found.value, new Date().toISOString().slice(0, 10));
    assert.equal(found.span, undefined);
  });
});
