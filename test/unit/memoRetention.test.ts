import { strict as assert } from 'node:assert';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { annotate } from '../../server/src/analysis/annotate';
import { generateBenchText } from '../../bench/corpus';

// A full collection on demand, without starting mocha with --expose-gc.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function heapAfterCollection(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

describe('the analysis memos keep no document', function () {
  this.timeout(60_000);

  it('typing into a long article does not keep each version of it alive', function () {
    // Each version of this article is ~1 MB of UTF-16; a memo that kept the versions its keys were cut from
    // grew by that much per edit (20 edits: +38 MB), which is what this checks.
    let text = generateBenchText(500_000);
    annotate(text, {});
    const before = heapAfterCollection();
    for (let edit = 1; edit <= 20; edit++) {
      const at = text.indexOf(' ', (edit * 24_989) % text.length);
      text = `${text.slice(0, at)} x${text.slice(at)}`;
      annotate(text, {});
    }
    const grownMb = (heapAfterCollection() - before) / 2 ** 20;
    assert.ok(grownMb < 8, `the heap grew by ${grownMb.toFixed(1)} MB over 20 edits`);
  });

  it('a run of different articles, as the workspace index and the command line read them, keeps none of them', function () {
    const article = (index: number): string => generateBenchText(5_000, index + 2);
    for (let index = 0; index < 300; index++) annotate(article(index), { publicationDate: '2023-05-11', memoise: false });
    const before = heapAfterCollection();
    for (let index = 300; index < 900; index++) annotate(article(index), { publicationDate: '2023-05-11', memoise: false });
    const grownMb = (heapAfterCollection() - before) / 2 ** 20;
    // Names cut from 600 articles of 10 KB (UTF-16) each would keep ~6 MB; copies of the names keep a fraction.
    assert.ok(grownMb < 4, `the heap grew by ${grownMb.toFixed(1)} MB over 600 articles`);
  });
});
