import { strict as assert } from 'node:assert';
import { parseAgencyFile } from '../../server/src/customAgencyFile';
import { DEFAULT_SETTINGS, readSettings } from '../../server/src/settings';

describe('settings', function () {
  it('keep good fields and report each bad one, falling back to its default', function () {
    const { settings, problems } = readSettings({
      publicationDate: '3 March 2022',
      maxFileSize: -1,
      agencies: [{ name: 'Sample Space Office', aliases: ['SSO HQ'], category: 'space agency' }, { aliases: ['nameless'] }, { name: 'Bad Category', category: 'club' }],
    });
    assert.equal(settings.publicationDate, null);
    assert.equal(settings.maxFileSize, DEFAULT_SETTINGS.maxFileSize);
    assert.deepEqual(settings.agencies.map((a) => a.name), ['Sample Space Office', 'Bad Category']);
    assert.equal(settings.agencies[1].category, undefined);
    assert.equal(problems.length, 4);
    assert.match(problems[0], /publicationDate must be a date written YYYY-MM-DD/);
    assert.match(problems.join('\n'), /newsAnnotator\.agencies\[1\] needs a "name"/);
    assert.match(problems.join('\n'), /newsAnnotator\.agencies\[2\]\.category must be one of/);
  });

  it('read check severities and inlay hint switches, reporting unknown codes and levels', function () {
    const { settings, problems } = readSettings({
      checks: { 'weekday-mismatch': 'error', 'unattributed-quote': 'off', 'no-such-check': 'warning', 'unbalanced-quote': 'loud' },
      inlayHints: { dates: false, speakers: 'yes' },
    });
    assert.equal(settings.checks['weekday-mismatch'], 'error');
    assert.equal(settings.checks['unattributed-quote'], 'off');
    assert.equal(settings.checks['unbalanced-quote'], 'warning', 'a bad level keeps the default');
    assert.equal(settings.checks['no-publication-date'], 'information', 'codes left out keep their default');
    assert.deepEqual(settings.inlayHints, { dates: false, speakers: true });
    assert.equal(problems.length, 3);
    assert.match(problems.join('\n'), /there is no check "no-such-check"/);
    assert.match(problems.join('\n'), /checks\.unbalanced-quote must be one of off, hint, information, warning, error/);
    assert.match(problems.join('\n'), /inlayHints\.speakers must be true or false/);
    assert.equal(DEFAULT_SETTINGS.checks['weekday-mismatch'], 'warning', 'reading settings never changes the defaults');
  });

  it('accept a valid publication date', function () {
    assert.equal(readSettings({ publicationDate: '2022-03-03' }).settings.publicationDate, '2022-03-03');
  });

  it('treat a setting that is not a list of agencies as none, with a message', function () {
    const { settings, problems } = readSettings({ agencies: { name: 'Not a list' } });
    assert.deepEqual(settings.agencies, []);
    assert.match(problems[0], /must be a list of agencies/);
  });
});

describe('the custom agency file', function () {
  it('reads agencies, with comments and trailing commas', function () {
    const { agencies, problems } = parseAgencyFile('// our beat\n[\n  { "name": "Harbour Authority", "aliases": ["the Authority"], "category": "government", },\n]\n');
    assert.deepEqual(problems, []);
    assert.deepEqual(agencies, [{ name: 'Harbour Authority', aliases: ['the Authority'], category: 'government' }]);
  });

  it('names the line of a bad entry and keeps the good ones', function () {
    const text = '[\n  { "name": "Harbour Authority" },\n  { "alias": "oops" }\n]';
    const { agencies, problems } = parseAgencyFile(text);
    assert.deepEqual(agencies.map((a) => a.name), ['Harbour Authority']);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].line, 2);
    assert.match(problems[0].message, /needs a "name"/);
  });

  it('names the line of a syntax error', function () {
    const { problems } = parseAgencyFile('[\n  { "name": "A" }\n  { "name": "B" }\n]');
    assert.ok(problems.length > 0);
    assert.equal(problems[0].line, 2);
    assert.match(problems[0].message, /JSON syntax: comma expected/);
  });

  it('takes a file saved with a byte-order mark', function () {
    assert.deepEqual(parseAgencyFile('\ufeff[{ "name": "Harbour Authority" }]'), { agencies: [{ name: 'Harbour Authority' }], ignore: [], problems: [] });
  });

  it('reads the object form with an ignore list, and names the line of a bad name', function () {
    const text = '{\n  // not ours\n  "ignore": ["Harbour Sun", 42],\n  "agencies": [{ "name": "Harbour Authority" }]\n}';
    const { agencies, ignore, problems } = parseAgencyFile(text);
    assert.deepEqual(agencies, [{ name: 'Harbour Authority' }]);
    assert.deepEqual(ignore, ['Harbour Sun']);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].line, 2);
    assert.match(problems[0].message, /"ignore" holds names/);
  });

  it('reads an object with only an ignore list, and flags unknown keys', function () {
    assert.deepEqual(parseAgencyFile('{ "ignore": ["Harbour Sun"] }'), { agencies: [], ignore: ['Harbour Sun'], problems: [] });
    assert.match(parseAgencyFile('{ "agency": [] }').problems[0].message, /unknown key "agency"/);
  });

  it('says so when the file is empty', function () {
    assert.match(parseAgencyFile('').problems[0].message, /empty/);
  });

  it('read the workspace index settings, keeping the default include globs for a bad list', function () {
    assert.deepEqual(readSettings({}).settings.index, { enabled: true, include: ['**/*.news', '**/*.article', '**/*.news.md', '**/*.news.txt'] });
    assert.deepEqual(readSettings({ index: { enabled: false, include: ['beat/**/*.txt'] } }).settings.index, { enabled: false, include: ['beat/**/*.txt'] });
    const { settings, problems } = readSettings({ index: { enabled: 'no', include: [] } });
    assert.deepEqual(settings.index, DEFAULT_SETTINGS.index);
    assert.equal(problems.length, 2);
    assert.match(problems[0], /newsAnnotator\.index\.enabled must be true or false/);
    assert.match(problems[1], /newsAnnotator\.index\.include must be a non-empty list of globs/);
  });
});
