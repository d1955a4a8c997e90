import assert from 'node:assert/strict';
import { annotate, type AnalysisResult, type QuoteAnnotation } from '../../server/src/analysis/annotate';
import { findPersonMentions } from '../../server/src/analysis/entities/personMentions';

const CUSTOM = [{ name: 'Harbor Transit Authority', category: 'government' as const }];

function analyse(text: string): AnalysisResult {
  return annotate(text, { publicationDate: '2024-05-14', customAgencies: CUSTOM });
}

function quotes(text: string): QuoteAnnotation[] {
  return analyse(text).annotations.filter((a): a is QuoteAnnotation => a.type === 'quote');
}

/** [speaker mention, resolved, resolvedKind] of each quote. */
function credited(text: string): Array<[string | null, string | null, string | null]> {
  return quotes(text).map((q) => [q.speaker?.text ?? null, q.resolved, q.resolvedKind]);
}

describe('entities: people in the text', () => {
  it('finds every person, not only those who speak, without titles, possessives or stray words', () => {
    const found = findPersonMentions('Rival Dana Whitfield met Massachusetts Sen. Maria Lopez and Mrs. Okafor at Lopez’s office.');
    assert.deepEqual(
      found.map((p) => [p.name, p.surname, p.gender]),
      [
        ['Dana Whitfield', 'Whitfield', 'female'],
        ['Maria Lopez', 'Lopez', 'female'],
        ['Okafor', 'Okafor', 'female'],
        ['Lopez', 'Lopez', null],
      ],
    );
    assert.deepEqual(found[1].roles, ['senator']);
  });

  it('takes gender from honorifics and from given names compromise knows', () => {
    const found = findPersonMentions('Mr. Reyes spoke to Paul Okoye and to Hillary Stone.');
    assert.deepEqual(found.map((p) => p.gender), ['male', 'male', 'female']);
  });

  it('reads roles and ages given in apposition or before the name', () => {
    const [king, delgado, reed] = findPersonMentions(
      'Charlie Knox, a prominent harbour Democrat, said so. Rosa Delgado, the mayor’s campaign manager, agreed. Later spokesman Tom Reed, 82, left.',
    ).filter((p) => !p.bare);
    assert.deepEqual(king.roles, ['democrat']);
    assert.deepEqual(delgado.roles, ['campaign manager']);
    assert.deepEqual([reed.roles, reed.age], [['spokesman'], 82]);
  });

  it('keeps places, months and institutions out', () => {
    const names = findPersonMentions('North Korea said in March that the Clinton Foundation and Springfield agreed.').filter((p) => !p.bare);
    assert.deepEqual(names, []);
  });
});

describe('entities: sentence openers', () => {
  it('does not take a comparative that opens a sentence for a given name ("Later Okafor said")', () => {
    const found = findPersonMentions('Later Okafor said the plan was sound. Earlier Dana Whitfield had agreed.');
    assert.deepEqual(found.map((p) => p.name), ['Okafor', 'Dana Whitfield']);
  });
});

describe('entities: the table of who is who', () => {
  it('groups a full name, a surname and a titled surname into one person with every mention', () => {
    const result = analyse('Dana Whitfield runs the port. Whitfield said little.\n\n“We are ready,” Ms. Whitfield said.');
    const people = result.entities.filter((e) => e.kind === 'person');
    assert.deepEqual(people.map((p) => [p.name, p.gender, p.mentions.length]), [['Dana Whitfield', 'female', 3]]);
  });

  it('keeps two people of one surname apart and gives a surname to the one just named', () => {
    const text = 'Hillary Clinton spoke first. Bill Clinton followed her on stage.\n\n“It was a long night,” Clinton said.';
    assert.deepEqual(credited(text), [['Clinton', 'Bill Clinton', 'person']]);
  });

  it('lists no person that only capitalisation suggests and nobody quotes', () => {
    const result = analyse('The crew of the International Space Station (ISS) grew. Commander Lena Holm said so.');
    assert.deepEqual(result.entities.filter((e) => e.kind === 'person').map((e) => e.name), ['Lena Holm']);
  });

  it('joins an agency’s short form to its full name', () => {
    const text = 'The Washington Post published the letter on Monday.\n\n“We stand by it,” the Post said.';
    const result = analyse(text);
    const agencies = result.entities.filter((e) => e.kind === 'agency');
    assert.equal(agencies.length, 1);
    assert.equal(agencies[0].mentions.length, 2);
  });
});

describe('entities: who said it', () => {
  it('resolves a name to the fullest name the article gives', () => {
    const text = 'Engineer Samuel Okafor led the inspection.\n\n“The welds held,” Okafor said.';
    assert.deepEqual(credited(text), [['Okafor', 'Samuel Okafor', 'person']]);
  });

  it('makes the resolved name clean: no title, possessive or leading adjective', () => {
    const text = '“We will build it,” said Massachusetts Sen. Maria Lopez (D).\n\n“Not like this,” Rival Dana Whitfield said.';
    assert.deepEqual(credited(text).map(([, resolved]) => resolved), ['Maria Lopez', 'Dana Whitfield']);
  });

  it('resolves he and she by gender, not to the nearest name', () => {
    const text = 'Dana Whitfield met Paul Okoye at the depot on Monday.\n\n“The trains will run,” she said. “Not on time,” he said.';
    assert.deepEqual(credited(text).map(([, resolved]) => resolved), ['Dana Whitfield', 'Paul Okoye']);
  });

  it('prefers the speaker of the quote before over a person named after a preposition', () => {
    const text = '“We will appeal,” Dana Whitfield said of the ruling by Judge Maria Lopez.\n\n“It is not over,” she added.';
    assert.deepEqual(credited(text).map(([, resolved]) => resolved), ['Dana Whitfield', 'Dana Whitfield']);
  });

  it('prefers the subject of the latest sentence over the speaker of an older quote', () => {
    const text = '“We will appeal,” Dana Whitfield said.\n\nMaria Lopez, who chairs the board, disagreed on Tuesday. “There is nothing to appeal,” she said.';
    assert.deepEqual(credited(text).map(([, resolved]) => resolved), ['Dana Whitfield', 'Maria Lopez']);
  });

  it('resolves a description by the role or age the article gave', () => {
    const text = [
      'Sen. Maria Lopez and Paul Okoye toured the site. Mr. Knox, 82, watched.',
      '“The money is there,” the senator said.',
      '“I have seen worse,” the 82-year-old said.',
    ].join('\n\n');
    assert.deepEqual(credited(text).map(([, resolved]) => resolved), ['Maria Lopez', 'Knox']);
  });

  it('credits an unnamed spokesman to the agency they speak for', () => {
    const text = '“Service resumes at noon,” a Harbor Transit Authority spokesman said.';
    assert.deepEqual(credited(text), [['a Harbor Transit Authority spokesman', 'Harbor Transit Authority', 'agency']]);
  });

  it('credits a named person to the person, not to the agency in their title', () => {
    const text = '“We are ready,” Harbor Transit Authority director Lena Holm said.';
    assert.deepEqual(credited(text).map(([, resolved, kind]) => [resolved, kind]), [['Lena Holm', 'person']]);
  });

  it('resolves nothing when nothing fits: a wrong name is worse than none', () => {
    assert.deepEqual(credited('“The line is closed,” the official said.'), [['the official', null, null]]);
    assert.deepEqual(credited('“The line is closed,” he said.'), [['he', null, null]]);
  });

  it('credits a group by its name', () => {
    const text = 'The vote was close.\n\n“We won,” Democrats said.';
    assert.deepEqual(credited(text), [['Democrats', 'Democrats', 'group']]);
  });

  it('records a pronoun that speaks as a mention of its entity, and links the quote to it', () => {
    const text = 'Dana Whitfield runs the port.\n\n“We are ready,” she said.';
    const result = analyse(text);
    const quote = result.annotations.find((a): a is QuoteAnnotation => a.type === 'quote')!;
    const dana = result.entities[quote.entity!];
    assert.equal(dana.name, 'Dana Whitfield');
    assert.deepEqual(dana.mentions.map((m) => text.slice(m.start, m.end)), ['Dana Whitfield', 'she']);
  });
});
