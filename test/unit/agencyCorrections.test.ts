import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { applyEdits } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type TextDocumentEdit, type TextEdit } from 'vscode-languageserver-types';
import { annotate } from '../../server/src/analysis/annotate';
import { parseAgencyFile } from '../../server/src/customAgencyFile';
import { correctAgencyFile, type AgencyCorrection } from '../../server/src/customAgencyFileEdit';
import { agencyCorrections, OFFERED_CATEGORIES } from '../../server/src/features/agencyCorrections';
import { AGENCY_FILE_EDITED_COMMAND, correctionActions, EXPLAIN_REFUSAL_COMMAND, PICK_AGENCY_CATEGORY_COMMAND } from '../../server/src/features/correctionActions';

/** The file after the correction; fails when the correction is refused or changes nothing. */
function corrected(file: string | null, correction: AgencyCorrection): string {
  const result = correctAgencyFile(file, correction);
  assert.ok('edit' in result, JSON.stringify(result));
  return applyEdits(file ?? '', [result.edit]);
}

const COMMENTED = [
  '// Agencies of the harbour beat',
  '[',
  '  // the port, as the paper writes it',
  '  { "name": "Harbour Authority", "aliases": ["the Authority"], "category": "government" },',
  ']',
  '',
].join('\n');

describe('agency file corrections: the edit', function () {
  it('adds an agency after the last one, keeping comments and one-line entries as they were', function () {
    const after = corrected(COMMENTED, { kind: 'add', name: 'Eastland Ferry Company', category: 'company' });
    assert.equal(
      after,
      [
        '// Agencies of the harbour beat',
        '[',
        '  // the port, as the paper writes it',
        '  { "name": "Harbour Authority", "aliases": ["the Authority"], "category": "government" },',
        '  {',
        '    "name": "Eastland Ferry Company",',
        '    "category": "company"',
        '  },',
        ']',
        '',
      ].join('\n'),
    );
    assert.deepEqual(parseAgencyFile(after).agencies.map((a) => a.name), ['Harbour Authority', 'Eastland Ferry Company']);
  });

  it('turns the list into the object form to ignore a name, keeping the comments', function () {
    const after = corrected(COMMENTED, { kind: 'ignore', name: 'Harbour Sun' });
    assert.ok(after.startsWith('// Agencies of the harbour beat\n{\n  "agencies": [\n  // the port, as the paper writes it\n'), after);
    const parsed = parseAgencyFile(after);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.ignore, ['Harbour Sun']);
    assert.deepEqual(parsed.agencies.map((a) => a.name), ['Harbour Authority']);
  });

  it('adds to an ignore list inline where the list is written on one line, and not twice', function () {
    const file = '{\n    /* ours */\n    "ignore": ["Harbour Sun"], // not an agency\n    "agencies": []\n}\n';
    assert.equal(corrected(file, { kind: 'ignore', name: 'Eastland Post' }), '{\n    /* ours */\n    "ignore": ["Harbour Sun", "Eastland Post"], // not an agency\n    "agencies": []\n}\n');
    assert.deepEqual(correctAgencyFile(file, { kind: 'ignore', name: 'the harbour sun' }), { unchanged: true });
  });

  it('writes an alias into the entry of the agency, or a new entry for an agency the file does not list', function () {
    assert.match(corrected(COMMENTED, { kind: 'alias', name: 'the Port', of: { name: 'Harbour Authority' } }), /"aliases": \["the Authority", "the Port"\]/);
    const added = parseAgencyFile(corrected(COMMENTED, { kind: 'alias', name: 'Cosmos', of: { name: 'Roscosmos', category: 'space agency', country: 'Russia' } }));
    assert.deepEqual(added.agencies[1], { name: 'Roscosmos', aliases: ['Cosmos'], category: 'space agency', country: 'Russia' });
  });

  it('takes a name out of the ignore list when it is added as an agency', function () {
    const parsed = parseAgencyFile(corrected('{\n\t"ignore": ["Harbour Sun"]\n}', { kind: 'add', name: 'Harbour Sun', category: 'media' }));
    assert.deepEqual(parsed.ignore, []);
    assert.deepEqual(parsed.agencies, [{ name: 'Harbour Sun', category: 'media' }]);
    // The last of several names, one with escapes: jsonc-parser's own removal would cut it one character short.
    const last = corrected('{"ignore":["\\"Quoted\\" Org","Harbour Sun"]}', { kind: 'add', name: 'Harbour Sun', category: 'media' });
    assert.deepEqual(parseAgencyFile(last), { agencies: [{ name: 'Harbour Sun', category: 'media' }], ignore: ['"Quoted" Org'], problems: [] });
  });

  it('creates the file when there is none', function () {
    assert.deepEqual(parseAgencyFile(corrected(null, { kind: 'ignore', name: 'Harbour Sun' })), { agencies: [], ignore: ['Harbour Sun'], problems: [] });
  });

  it('refuses to touch a file that does not parse, naming the file and the line', function () {
    const broken = '[\n  { "name": "Harbour Authority" }\n  { "name": "Eastland Post" }\n]\n';
    const result = correctAgencyFile(broken, { kind: 'ignore', name: 'Harbour Sun' });
    assert.ok('refused' in result);
    assert.match(result.refused, /news-agencies\.json .*line 3/);
  });
});

describe('agency file corrections: the code actions', function () {
  const ARTICLE = 'date: 2024-05-14\n\nRoscosmos and the Harbour Authority met on Monday. Officials said the Kestrel Watch of Eastland report and the Harbour Sun were wrong.';
  const analysis = annotate(ARTICLE, { customAgencies: [{ name: 'Harbour Authority' }, { name: 'Harbour Sun', category: 'media' }] });
  const offersAt = (text: string, selection = false) => {
    const start = ARTICLE.indexOf(text);
    return agencyCorrections(ARTICLE, analysis.annotations, start + (selection ? 0 : 2), selection ? start + text.length : start + 2);
  };
  const FILE = 'file:///ws/.vscode/news-agencies.json';

  it('offer to ignore an agency mention, or to make it another name of the other agencies', function () {
    const titles = offersAt('Harbour Sun').map((offer) => offer.title);
    assert.equal(titles[0], "Not an agency: ignore 'Harbour Sun' in this workspace");
    assert.ok(titles.includes("'Harbour Sun' is another name of Harbour Authority"), titles.join(' | '));
    assert.ok(!titles.some((title) => title.startsWith('Add')), titles.join(' | '));
  });

  it('offer to add an untagged capitalised name, one action per common category, and a selection too', function () {
    const mentioned = analysis.annotations.some((a) => a.type === 'agency' && a.text.includes('Kestrel'));
    assert.ok(!mentioned, 'the test needs a name the analysis leaves untagged');
    const titles = offersAt('Watch').map((offer) => offer.title);
    assert.deepEqual(titles, ['organisation', 'government', 'company', 'media'].map((c) => `Add 'Kestrel Watch of Eastland' as an agency (${c})`));
    assert.equal(offersAt('Kestrel Watch', true)[0].title, "Add 'Kestrel Watch' as an agency (organisation)");
  });

  it('offer only categories the file and its schema accept', function () {
    const schema = JSON.parse(readFileSync(path.join(__dirname, '..', '..', '..', 'schemas', 'news-agencies.schema.json'), 'utf8'));
    for (const category of OFFERED_CATEGORIES) {
      assert.ok(schema.definitions.agency.properties.category.enum.includes(category), category);
      assert.deepEqual(parseAgencyFile(corrected(null, { kind: 'add', name: 'Kestrel Watch', category })).problems, []);
    }
  });

  it('offer no new agency on a date, selected or not', function () {
    const text = 'date: 2024-05-14\n\nThe Harbour Authority met on Tuesday, and Kestrel Pilots said so.';
    const dated = annotate(text, { publicationDate: '2024-05-14' });
    const at = text.indexOf('Tuesday');
    assert.deepEqual(agencyCorrections(text, dated.annotations, at, at + 'Tuesday'.length).filter((o) => o.correction.kind === 'add'), []);
    assert.deepEqual(agencyCorrections(text, dated.annotations, at + 2, at + 2).filter((o) => o.correction.kind === 'add'), []);
  });

  it('offer nothing on a capitalised word that only opens a sentence', function () {
    assert.deepEqual(offersAt('Officials'), []);
  });

  it('are quickfixes that edit the file and tell the server its new text', function () {
    const [ignore] = correctionActions(offersAt('Harbour Sun'), { uri: FILE, text: COMMENTED }, { createFiles: true, disabledActions: true, categoryPick: false });
    assert.equal(ignore.kind, CodeActionKind.QuickFix);
    const edits = ignore.edit!.changes![FILE];
    const after = TextDocument.applyEdits(TextDocument.create(FILE, 'jsonc', 1, COMMENTED), edits as TextEdit[]);
    assert.deepEqual(parseAgencyFile(after).ignore, ['Harbour Sun']);
    assert.ok(after.includes('// the port, as the paper writes it'));
    assert.deepEqual(ignore.command, { title: 'Re-read the agency file', command: AGENCY_FILE_EDITED_COMMAND, arguments: [FILE, after] });
  });

  it('create a missing file where the client can, and write it whole otherwise', function () {
    const offers = offersAt('Harbour Sun').slice(0, 1);
    const created = correctionActions(offers, { uri: FILE, text: null }, { createFiles: true, disabledActions: true, categoryPick: false })[0].edit!;
    assert.deepEqual(created.documentChanges![0], { kind: 'create', uri: FILE, options: { ignoreIfExists: true } });
    const insert = (created.documentChanges![1] as TextDocumentEdit).edits[0] as TextEdit;
    assert.deepEqual(JSON.parse(insert.newText), { ignore: ['Harbour Sun'] });
    const whole = correctionActions(offers, { uri: FILE, text: null }, { createFiles: false, disabledActions: true, categoryPick: false })[0].edit!;
    assert.deepEqual(JSON.parse(whole.changes![FILE][0].newText), { ignore: ['Harbour Sun'] });
  });

  it('collapse the categories into one action that asks for it, for a client that can pick', function () {
    const offers = offersAt('Watch');
    assert.ok(offers.filter((o) => o.correction.kind === 'add').length > 1, 'one offer per category without a pick');
    const actions = correctionActions(offers, { uri: FILE, text: COMMENTED }, { createFiles: true, disabledActions: true, categoryPick: true }, 'file:///a.news');
    const adds = actions.filter((a) => a.title.startsWith("Add 'Kestrel Watch"));
    assert.deepEqual(adds.map((a) => a.title), ["Add 'Kestrel Watch of Eastland' as an agency…"]);
    assert.equal(adds[0].edit, undefined, 'the edit waits for the category');
    assert.equal(adds[0].command?.command, PICK_AGENCY_CATEGORY_COMMAND);
    const [uri, name, categories] = adds[0].command!.arguments as [string, string, string[]];
    assert.deepEqual([uri, name], ['file:///a.news', 'Kestrel Watch of Eastland']);
    assert.ok(categories.includes('company') && categories.includes('court') && categories.length === 14);
  });

  it('on a broken file: disabled with the reason, or a command that says it', function () {
    const broken = { uri: FILE, text: '[\n  { "name": "A" }\n  { "name": "B" }\n]' };
    const [disabled] = correctionActions(offersAt('Harbour Sun'), broken, { createFiles: true, disabledActions: true, categoryPick: false });
    assert.equal(disabled.edit, undefined);
    assert.match(disabled.disabled!.reason, /news-agencies\.json .*line 3/);
    const [explained] = correctionActions(offersAt('Harbour Sun'), broken, { createFiles: true, disabledActions: false, categoryPick: false });
    assert.equal(explained.edit, undefined);
    assert.equal(explained.command?.command, EXPLAIN_REFUSAL_COMMAND);
    assert.match(String(explained.command?.arguments?.[0]), /line 3/);
  });
});
