import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import { annotate } from '../../server/src/analysis/annotate';
import type { AnalysisResult, Annotation } from '../../server/src/analysis/annotation';
import { DEFAULT_CHECK_LEVELS } from '../../server/src/features/checks/check';
import { quickFixes } from '../../server/src/features/codeActions';
import { runChecks, toDiagnostics } from '../../server/src/features/diagnostics';
import { inlayHints, shortDate } from '../../server/src/features/inlayHints';

const TEXT = 'BERLIN, March 4, 2022 — The German Aerospace Center (DLR) said on Thursday that it would pause, adding: "We stay ready," it said. Rogozin said: "No," and "Never," he added.';

function span(text: string, occurrence = 0): { start: number; end: number; text: string } {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) index = TEXT.indexOf(text, index + 1);
  assert.ok(index >= 0, text);
  return { start: index, end: index + text.length, text };
}

/** The pronoun "he" of "he added" (not the "he" inside "The"). */
function he(): { start: number; end: number; text: string } {
  const start = span('he added').start;
  return { start, end: start + 2, text: 'he' };
}

function analysis(): AnalysisResult {
  const annotations: Annotation[] = [
    { type: 'date', ...span('March 4, 2022'), value: '2022-03-04', resolution: 'explicit' },
    { type: 'agency', ...span('German Aerospace Center'), canonical: 'DLR', category: 'space agency', source: 'lexicon' },
    { type: 'date', ...span('on Thursday'), value: '2022-03-03', resolution: 'weekday' },
    { type: 'quote', ...span('"We stay ready,"'), speaker: span('it', 1), resolved: 'DLR', resolvedKind: 'agency', cue: 'said', kind: 'direct' },
    { type: 'quote', ...span('"No,"'), speaker: span('Rogozin'), resolved: 'Dmitry Rogozin', resolvedKind: 'person', cue: 'said', kind: 'direct' },
    { type: 'quote', ...span('"Never,"'), speaker: he(), resolved: 'Dmitry Rogozin', resolvedKind: 'person', cue: 'added', kind: 'direct' },
  ];
  annotations.sort((a, b) => a.start - b.start || a.end - b.end);
  return { publicationDate: { value: '2022-03-04', source: 'dateline', span: span('March 4, 2022') }, annotations, entities: [] };
}

const document = TextDocument.create('file:///dlr.news', 'news', 1, TEXT);

describe('inlay hints', function () {
  it('show the resolved day after a relative date and whom a pronoun stands for, in text order', function () {
    const hints = inlayHints(document, analysis(), 0, TEXT.length, { dates: true, speakers: true });
    assert.deepEqual(
      hints.map((h) => [h.label, h.position.character]),
      [
        ['Thu 3 Mar 2022', span('on Thursday').end],
        ['DLR', span('it', 1).end],
        ['Dmitry Rogozin', he().end],
      ],
    );
    assert.ok(hints.every((h) => h.paddingLeft));
    assert.match(String(hints[0].tooltip), /Thursday, 3 March 2022 \(2022-03-03\), counted from the publication date 2022-03-04 \(from the dateline\)/);
  });

  it('say nothing after a full date or a name that already says who speaks', function () {
    const labels = inlayHints(document, analysis(), 0, TEXT.length, { dates: true, speakers: true }).map((h) => h.label);
    assert.ok(!labels.includes('Fri 4 Mar 2022'), 'the written date needs no hint');
    assert.equal(labels.filter((l) => l === 'Dmitry Rogozin').length, 1, '"Rogozin" names himself; only "he" gets a hint');
  });

  it('follow the settings and the requested range', function () {
    assert.deepEqual(inlayHints(document, analysis(), 0, TEXT.length, { dates: false, speakers: true }).map((h) => h.label), ['DLR', 'Dmitry Rogozin']);
    assert.deepEqual(inlayHints(document, analysis(), 0, TEXT.length, { dates: true, speakers: false }).map((h) => h.label), ['Thu 3 Mar 2022']);
    assert.deepEqual(inlayHints(document, analysis(), span('Rogozin').start, TEXT.length, { dates: true, speakers: true }).map((h) => h.label), ['Dmitry Rogozin']);
  });

  it('word other granularities briefly', function () {
    assert.equal(shortDate('2022-03-03TEV'), 'Thu 3 Mar 2022 evening');
    assert.equal(shortDate('2021'), '2021');
    assert.equal(shortDate('2022-03'), 'March 2022');
    assert.equal(shortDate('2022-W09'), '28 Feb – 6 Mar 2022');
    assert.equal(shortDate('2024-W45'), '4 – 10 Nov 2024');
  });

  it('come from a real analysis too', function () {
    const text = 'date: 2022-03-04\n\nThe harbour reopened yesterday, the board said on Monday.';
    const real = annotate(text, {});
    const hints = inlayHints(TextDocument.create('file:///h.news', 'news', 1, text), real, 0, text.length, { dates: true, speakers: true });
    assert.deepEqual(hints.map((h) => h.label), ['Thu 3 Mar 2022', 'Mon 28 Feb 2022']);
  });
});

describe('quick fixes', function () {
  function diagnosticsOf(text: string): { doc: TextDocument; diagnostics: Diagnostic[] } {
    const doc = TextDocument.create('file:///q.news', 'news', 1, text);
    return { doc, diagnostics: toDiagnostics(doc, runChecks(text, annotate(text, {}), { publicationDateFromSetting: false }), DEFAULT_CHECK_LEVELS) };
  }

  function apply(text: string, edits: readonly TextEdit[]): string {
    return TextDocument.applyEdits(TextDocument.create('file:///q.news', 'news', 1, text), [...edits]);
  }

  it('correct the weekday of a weekday-mismatch, as a plain workspace edit', function () {
    const text = 'date: 2022-03-10\n\nThe board met on Thursday, March 4, 2022.';
    const { doc, diagnostics } = diagnosticsOf(text);
    const [action] = quickFixes(doc, diagnostics, '2026-01-01');
    assert.equal(action.kind, CodeActionKind.QuickFix);
    assert.equal(action.title, 'Change to Friday');
    assert.equal(action.isPreferred, true);
    assert.equal(action.diagnostics?.[0].code, 'weekday-mismatch');
    assert.equal(apply(text, action.edit!.changes!['file:///q.news']), 'date: 2022-03-10\n\nThe board met on Friday, March 4, 2022.');
  });

  it('spell an acronym out at its first use, in either order of the definition', function () {
    const text = 'date: 2022-03-10\n\nThe HDA signed the deal.\n\nThe Harbour Development\nAuthority (HDA) was founded in 1990.';
    const { doc, diagnostics } = diagnosticsOf(text);
    const actions = quickFixes(doc, diagnostics, '2026-01-01');
    assert.equal(actions.length, 1);
    assert.equal(actions[0].title, 'Spell out: "Harbour Development Authority (HDA)"');
    assert.equal(actions[0].isPreferred, true);
    assert.equal(
      apply(text, actions[0].edit!.changes!['file:///q.news']),
      'date: 2022-03-10\n\nThe Harbour Development Authority (HDA) signed the deal.\n\nThe Harbour Development\nAuthority (HDA) was founded in 1990.',
    );
    const reversed = 'date: 2022-03-10\n\nThe OMTA said so.\n\nOMTA (Office of Maritime Transport and Aviation) was set up last year.';
    const fix = quickFixes(...(Object.values(diagnosticsOf(reversed)) as [TextDocument, Diagnostic[]]), '2026-01-01')[0];
    assert.match(apply(reversed, fix.edit!.changes!['file:///q.news']), /^date: 2022-03-10\n\nThe Office of Maritime Transport and Aviation \(OMTA\) said so\./);
  });

  it('add a date line at the top: the day the text names first, then today', function () {
    const text = 'Harbour reopens\n\nThe harbour was shut on January 3. It reopened on Monday.';
    const { doc, diagnostics } = diagnosticsOf(text);
    const today = new Date().toISOString().slice(0, 10);
    const actions = quickFixes(doc, diagnostics, today);
    assert.equal(actions.length, 2, actions.map((a) => a.title).join(', '));
    const named = /^Add "date: (\d{4}-01-03)" \(named in the text\)$/.exec(actions[0].title);
    assert.ok(named && named[1] <= today, actions[0].title);
    assert.equal(actions[1].title, `Add "date: ${today}" (today)`);
    assert.equal(apply(text, actions[0].edit!.changes!['file:///q.news']), `date: ${named[1]}\n${text}`);
  });

  it('put the date line inside front matter that opens the article, with its line endings', function () {
    const text = '---\r\ntitle: Harbour reopens\r\n---\r\nThe harbour reopened on Monday.';
    const { doc, diagnostics } = diagnosticsOf(text);
    const actions = quickFixes(doc, diagnostics, '2026-01-01');
    assert.equal(actions.length, 1);
    assert.equal(apply(text, actions[0].edit!.changes!['file:///q.news']), '---\r\ndate: 2026-01-01\r\ntitle: Harbour reopens\r\n---\r\nThe harbour reopened on Monday.');
    assert.equal(annotate(apply(text, actions[0].edit!.changes!['file:///q.news']), {}).publicationDate.source, 'front-matter');
  });

  it('ignore diagnostics of other sources and codes without a fix', function () {
    const { doc } = diagnosticsOf('x');
    const foreign: Diagnostic = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'x', source: 'other', code: 'weekday-mismatch', data: { kind: 'replace', with: 'Friday' } };
    const noFix: Diagnostic = { ...foreign, source: 'news', code: 'unbalanced-quote', data: undefined };
    assert.deepEqual(quickFixes(doc, [foreign, noFix], '2026-01-01'), []);
  });
});

describe('inlay hints for speakers', function () {
  it('compare whole words: "it" is no part of a name that contains the letters', function () {
    const text = '"We sail," it said.';
    const analysis: AnalysisResult = {
      publicationDate: { value: '2022-03-04', source: 'setting' },
      annotations: [{ type: 'quote', start: 0, end: 10, text: '"We sail,"', speaker: { start: 11, end: 13, text: 'it' }, resolved: 'Harbour Authority', resolvedKind: 'agency', cue: 'said', kind: 'direct' }],
      entities: [],
    };
    const hints = inlayHints(TextDocument.create('file:///s.news', 'news', 1, text), analysis, 0, text.length, { dates: true, speakers: true });
    assert.deepEqual(hints.map((h) => h.label), ['Harbour Authority']);
  });
});
