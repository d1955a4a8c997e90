/** The client's pure helpers: the index status line and the export's file names. */
import { strict as assert } from 'node:assert';
import { safeExportName } from '../../client/src/exportFileNames';
import { indexStatusText, skippedSummary } from '../../client/src/indexStatusText';

describe('index status in the status item', function () {
  it('shows progress with thousands separators while indexing', function () {
    const text = indexStatusText({ state: 'indexing', indexed: 1240, total: 5000, skipped: [] });
    assert.deepEqual(text, { text: 'Indexing 1,240 / 5,000 articles', detail: undefined, busy: true });
  });

  it('says nothing of one file re-read after a save: only a build with files waiting shows', function () {
    assert.equal(indexStatusText({ state: 'indexing', indexed: 4, total: 5, skipped: [] }).text, undefined);
    assert.equal(indexStatusText({ state: 'indexing', indexed: 3, total: 5, skipped: [] }).text, 'Indexing 3 / 5 articles');
  });

  it('counts skipped files by reason, whatever their particulars', function () {
    const skipped = [
      { uri: 'file:///a.news', reason: 'over newsAnnotator.maxFileSize (6.2 MB)' },
      { uri: 'file:///b.news', reason: 'binary' },
      { uri: 'file:///c.news', reason: 'over newsAnnotator.maxFileSize (7.0 MB)' },
    ];
    assert.equal(skippedSummary(skipped), '3 files skipped: 2 over newsAnnotator.maxFileSize, 1 binary');
    const ready = indexStatusText({ state: 'ready', indexed: 2, total: 5, skipped });
    assert.equal(ready.text, undefined); // the article's own counts show
    assert.equal(ready.detail, '2 articles indexed; 3 files skipped: 2 over newsAnnotator.maxFileSize, 1 binary');
    assert.equal(indexStatusText(undefined).text, undefined);
    assert.match(indexStatusText({ state: 'disabled', indexed: 0, total: 0, skipped: [] }).detail ?? '', /index off/);
  });
});

describe('export file names', function () {
  it('keeps plain relative names and rejects any that would leave the chosen folder', function () {
    assert.deepEqual(safeExportName('harbour-vote.ann'), ['harbour-vote.ann']);
    assert.deepEqual(safeExportName('2024/harbour-vote.txt'), ['2024', 'harbour-vote.txt']);
    for (const bad of ['', '../x.ann', 'a/../../x', '/etc/passwd', 'C:\\x.ann', 'a\\b', 'a//b', 'x\u0000.ann', './x']) {
      assert.equal(safeExportName(bad), undefined, bad);
    }
  });
});
