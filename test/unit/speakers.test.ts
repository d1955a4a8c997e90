import assert from 'node:assert/strict';
import { annotate, type QuoteAnnotation } from '../../server/src/analysis/annotate';
import { attributeQuotes } from '../../server/src/analysis/quotes/speakers';

const CUSTOM = [{ name: 'Orbital Survey Agency', acronym: 'OSA' }, { name: 'Harbor Transit Authority' }];

function quotes(text: string): QuoteAnnotation[] {
  return annotate(text, { publicationDate: '2024-05-14', customAgencies: CUSTOM }).annotations.filter((a): a is QuoteAnnotation => a.type === 'quote');
}

/** [speaker mention, cue, resolved] of each quote. */
function attributions(text: string): Array<[string | null, string | null, string | null]> {
  return quotes(text).map((q) => [q.speaker?.text ?? null, q.cue, q.resolved]);
}

describe('speakers: attribution', () => {
  it('reads "…," X said and "…," said X', () => {
    const text = '“The tunnel will open next year,” Maria Lopez said. “We found no cracks,” said chief inspector Tom Reed.';
    assert.deepEqual(attributions(text), [
      ['Maria Lopez', 'said', 'Maria Lopez'],
      ['chief inspector Tom Reed', 'said', 'Tom Reed'],
    ]);
  });

  it('reads X said: "…" and X told reporters "…"', () => {
    const text = 'Governor Ana Ruiz said: “Help is on the way.”\n\nThe fire chief told reporters “the blaze is contained.”';
    assert.deepEqual(
      attributions(text).map(([speaker, cue]) => [speaker, cue]),
      [
        ['Governor Ana Ruiz', 'said'],
        ['The fire chief', 'told'],
      ],
    );
  });

  it('reads X said that "…" and according to X', () => {
    const text = 'The Orbital Survey Agency said that “the probe is healthy.” According to OSA engineers, “the antenna deployed on the second try.”';
    const found = attributions(text);
    assert.deepEqual(found[0], ['The Orbital Survey Agency', 'said', 'Orbital Survey Agency']);
    assert.equal(found[1][1], 'according to');
    assert.ok(found[1][0]?.includes('OSA'));
  });

  it('reads "…" X said in a statement and an appositive before the cue', () => {
    const text = '"We regret the delay" the Harbor Transit Authority said in a statement. "Service resumes Monday," Lee Park, a spokeswoman for the authority, said.';
    const found = attributions(text);
    assert.deepEqual(found[0], ['the Harbor Transit Authority', 'said', 'Harbor Transit Authority']);
    assert.deepEqual(found[1].slice(0, 2), ['Lee Park', 'said']);
  });

  it('reads a role before a name in an appositive, an inverted first name that is also a verb, and what a sign read', () => {
    const text = [
      '"The pier is closed for the season," the harbour spokesman, Jonas Berg, said on Friday.',
      '"Tuition keeps rising," said Will Ortega, an economist at the state college.',
      'Protesters crowded the dock. One sign read "Save our ferry."',
    ].join('\n\n');
    assert.deepEqual(
      attributions(text).map(([speaker, cue]) => [speaker, cue]),
      [
        ['the harbour spokesman', 'said'],
        ['Will Ortega', 'said'],
        ['One sign', 'read'],
      ],
    );
  });

  it('looks past a time adjunct before the cue for the subject', () => {
    const text = 'Mayor Ruth Engel at the time said the plan was "a step too far."';
    assert.deepEqual(attributions(text).map(([speaker]) => speaker), ['Mayor Ruth Engel']);
  });

  it("reads the cue after a quote that closes a nested quote and its own at once (''…,''' said X)", () => {
    const text = "''My father told me, 'Never sell the boat,''' said Aaron Blum, who runs the marina.";
    assert.deepEqual(attributions(text).map(([speaker, cue]) => [speaker, cue]), [['Aaron Blum', 'said']]);
  });

  it('carries an attribution into the next paragraph when its sentence closes the paragraph, however long', () => {
    const text = [
      '"The rules were written for another century," said Nora Vance, the author of a history of the county courts published last spring.',
      '"Nobody has read them in decades."',
    ].join('\n\n');
    const found = attributions(text);
    assert.equal(found.length, 2);
    assert.equal(found[1][0], 'Nora Vance');
  });

  it('continues the speaker of the previous quote in the paragraph', () => {
    const text = '“The ferry is safe,” said Captain Ines Moreau. “It passed every inspection this spring.”';
    const found = attributions(text);
    assert.equal(found.length, 2);
    assert.deepEqual(found[1], found[0]);
  });

  it('continues an attribution that ends the previous sentence', () => {
    const text = 'Repairs will take a month, Paul Grant said. “We ordered the parts yesterday.”';
    assert.deepEqual(attributions(text), [['Paul Grant', 'said', 'Paul Grant']]);
  });

  it('carries an attribution that closes one paragraph into an unattributed quote opening the next', () => {
    const text = '“The harbour is open again,” the port director said.\n\n“Ships are already queuing outside.”';
    const found = attributions(text);
    assert.equal(found.length, 2);
    assert.deepEqual(found[1].slice(0, 2), ['the port director', 'said']);
  });

  it('reads British single quotes and an inverted cue after a clause', () => {
    const text = "Rail services resumed on Monday. ‘We expect delays all week,’ said Priya Nair, who runs the line for the operator.";
    assert.deepEqual(attributions(text), [['Priya Nair', 'said', 'Priya Nair']]);
  });

  it('attributes a quote introduced by a colon at the end of the previous paragraph', () => {
    const text = 'In a letter to residents, Mayor Clara Diaz wrote:\n\n“We will rebuild the market hall before winter.”';
    assert.deepEqual(attributions(text), [['Mayor Clara Diaz', 'wrote', 'Clara Diaz']]);
    const titled = 'The board met on Monday. Dr. Lena Ortiz stated:\n\n“The clinic stays open.”';
    assert.equal(attributions(titled)[0][0], 'Dr. Lena Ortiz');
  });

  it('attributes a partial quote to the subject of its sentence', () => {
    const text = 'The Orbital Survey Agency issued a statement on Monday and condemned “the reckless test.”';
    assert.deepEqual(attributions(text), [['The Orbital Survey Agency', 'condemned', 'Orbital Survey Agency']]);
  });

  it('finds the mention in a transcript label and after a signature dash', () => {
    const text = 'Transcript of the evening interview, lightly edited for length and clarity by the station.\n\nHOST: "Will you run again?"\n\n“I love this city.” ― Dana Whitfield';
    assert.deepEqual(
      attributions(text).map(([speaker]) => speaker),
      ['HOST', 'Dana Whitfield'],
    );
  });

  it('credits no one with a scare quote in a clause that reports no speech', () => {
    const text = 'The Vega rocket lifted off from Kourou on Tuesday, marking "Europe\'s return" to small launches.';
    assert.deepEqual(attributions(text), [[null, null, null]]);
    // A person who is the subject still is the likely source of a phrase quoted in the same sentence.
    const person = 'Senator Dana Holt left the hearing early, leaving "a lot of questions" for the board.';
    assert.equal(attributions(person)[0][0], 'Senator Dana Holt');
  });

  it('credits the speaker of a speech verb before "according to a translation", but the source of any other "according to"', () => {
    const text = 'Minister Alva Rand told reporters, according to a translation by the embassy, that "the border stays open."';
    assert.deepEqual(attributions(text).map(([speaker, cue]) => [speaker, cue]), [['Minister Alva Rand', 'told']]);
    const sourced = '"We stay," the mayor said, according to the Harbor Gazette.';
    assert.deepEqual(attributions(sourced).map(([speaker, cue]) => [speaker, cue]), [['the Harbor Gazette', 'according to']]);
  });

  it('reads each turn of a transcript as a direct statement of its label, in capitals, with a title or as a name', () => {
    const text = [
      'Transcript of the council meeting on the harbour bill.',
      'SMITH: We will vote against the bill.',
      'MR. JONES: The bill is fair, and the harbour needs it.',
      'SMITH: It is "a disgrace," frankly.',
      'Anna Lee: I disagree with both of you.',
    ].join('\n\n');
    const found = quotes(text);
    assert.deepEqual(
      found.map((q) => [q.text, q.speaker?.text, q.kind]),
      [
        ['We will vote against the bill.', 'SMITH', 'direct'],
        ['The bill is fair, and the harbour needs it.', 'MR. JONES', 'direct'],
        ['It is "a disgrace," frankly.', 'SMITH', 'direct'],
        ['I disagree with both of you.', 'Anna Lee', 'direct'],
      ],
    );
    for (const q of found) assert.equal(text.slice(q.speaker!.start, q.speaker!.end), q.speaker!.text);
  });

  it('credits the answers of a Q&A interview to the person the introduction names, and questions to no one', () => {
    const text = [
      'Harbour pilot looks back',
      'Nora Kell, the harbour pilot, spoke to us about her forty years on the river.',
      'Q: How long have you piloted ships?',
      'A: Twenty years, and I still love the tides.',
      'Q: Any regrets?',
      'A: None at all.',
    ].join('\n\n');
    assert.deepEqual(
      quotes(text).map((q) => [q.text, q.speaker?.text ?? null]),
      [
        ['How long have you piloted ships?', null],
        ['Twenty years, and I still love the tides.', 'Nora Kell'],
        ['Any regrets?', null],
        ['None at all.', 'Nora Kell'],
      ],
    );
  });

  it('does not take a headline, a tally, one-off notes or a repeated heading for transcript turns', () => {
    const text = 'Survey: Voters split on the harbour bill\n\nHolt: 547.\n\nMoss: 46.\n\nUPDATE: This story was updated.\n\nCORRECTION: An earlier version misspelled a name.';
    assert.deepEqual(quotes(text), []);
    const blog = 'Storm live\n\nUPDATE: The bridge is closed.\n\nUPDATE: Ferries are cancelled until noon.\n\nUPDATE: Power is back in the old town.';
    assert.deepEqual(quotes(blog), []);
  });

  it('names the subject for a pronoun in a clause governed by the subject\'s own verb, and keeps other pronouns', () => {
    const text = 'Mayor Clara Diaz says she welcomed what she calls "a fair deal for the harbour."';
    assert.equal(attributions(text)[0][0], 'Mayor Clara Diaz');
    const relative = 'The audit covered the 2022 report, which she said was "incomplete at best."';
    assert.equal(attributions(relative)[0][0], 'she');
  });

  it('ends a sentence at a quote that ends with a full stop, unless the words after it attribute the quote', () => {
    const text = 'Auditor Sam Reyes said the books were "clean." The mayor later said she disagreed with what she called "a rushed review."';
    assert.deepEqual(attributions(text).map(([speaker]) => speaker), ['Auditor Sam Reyes', 'The mayor']);
    const inverted = '"Who pays for the pier?" Councillor Ada Moss asked at the meeting.';
    assert.equal(attributions(inverted)[0][0], 'Councillor Ada Moss');
    const closing = 'The vote was close. "We will build it anyway." Mayor Clara Diaz said.';
    assert.equal(attributions(closing)[0][0], 'Mayor Clara Diaz');
    const state = '"Full steam ahead!" Rep. Dana Holt, R-Pa., said of the convention floor.';
    assert.equal(attributions(state)[0][0], 'Rep. Dana Holt');
  });

  it('credits a name a participle follows after a preposition, and the pronoun a joined cue shares', () => {
    const text = 'The new ad opens with footage of Mayor Clara Diaz saying, "The harbour will be ready."';
    assert.equal(attributions(text)[0][0], 'Mayor Clara Diaz');
    const joined = 'When her neighbour asked about the pier on the drive home, she laughed and said, "Ask me in June."';
    assert.equal(attributions(joined)[0][0], 'she');
    // A noun before "and" may be the object of the first verb: the subject of the sentence speaks.
    const object = 'The minister denounced the harbour plans and pledged "a full review."';
    assert.equal(attributions(object)[0][0], 'The minister');
  });

  it('credits a quote closing its paragraph to a signature paragraph below it, and reads a weekday before a noun', () => {
    const text = 'Claims checked this week.\n\n"The harbour bill pays for itself."\n\n- Dana Holt.\n\nThe claim is hard to check.';
    assert.equal(quotes(text)[0].speaker?.text, 'Dana Holt');
    const unsigned = 'Claims checked this week.\n\n"The harbour bill pays for itself."\n\n- The figures are from 2023.';
    assert.equal(quotes(unsigned)[0].speaker?.text ?? null, null);
    const weekday = '"We stay," reads a Sunday column in the Harbor Gazette.';
    assert.equal(attributions(weekday)[0][0], 'a Sunday column');
  });

  it('skips a dateline with a date and agency, and a place\'s state after the introductory comma', () => {
    const dateline = 'HARBORVILLE, May 3 (AP) — The Harbor Transit Authority released a statement offering "a full apology" to riders.';
    assert.equal(attributions(dateline)[0][0], 'The Harbor Transit Authority');
    const place = 'At a rally in Portland, Maine, Holt went after the board, calling it "a closed shop."';
    assert.equal(attributions(place)[0][0], 'Holt');
    const modifiers = 'In a hastily called, late-night session, the council issued a statement calling the closure "a mistake."';
    assert.equal(attributions(modifiers)[0][0], 'the council');
    const adverb = 'Conversely, the auditors rated the accounts "entirely sound."';
    assert.equal(attributions(adverb)[0][0], 'the auditors');
    const object = 'Fishermen marching through the harbour chanted "Save the pier!" until dawn.';
    assert.equal(attributions(object)[0][0], 'Fishermen');
  });

  it('reads "notes" ending an attribution, and carries a reported speaker into a quote opening the next paragraph', () => {
    const notes = '"The pier opened in 1910," Holt notes.';
    assert.equal(attributions(notes)[0][0], 'Holt');
    const reported = 'The board met on Monday.\n\nHolt said that the pier would stay open through the winter.\n\n"We owe that to the fishermen."';
    assert.deepEqual(attributions(reported)[0].slice(0, 2), ['Holt', 'said']);
    // A paragraph that only narrates passes no speaker on.
    const narrated = 'The board met on Monday.\n\nThe pier stayed open through the winter.\n\n"We owe that to the fishermen."';
    assert.equal(attributions(narrated)[0][0], null);
  });

  it('leaves a quote without attribution unattributed', () => {
    const text = 'The slogan “Build it better” appeared on every bus.';
    const found = quotes(text);
    assert.ok(found.every((q) => q.speaker === null || q.speaker.text !== 'Build'));
  });

  it('gives paragraph-relative offsets for speaker mentions', () => {
    const paragraph = '“Done,” he said.';
    const [attribution] = attributeQuotes(paragraph, [{ start: 0, end: 7 }]);
    assert.deepEqual(attribution?.speaker, { start: 8, end: 10, text: 'he' });
    assert.equal(attribution?.cue, 'said');
  });
});

describe('speakers: resolution', () => {
  it('resolves "it" and "the agency" to the nearest agency that is not a prepositional object', () => {
    const text = [
      'The Orbital Survey Agency suspended its work with the Harbor Transit Authority on Tuesday.',
      'Citing a review by the Harbor Transit Authority board, the agency said, “All joint projects are on hold.” It added that “no new contracts will be signed.”',
    ].join('\n\n');
    const found = quotes(text);
    assert.deepEqual(
      found.map((q) => [q.speaker?.text, q.resolved]),
      [
        ['the agency', 'Orbital Survey Agency'],
        ['It', 'Orbital Survey Agency'],
      ],
    );
  });

  it('resolves "he" and "she" to the nearest person named before', () => {
    const text = 'Transport minister Olga Petrov visited the depot on Monday.\n\n“The new trams are late,” she said.';
    assert.deepEqual(attributions(text), [['she', 'said', 'Olga Petrov']]);
  });

  it('resolves a surname to the full name first mentioned', () => {
    const text = 'Engineer Samuel Okafor led the inspection.\n\n“The welds held,” Okafor said.';
    assert.deepEqual(attributions(text), [['Okafor', 'said', 'Samuel Okafor']]);
  });

  it('resolves a description like "the spokesman" to a person', () => {
    const text = 'Daniel Brooks, who speaks for the port, said on Monday that volumes were recovering.\n\n“Cargo is moving again,” the spokesman said.';
    assert.deepEqual(attributions(text), [['the spokesman', 'said', 'Daniel Brooks']]);
  });

  it('resolves "the company" and "the US agency" to the nearest agency of that kind and country', () => {
    const text = [
      'NASA said on Monday that it would review the contract, and the Orbital Survey Agency agreed.',
      'According to Airbus, which builds the module, production continues. “Our line keeps working,” the company said.',
      'A spokeswoman for the US agency said the talks were “constructive”.',
    ].join('\n\n');
    const found = quotes(text).map((q) => [q.speaker?.text, q.resolved]);
    assert.deepEqual(found, [
      ['the company', 'Airbus'],
      ['the US agency', 'NASA'],
    ]);
  });

  it('credits a titled person named after an agency to the person', () => {
    const text = '“We would rather fly late than fly twice,” OSA Director General Lena Holm told reporters.';
    assert.deepEqual(attributions(text), [['OSA Director General Lena Holm', 'told', 'Lena Holm']]);
  });
});
