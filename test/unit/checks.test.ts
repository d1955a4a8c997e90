import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { annotate } from '../../server/src/analysis/annotate';
import { DEFAULT_CHECK_LEVELS, type CheckCode, type Finding } from '../../server/src/features/checks/check';
import { runChecks, toDiagnostics } from '../../server/src/features/diagnostics';

/** Findings of one code on an article; `published` is the setting (null: the article's own, or none). */
function findings(text: string, code: CheckCode, published: string | null = '2022-03-10'): Finding[] {
  const analysis = annotate(text, { publicationDate: published ?? undefined });
  return runChecks(text, analysis, { publicationDateFromSetting: published !== null }).filter((f) => f.code === code);
}

function flagged(text: string, code: CheckCode, published?: string | null): string[] {
  return findings(text, code, published).map((f) => text.slice(f.start, f.end));
}

describe('checks: weekday-mismatch', function () {
  it('flags a weekday written with a full date it does not fall on, and names the right one', function () {
    const text = 'Harbour reopens\n\nThe harbour board met on Thursday, March 4, 2022 and again on Saturday, March 5, 2022.';
    const found = findings(text, 'weekday-mismatch');
    assert.equal(found.length, 1);
    assert.equal(text.slice(found[0].start, found[0].end), 'Thursday');
  });

  it('names the weekday the date falls on', function () {
    const text = 'The vote was held on Thursday, March 4, 2022, a week late.';
    const [finding] = findings(text, 'weekday-mismatch');
    assert.equal(finding.message, 'March 4, 2022 is a Friday, not a Thursday.');
    assert.deepEqual(finding.fix, { kind: 'replace', with: 'Friday' });
  });

  it('reads day-month order, abbreviations, parentheses and ISO dates, and keeps the writer’s style in the fix', function () {
    const text = 'Dates: Tue 4 March 2022; MONDAY, 2022-03-01; the meeting on Wednesday (March 9, 2022) went well.';
    const found = findings(text, 'weekday-mismatch');
    assert.deepEqual(found.map((f) => text.slice(f.start, f.end)), ['Tue', 'MONDAY']);
    assert.deepEqual(found.map((f) => f.fix), [{ kind: 'replace', with: 'Fri' }, { kind: 'replace', with: 'TUESDAY' }]);
  });

  it('checks a date without its year against the publication year, pointing at the publication date', function () {
    const text = 'date: 2022-03-10\n\nCrews started on Sunday, March 8, and finish next week.';
    const [finding] = findings(text, 'weekday-mismatch', null);
    assert.ok(finding, 'March 8, 2022 is a Tuesday');
    assert.match(finding.message, /March 8 is a Tuesday in 2022, not a Sunday/);
    assert.equal(finding.related?.length, 1);
    assert.equal(text.slice(finding.related![0].start, finding.related![0].end), '2022-03-10');
  });

  it('leaves alone right weekdays, ranges, lists, names and a year-less date that fits a neighbouring year', function () {
    const text = [
      'The board met on Friday, March 4, 2022 and on Fri 4 March 2022.',
      'Talks ran Monday and Tuesday, March 1, 2022, and from Thursday, March 3-4, 2022.',
      'The Harbour Sun, March 4, 2022, reported it first.',
      'Next year the fair opens on Saturday, March 11.', // a Saturday in 2023, not in 2022
      'The council sat March 4, 2022 without a break.',
    ].join('\n\n');
    assert.deepEqual(flagged(text, 'weekday-mismatch'), []);
  });
});

describe('checks: unbalanced-quote', function () {
  it('flags a mark that opens and is never closed in its paragraph', function () {
    const text = 'The minister said: "We will rebuild the pier by June.\n\nThe opposition disagreed.';
    const found = findings(text, 'unbalanced-quote');
    assert.equal(found.length, 1);
    assert.equal(text.slice(found[0].start, found[0].end), '"');
  });

  it('flags a closing mark of another kind, with the opening mark as related location', function () {
    const text = 'The mayor called it “a disgrace» on Monday.';
    const [finding] = findings(text, 'unbalanced-quote');
    assert.equal(text.slice(finding.start, finding.end), '»');
    assert.equal(text.slice(finding.related![0].start, finding.related![0].end), '“');
  });

  it('does not flag a multi-paragraph quote, apostrophes, inch and foot marks, or matching styles', function () {
    const text = [
      '“We will rebuild the pier,” the mayor said. “It will take a year.',
      '“And it will cost what it costs,” she added.',
      "The builders' union said it's the town's pier, built in the '90s by a crew of 12.",
      'The pier is 6\'2" above the tide line at a 12" step, said the engineer.',
      'The French report called it « une honte » and the German one „eine Schande“.',
    ].join('\n\n');
    assert.deepEqual(flagged(text, 'unbalanced-quote'), []);
  });
});

describe('checks: unattributed-quote', function () {
  it('flags a long direct quote with no speaker nearby', function () {
    const text = [
      'Harbour reopens',
      'The harbour reopened on Monday after a week of repairs.',
      'Boats were back in the water by noon, with the market open again.',
      '"Nobody in this town has ever seen a storm do that much damage to the pier."',
      'The market will stay open late this week.',
      'Repairs to the lighthouse start in May.',
    ].join('\n\n');
    const found = findings(text, 'unattributed-quote');
    assert.equal(found.length, 1);
    assert.match(text.slice(found[0].start, found[0].end), /^"Nobody in this town/);
  });

  it('does not flag short quotes, attributed quotes or a quote next to its speaker’s paragraph', function () {
    const text = [
      'The harbour master called the storm "the worst in memory".',
      '"We will have every boat back in the water by the end of the month," the harbour master said.',
      '"Every single one of them, from the ferries to the smallest dinghy in the marina."',
      'Later the mayor said she was proud of the crews.',
      '"This town has always rebuilt after a storm, and it will do so again this time."',
      'The week in letters.',
      'Storms were the talk of the week.',
      '"Nobody who lives by the sea should be surprised by a storm like this one." - Ann Berg, Harbourtown',
      'Excerpts from the local press.',
      'Boats and more.',
      'Storm season, by Harbour Weekly\'s Ann Berg: "The pier has stood for a century, and one storm did not end it."',
    ].join('\n\n');
    assert.deepEqual(flagged(text, 'unattributed-quote'), []);
  });
});

describe('checks: acronym-before-definition', function () {
  it('flags the first use of an acronym that the article spells out later, with the definition as related location', function () {
    const text = [
      'Harbour deal signed',
      'The HDA signed the deal on Monday. The HDA will fund the pier.',
      'The Harbour Development Authority (HDA) was founded in 1990.',
    ].join('\n\n');
    const found = findings(text, 'acronym-before-definition');
    assert.equal(found.length, 1);
    assert.equal(found[0].start, text.indexOf('HDA'));
    assert.equal(text.slice(found[0].related![0].start, found[0].related![0].end), 'Harbour Development Authority (HDA)');
  });

  it('reads the definition in both orders and skips linking words', function () {
    const text = 'The OMTA said so.\n\nOMTA (Office of Maritime Transport and Aviation) was set up last year.';
    assert.deepEqual(flagged(text, 'acronym-before-definition'), ['OMTA']);
  });

  it('does not flag an acronym in the headline or a line in capitals, one defined first, or a parenthesis that is no definition', function () {
    const text = [
      'HDA signs harbour deal',
      'HARBOUR NEWS FROM THE HDA',
      'The Harbour Development Authority (HDA) signed the deal. The HDA will fund the pier.',
      'The council (NTC) and the XYZ said nothing; later the North Town Council met.',
    ].join('\n');
    assert.deepEqual(flagged(text, 'acronym-before-definition'), []);
  });
});

describe('checks: no-publication-date', function () {
  it('flags an article with no date line, dateline or setting, once, on the first line', function () {
    const text = 'Harbour reopens\n\nThe harbour reopened on Monday, and the market opens next week.';
    const found = findings(text, 'no-publication-date', null);
    assert.equal(found.length, 1);
    assert.deepEqual([found[0].start, found[0].end], [0, 'Harbour reopens'.length]);
    assert.match(found[0].message, /2 relative dates were counted from today/);
  });

  it('flags a dateline without a year when no setting gives one, suggesting the dateline’s day', function () {
    const text = 'Harbour reopens\n\nOSLO, March 3 (Wire) — The harbour reopened on Monday.';
    const [finding] = findings(text, 'no-publication-date', null);
    assert.ok(finding);
    assert.equal(finding.fix?.kind, 'add-publication-date');
  });

  it('is quiet with a date line, a dateline with a year, or the setting', function () {
    assert.deepEqual(flagged('date: 2022-03-04\n\nThe harbour reopened on Monday.', 'no-publication-date', null), []);
    assert.deepEqual(flagged('OSLO, March 3, 2022 (Wire) — The harbour reopened on Monday.', 'no-publication-date', null), []);
    assert.deepEqual(flagged('The harbour reopened on Monday.', 'no-publication-date', '2022-03-04'), []);
  });
});

describe('checks as diagnostics', function () {
  const text = 'Harbour reopens\n\nThe HDA met on Thursday, March 4, 2022. The Harbour Development Authority (HDA) agreed.';
  const document = TextDocument.create('file:///harbour.news', 'news', 1, text);
  const all = runChecks(text, annotate(text, {}), { publicationDateFromSetting: false });

  it('carry source news, a stable code, the default severity, related locations and fix data', function () {
    const diagnostics = toDiagnostics(document, all, DEFAULT_CHECK_LEVELS);
    const weekday = diagnostics.find((d) => d.code === 'weekday-mismatch')!;
    assert.equal(weekday.source, 'news');
    assert.equal(weekday.severity, DiagnosticSeverity.Warning);
    assert.deepEqual(weekday.data, { kind: 'replace', with: 'Friday' });
    const acronym = diagnostics.find((d) => d.code === 'acronym-before-definition')!;
    assert.equal(acronym.severity, DiagnosticSeverity.Information);
    assert.equal(acronym.relatedInformation?.[0].location.uri, 'file:///harbour.news');
    assert.equal(acronym.relatedInformation?.[0].location.range.start.line, 2);
  });

  it('follow the severity set per code, and leave out codes switched off', function () {
    const diagnostics = toDiagnostics(document, all, { ...DEFAULT_CHECK_LEVELS, 'weekday-mismatch': 'error', 'acronym-before-definition': 'off' });
    assert.equal(diagnostics.find((d) => d.code === 'weekday-mismatch')?.severity, DiagnosticSeverity.Error);
    assert.equal(diagnostics.some((d) => d.code === 'acronym-before-definition'), false);
  });

  it('stay inside the document, never splitting a surrogate pair', function () {
    const emoji = '🚢 "We sail at dawn, come what may, whatever the weather does to us all.\n\nThe HDA 🚢 said. Harbour Development Authority (HDA).';
    const found = runChecks(emoji, annotate(emoji, {}), { publicationDateFromSetting: false });
    assert.ok(found.length >= 2);
    for (const f of found) {
      assert.ok(f.start >= 0 && f.end <= emoji.length && f.start <= f.end);
      for (const offset of [f.start, f.end]) {
        const code = emoji.charCodeAt(offset);
        assert.ok(!(code >= 0xdc00 && code <= 0xdfff), `offset ${offset} splits a pair`);
      }
    }
  });
});
