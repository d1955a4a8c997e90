import { strict as assert } from 'node:assert';
import { ParagraphMemo } from '../../server/src/analysis/memo';
import { splitParagraphs } from '../../server/src/analysis/text/paragraphs';

describe('paragraphs', function () {
  it('split at blank lines, trimmed, with offsets into the text', function () {
    const text = '  First line\nsecond line.\r\n\r\n\n Second paragraph. \n \nThird';
    const paragraphs = splitParagraphs(text);
    assert.deepEqual(paragraphs.map((p) => p.text), ['First line\nsecond line.', 'Second paragraph.', 'Third']);
    for (const p of paragraphs) assert.equal(text.slice(p.start, p.end), p.text);
  });

  it('keep a paragraph whole across single CRLF, CR and LF line breaks, and split at blank lines written with any of them', function () {
    const text = 'One line\r\nand its next line.\r\n\r\nSecond\rparagraph.\r\rThird\nparagraph.';
    assert.deepEqual(splitParagraphs(text).map((p) => p.text), ['One line\r\nand its next line.', 'Second\rparagraph.', 'Third\nparagraph.']);
  });

  it('cut a huge single line into pieces that cover it, never inside a surrogate pair', function () {
    const text = 'Ab 😀. '.repeat(20_000);
    const paragraphs = splitParagraphs(text);
    assert.ok(paragraphs.length > 1);
    let covered = 0;
    for (const p of paragraphs) {
      assert.ok(p.text.length <= 20_000);
      const code = text.charCodeAt(p.end - 1);
      assert.ok(!(code >= 0xd800 && code <= 0xdbff), 'no piece ends on a high surrogate');
      covered += p.text.length;
    }
    assert.ok(covered >= text.trim().length - paragraphs.length * 2);
  });

  it('give nothing for blank text', function () {
    assert.deepEqual(splitParagraphs(' \n\n\t'), []);
  });
});

describe('paragraph memo', function () {
  it('computes once per key and evicts the least recently used', function () {
    const memo = new ParagraphMemo<number>(10);
    let calls = 0;
    const compute = (): number => ++calls;
    assert.equal(memo.get('aaaa', compute), 1);
    assert.equal(memo.get('aaaa', compute), 1);
    memo.get('bbbb', compute);
    memo.get('aaaa', compute); // a is now the most recent
    memo.get('cccc', compute); // evicts b
    assert.equal(memo.get('aaaa', compute), 1);
    assert.equal(memo.get('bbbb', compute), 4);
  });
});
