import assert from 'node:assert/strict';
import { annotate, type QuoteAnnotation } from '../../server/src/analysis/annotate';
import { scanQuotes } from '../../server/src/analysis/quotes/quoteScanner';

function quotes(text: string): QuoteAnnotation[] {
  return annotate(text, { publicationDate: '2024-05-14' }).annotations.filter((a): a is QuoteAnnotation => a.type === 'quote');
}

function quoted(text: string): string[] {
  return quotes(text).map((q) => q.text);
}

describe('quotes: marks and spans', () => {
  it('finds straight, curly, guillemet, low-high and TimeML-style quotes, marks included', () => {
    const text = [
      'Bridge repairs ahead of schedule',
      'The mayor said "the bridge will reopen in June," adding that crews were ahead of schedule.',
      'Her deputy called the delay “regrettable but necessary”.',
      'A French engineer described it as « une réparation délicate ».',
      'The German contractor wrote „Die Arbeiten laufen planmäßig“ in its report.',
      "A resident told the council ``we have waited long enough'' before the vote.",
    ].join('\n\n');
    assert.deepEqual(quoted(text), [
      '"the bridge will reopen in June,"',
      '“regrettable but necessary”',
      '« une réparation délicate »',
      '„Die Arbeiten laufen planmäßig“',
      "``we have waited long enough''",
    ]);
  });

  it('does not open quotes at apostrophes', () => {
    const text = "The council's budget, drafted in the '90s, doesn't cover rock 'n' roll festivals or the players' union, officials said.";
    assert.deepEqual(quoted(text), []);
  });

  it('keeps a nested quote inside its outer statement', () => {
    const text = '"When the inspector wrote \'unsafe\' on the form, we closed the pier," the harbour master said.';
    assert.deepEqual(quoted(text), ['"When the inspector wrote \'unsafe\' on the form, we closed the pier,"']);
  });

  it('finds a single-quoted statement at the top level', () => {
    const text = "The minister said the plan was 'dead in the water' after the vote.";
    assert.deepEqual(quoted(text), ["'dead in the water'"]);
  });

  it('joins a quote that runs over paragraphs, from the first opening mark to the final closing mark', () => {
    const text = [
      'The chief engineer described the launch in detail:',
      '“The first stage separated on time. The second stage burned for six minutes.',
      '“Then the payload fairing opened and we saw the satellite drift free,” she said.',
    ].join('\n\n');
    const found = quotes(text);
    assert.equal(found.length, 1);
    assert.ok(found[0].text.startsWith('“The first stage'));
    assert.ok(found[0].text.endsWith('drift free,”'));
    assert.equal(found[0].speaker?.text, 'she');
  });

  it('joins a quote that runs over lines of one block the same way', () => {
    const text = '“We tested every valve.\n“Nothing leaked,” the technician said.';
    assert.deepEqual(quoted(text), ['“We tested every valve.\n“Nothing leaked,”']);
  });

  it('treats fragments quoted from one statement in one sentence as one quote', () => {
    const text = 'The senator said the report was “deeply flawed” and “a waste of money.”';
    assert.deepEqual(quoted(text), ['“deeply flawed” and “a waste of money.”']);
  });

  it('keeps fragments apart when a cue separates them', () => {
    const text = '“We are ready,” the coach said, “and we will win.”';
    assert.deepEqual(quoted(text), ['“We are ready,”', '“and we will win.”']);
  });

  it('keeps fragments joined by "as" or "or" apart, and "and" still joins them', () => {
    const text = 'The mayor called the plan "a triumph" as "the whole city watched," the paper wrote.';
    assert.deepEqual(quoted(text), ['"a triumph"', '"the whole city watched,"']);
    assert.deepEqual(quoted('Critics called the budget "reckless" or "naive" in their letters.'), ['"reckless"', '"naive"']);
    assert.deepEqual(quoted('She called the budget "late" and "far too thin."'), ['"late" and "far too thin."']);
  });

  it('finds a quote on the first line of a file, in double or single marks, but not a headline\'s scare quote', () => {
    assert.deepEqual(quoted('“We will not cooperate.”\n\nThe agency made the statement on Monday after talks failed.'), ['“We will not cooperate.”']);
    assert.deepEqual(quoted("'We will not cooperate,' the agency said.\n\nIt made the statement on Monday."), ["'We will not cooperate,'"]);
    assert.deepEqual(quoted("'Ready,' she said."), ["'Ready,'"]);
    assert.deepEqual(quoted("Mayor calls budget 'a disaster'\n\nThe mayor spoke on Monday."), []);
  });

  it('does not carry a speaker into a single-marked subhead after double-marked quotes', () => {
    const text = '"We cut the night shift," she said.\n\n\'A hard winter.\'\n\nThe plant closed in March.';
    const found = quotes(text);
    assert.equal(found.find((q) => q.text === "'A hard winter.'")?.speaker ?? null, null);
  });

  it('reads the marks after an invisible bidi control as they look', () => {
    const text = '\u202a”We stay,” he said.\n\n\u202a”We go,” she said, and the crowd left the square.';
    assert.deepEqual(quotes(text).map((q) => [q.text, q.speaker?.text]), [['”We stay,”', 'he'], ['”We go,”', 'she']]);
  });

  it('does not let reversed marks swallow the narrative between two quotes', () => {
    const text = '”The pier is closed,“ the engineer said, and crews worked through the night. ”We reopen Monday,“ she added.';
    assert.deepEqual(quoted(text), ['”The pier is closed,“', '”We reopen Monday,“']);
    // A closing mark typed as an opener with spaces around it closes the open quote instead of opening another.
    const spaced = '“We reopen Monday. “ she added. The crews went home after a long night. “All is well,” the mayor said.';
    assert.deepEqual(quoted(spaced), ['“We reopen Monday. “', '“All is well,”']);
  });

  it('survives unbalanced marks', () => {
    const text = [
      '"This paragraph opens a quote and never closes it.',
      'The next paragraph is narration, with a "short phrase" in it.',
      'A stray closing mark” sits here, and an opening “ one here.',
    ].join('\n\n');
    const found = quoted(text);
    assert.ok(found.includes('"short phrase"'));
    for (const q of found) assert.ok(!q.includes('\n'), `no quote spans paragraphs: ${q}`);
  });

  it('does not take titles, nicknames or markup attributes for statements', () => {
    const text = [
      'Rep. Jane "Jay" Ortiz appeared on NBC\'s "Meet the Press" on Sunday.',
      '<tweet author="someone" timestamp="1474387200">Vote today</tweet>',
    ].join('\n\n');
    assert.deepEqual(quoted(text), []);
  });

  it('keeps fragments of one statement together across a clause with a pronoun, but not across a cue', () => {
    const text = 'The mayor said the plan was "a mess" because they "never asked the neighbours."';
    assert.deepEqual(quoted(text), ['"a mess" because they "never asked the neighbours."']);
    assert.deepEqual(quoted('"We are ready," she said, "and we will win."'), ['"We are ready,"', '"and we will win."']);
  });

  it('takes the titles of works for names, but keeps chants and slogans in Title Case', () => {
    const text = [
      'The “Morning Roundup” host asked the senator about the vote.',
      'She described the campaign in her memoir, “Long Roads Home.”',
      'He spoke about the vote on “Coast to Coast with Ann Lee” on Sunday.',
      'The crowd answered with chants of "Lock Them Up!" as the governor spoke.',
      'He ran on the slogan "Jobs Before Walls" in the spring primary.',
    ].join('\n\n');
    assert.deepEqual(quoted(text), ['"Lock Them Up!"', '"Jobs Before Walls"']);
  });

  it('does not take a pronoun talked about for a statement', () => {
    const text = 'Voters asked why it matters that "she" is running, when a "he" never gets the question.';
    assert.deepEqual(quoted(text), []);
  });

  it('checks for titles after a stray opening mark too', () => {
    const text = 'She tweeted: “Ready for the premiere. She stars in the film, “Harbour Lights.”\n\nThe premiere is on Friday.';
    assert.deepEqual(quoted(text), []);
  });

  it('skips quoted words in a headline with a deck line', () => {
    const text = [
      "Mayor rejects 'quick fix' for bridge;\nCouncil calls repair plan 'unworkable'",
      'The mayor said on Monday that the repairs would take "at least two years."',
    ].join('\n\n');
    assert.deepEqual(quoted(text), ['"at least two years."']);
  });

  it("drops unattributed single-marked phrases in a text that quotes in double marks, not in a British-style one", () => {
    const american = [
      'The minister said the plan "will work" and called critics "short-sighted."',
      "Supporters of the 'new deal' waited outside.",
      'Her deputy said the talks were "close to done."',
    ].join('\n\n');
    assert.deepEqual(quoted(american), ['"will work"', '"short-sighted."', '"close to done."']);
    const british = "Minister backs harbour plan\n\nThe minister said the plan 'will work'. Supporters of the 'new deal' waited outside.";
    assert.deepEqual(quoted(british), ["'will work'", "'new deal'"]);
  });

  it('skips quoted words in a one-line headline', () => {
    const text = "Mayor calls budget 'a disaster'\n\nThe mayor said on Monday that the budget was \"a disaster for the city.\"";
    assert.deepEqual(quoted(text), ['"a disaster for the city."']);
  });

  it('marks quotes inside a sentence as partial and standalone ones as direct', () => {
    const text = 'The director called the test “a complete success.” She added: “We will fly again in March.”';
    const found = quotes(text);
    assert.deepEqual(found.map((q) => q.kind), ['partial', 'direct']);
  });

  it('reports offsets that slice back to the quote', () => {
    const text = 'Intro line.\n\n„Wir sind bereit“, sagte der Sprecher. Then "a second one" followed.';
    for (const q of quotes(text)) assert.equal(text.slice(q.start, q.end), q.text);
  });
});

describe('quotes: line endings', () => {
  it('finds the same quotes, with the same speakers, whether lines end in LF or CRLF', () => {
    const lf = 'Harbour works delayed\n\nThe harbour master said: "Safety comes first.\nWe will say more in April."\n\n"The cranes are old," she added.\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    const shape = (text: string) => quotes(text).map((q) => [q.text.replace(/\r/g, ''), q.speaker?.text ?? null]);
    assert.equal(quotes(lf).length, 2);
    assert.deepEqual(shape(crlf), shape(lf));
  });
});

describe('quotes: scanner', () => {
  it('reports an unclosed quote at the end of a paragraph and whether a paragraph opens with a mark', () => {
    const scan = scanQuotes('“This continues');
    assert.equal(scan.unclosedOpen?.start, 0);
    assert.equal(scan.opensWithMark, '“');
    assert.deepEqual(scan.pairs, []);
  });

  it('pairs a mistyped closing mark used as an opener at a paragraph start', () => {
    const scan = scanQuotes('” We will stay,” the owner said.');
    assert.equal(scan.pairs.length, 1);
    assert.equal(scan.pairs[0].start, 0);
  });
});

describe('quotes: embedded posts', () => {
  it('takes a pasted post up to its signature as a statement by the account', () => {
    const text = [
      'The agency announced the delay on social media on Tuesday.',
      'Launch moved to Friday because of high winds at the pad. Crews are safe. https://t.co/abc123 pic.twitter.com/xyz789 — Orbital Survey Agency (@OrbitalSurvey) May 14, 2024',
      'Engineers expect better weather by the weekend.',
    ].join('\n\n');
    const found = annotate(text, { customAgencies: [{ name: 'Orbital Survey Agency', acronym: 'OSA' }] }).annotations.filter(
      (a): a is QuoteAnnotation => a.type === 'quote',
    );
    assert.equal(found.length, 1);
    const post = found[0];
    assert.equal(post.kind, 'post');
    assert.ok(post.text.startsWith('Launch moved to Friday'));
    assert.ok(post.text.endsWith('pic.twitter.com/xyz789'));
    assert.equal(post.speaker?.text, 'Orbital Survey Agency (@OrbitalSurvey)');
    assert.equal(post.resolved, 'Orbital Survey Agency');
  });

  it('includes the short paragraphs of the same post before the signature line', () => {
    const text = [
      'The space agency posted two messages in the morning, and reporters at the press centre translated them for the briefing that followed.',
      'Первый этап завершён успешно.',
      'Второй этап начнётся завтра. — Example Agency (@example_agency) March 3, 2022',
    ].join('\n\n');
    const post = quotes(text).find((q) => q.kind === 'post');
    assert.ok(post);
    assert.ok(post.text.startsWith('Первый этап'));
    assert.ok(post.text.endsWith('завтра.'));
    assert.equal(post.resolved, 'Example Agency');
  });
});
