import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { compromise, LEXICON_SNAPSHOT_FILE, PAST_TENSE_SNAPSHOT_FILE, pastTenseSnapshotOf, type LexiconSnapshot, type PastTenseSnapshot } from '../../server/src/analysis/nlp';
import { REPO_ROOT } from '../support/serverProcess';

describe('the lexicon snapshot the bundles read', function () {
  it('is compromise’s own lexicon and irregular past forms, nothing added or left out', function () {
    const file = path.join(REPO_ROOT, 'dist', LEXICON_SNAPSHOT_FILE);
    if (!existsSync(file)) this.skip(); // written by `node esbuild.mjs`, which `npm test` runs first
    const snapshot = JSON.parse(readFileSync(file, 'utf8')) as LexiconSnapshot;
    const model = compromise().model() as { one: { lexicon: Record<string, string | string[]> }; two: { models: { fromPast: { ex: Record<string, string> } } } };
    assert.deepEqual(snapshot.lexicon, model.one.lexicon);
    assert.deepEqual(snapshot.fromPast, model.two.models.fromPast.ex);
  });

  it('has a past-tense table that is exactly compromise’s PastTense words and irregular past forms', function () {
    const file = path.join(REPO_ROOT, 'dist', PAST_TENSE_SNAPSHOT_FILE);
    if (!existsSync(file)) this.skip();
    const snapshot = JSON.parse(readFileSync(file, 'utf8')) as PastTenseSnapshot;
    const expected = pastTenseSnapshotOf(compromise());
    assert.deepEqual([...snapshot.pastTense].sort(), [...expected.pastTense].sort());
    assert.deepEqual(snapshot.fromPast, expected.fromPast);
    assert.ok(snapshot.pastTense.includes('began') && snapshot.fromPast.rose === 'rise');
  });
});
