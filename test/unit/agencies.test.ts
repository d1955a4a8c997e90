import assert from 'node:assert/strict';
import { abbreviates, createAgencyTagger } from '../../server/src/analysis/agencies/agencies';
import type { AgencyAnnotation, CustomAgency } from '../../server/src/analysis/annotation';
import { splitParagraphs } from '../../server/src/analysis/text/paragraphs';

/** Runs the tagger the way annotate() does: per paragraph, then the document-level pass. */
function agencies(text: string, custom: readonly CustomAgency[] = []): AgencyAnnotation[] {
  const tagger = createAgencyTagger(custom);
  const mentions = [];
  for (const paragraph of splitParagraphs(text)) {
    for (const m of tagger.findInParagraph(paragraph.text)) mentions.push({ ...m, start: m.start + paragraph.start, end: m.end + paragraph.start });
  }
  return tagger.resolve(text, mentions);
}

function texts(found: readonly AgencyAnnotation[]): string[] {
  return found.map((a) => a.text);
}

function canonicalOf(found: readonly AgencyAnnotation[], text: string): string | undefined {
  return found.find((a) => a.text === text)?.canonical;
}

describe('agencies', () => {
  it('keeps offsets that point at the mention', () => {
    const text = 'Officials at NASA and the European Space Agency met in Paris on Monday.';
    for (const a of agencies(text)) assert.equal(text.slice(a.start, a.end), a.text);
  });

  it('unifies a name defined with its acronym, and later bare uses of the acronym', () => {
    const text =
      'The German Aerospace Center (DLR) said on Friday it had halted joint work.\n\n' +
      'A DLR spokesperson said the decision was final.';
    const found = agencies(text);
    assert.deepEqual(texts(found), ['German Aerospace Center', 'DLR', 'DLR']);
    assert.ok(found.every((a) => a.canonical === 'German Aerospace Center' && a.acronym === 'DLR'));
  });

  it('learns an unknown acronym from "Name (ACR)" and from "ACR (Name)"', () => {
    const text =
      'The Harbour Pilots Guild (HPG) called a strike on Tuesday.\n\n' +
      'Members of the HPG walked out at dawn. Later the MRC (Marine Rescue Cooperative) offered its boats.\n\n' +
      'The MRC said it would help.';
    const found = agencies(text);
    assert.equal(canonicalOf(found, 'HPG'), 'Harbour Pilots Guild');
    assert.equal(found.filter((a) => a.text === 'HPG').length, 2);
    assert.equal(canonicalOf(found, 'Marine Rescue Cooperative'), 'Marine Rescue Cooperative');
    assert.equal(found.filter((a) => a.text === 'MRC' && a.canonical === 'Marine Rescue Cooperative').length, 2);
  });

  it('lets the article define letters the lexicon gives another body, but keeps a translated name of the known one', () => {
    const own = agencies('The Kestrel Port Authority (KPA) will reopen the quay.\n\nThe KPA expects delays.');
    assert.deepEqual(own.map((a) => [a.text, a.canonical, a.country ?? null]), [
      ['Kestrel Port Authority', 'Kestrel Port Authority', null],
      ['KPA', 'Kestrel Port Authority', null],
      ['KPA', 'Kestrel Port Authority', null],
    ]);
    const translated = agencies('The French National Center for Space Studies (CNES) will launch.\n\nCNES expects delays.');
    assert.deepEqual([...new Set(translated.map((a) => a.canonical))], ["Centre National d'Etudes Spatiales"]);
  });

  it('ends a name at a dash spaced on both sides, and keeps a hyphen that joins words', () => {
    assert.deepEqual(texts(agencies('OSLO - The Harbour Development Authority said it would reopen.')), ['Harbour Development Authority']);
    assert.deepEqual(texts(agencies('The Deutsches Zentrum für Luft- und Raumfahrt will launch.')), ['Deutsches Zentrum für Luft- und Raumfahrt']);
  });

  it('accepts CoNLL-style spaced brackets in a definition', () => {
    const found = agencies('The Harbour Pilots Guild ( HPG ) said on Tuesday its members would strike .');
    assert.deepEqual(texts(found), ['Harbour Pilots Guild', 'HPG']);
  });

  it('resolves known aliases, Cyrillic names and handles to one canonical agency', () => {
    const text =
      'Roscosmos said the launch was postponed. Roskosmos, as the agency is also spelt, gave no reason.\n\n' +
      'Роскосмос перенёс запуск. — РОСКОСМОС (@roscosmos) March 3, 2022\n\n' +
      'Photo: @Roscosmos';
    const found = agencies(text);
    assert.deepEqual(texts(found), ['Roscosmos', 'Roskosmos', 'Роскосмос', 'РОСКОСМОС', '@roscosmos', '@Roscosmos']);
    assert.ok(found.every((a) => a.canonical === 'Roscosmos' && a.category === 'space agency'));
  });

  it('tags a regional handle of an agency as that agency', () => {
    const found = agencies('We are ending our cooperation. — DLR - English (@DLR_en) March 3, 2022');
    assert.equal(canonicalOf(found, '@DLR_en'), 'German Aerospace Center');
    assert.equal(canonicalOf(found, 'DLR'), 'German Aerospace Center');
  });

  it('gives ESA and the European Space Agency the same canonical name', () => {
    const found = agencies('The European Space Agency (ESA) will follow the sanctions, ESA said.');
    assert.deepEqual(found.map((a) => a.canonical), ['European Space Agency', 'European Space Agency', 'European Space Agency']);
  });

  it('recognises organisations by their head word and by "X of Y"', () => {
    const found = agencies(
      'Shares of Brackwater Holdings rose after the Ministry of Fisheries approved the deal, and the Lakeland Farmers Association objected.',
    );
    assert.deepEqual(texts(found), ['Brackwater Holdings', 'Ministry of Fisheries', 'Lakeland Farmers Association']);
    assert.equal(found[0].category, 'company');
    assert.equal(found[1].category, 'ministry');
  });

  it('keeps a company suffix with its period', () => {
    const found = agencies('The contract went to Orrin Widgets Inc. last week.');
    assert.deepEqual(texts(found), ['Orrin Widgets Inc.']);
  });

  it('recognises organisations from the words around them', () => {
    const text =
      'A spokesman for Veltrona declined to comment. Analysts expect Veltrona to cut jobs.\n\n' +
      'On Tuesday, Kestrix said in a statement that talks would resume.';
    const found = agencies(text);
    assert.deepEqual(texts(found), ['Veltrona', 'Veltrona', 'Kestrix']);
  });

  it('does not take a person for an organisation', () => {
    const found = agencies('A spokesman for John Miller said the report was wrong. Miller is a former banker.');
    assert.deepEqual(texts(found), []);
  });

  it('finds agencies in an all-caps headline when the story names them', () => {
    const text = 'ROSCOSMOS HALTS WORK WITH DLR ON STATION EXPERIMENTS\n\nRoscosmos said it would finish the experiments alone.';
    const found = agencies(text);
    assert.ok(texts(found).includes('ROSCOSMOS'));
    assert.ok(texts(found).includes('DLR'));
    assert.equal(canonicalOf(found, 'ROSCOSMOS'), 'Roscosmos');
  });

  it('treats towns in results tables of a sports report as teams', () => {
    const text = [
      'SOCCER - COUNTY LEAGUE RESULTS .',
      'Results of matches played on Saturday :',
      'Carlisle 2 Dunmore 1',
      'Ashby 0 Fenwick 0',
      'Carlisle beat Dunmore for the second time this season .',
    ].join('\n');
    const found = agencies(text);
    assert.deepEqual(texts(found), ['Carlisle', 'Dunmore', 'Ashby', 'Fenwick', 'Carlisle', 'Dunmore']);
    assert.ok(found.every((a) => a.category === 'sports'));
  });

  it('does not take a player for a club in a team-sports report', () => {
    const text = [
      'SOCCER - HARBOUR CITY EDGE PAST RIVERSIDE .',
      'Teodor Vasquell scored twice as Harbour City beat Riverside 2-1 in the league on Saturday , and the striker said the coach deserved the credit .',
      'Vasquell won the penalty that decided the match .',
    ].join('\n');
    const found = texts(agencies(text));
    assert.ok(!found.some((t) => /Vasquell/i.test(t)), found.join(', '));
  });

  it('drops the surname of a person named in full elsewhere in the document', () => {
    const text = 'Alexander Morrow resigned on Monday.\n\nMorrow said in a statement that he had no regrets.';
    assert.deepEqual(texts(agencies(text)), []);
  });

  it('reads "the Court" and a name called a newspaper as agencies', () => {
    const found = agencies('The appeal was rejected. The case on which the Court has ruled was reported by Gazeta Nowa daily on Sunday.');
    assert.deepEqual(texts(found), ['Court', 'Gazeta Nowa']);
    assert.equal(found[1].category, 'media');
  });

  it('finds a known name inside a hyphenated compound', () => {
    const found = agencies('The Gazprom-owned channel dropped the show, and Ontario-based Magna said nothing.');
    assert.deepEqual(texts(found), ['Gazprom', 'Magna']);
  });

  it('keeps countries, nationalities, stations and platforms-as-media out', () => {
    const text =
      'Russia said on Thursday that it would stop working with Germany aboard the International Space Station (ISS). ' +
      'Taking to Twitter, Russian officials said Ukraine was to blame. The ISS crew was told on Monday.';
    assert.deepEqual(texts(agencies(text)), []);
  });

  it('tags a platform when it acts', () => {
    const found = agencies('Twitter suspended the account on Friday, the company said.');
    assert.deepEqual(texts(found), ['Twitter']);
  });

  it('drops a word that only looks like a name', () => {
    const found = agencies('Meanwhile the talks continued. Later that week, Thursday brought snow.');
    assert.deepEqual(texts(found), []);
  });

  it('matches custom agencies like lexicon entries, with source "custom"', () => {
    const custom: CustomAgency[] = [{ name: 'Orbital Debris Office', acronym: 'ODO', aliases: ['@odo_space'], category: 'space agency', country: 'Norway' }];
    const found = agencies('The ODO tracked the fragment. @odo_space posted a chart. Staff at the Orbital Debris Office agreed.', custom);
    assert.deepEqual(texts(found), ['ODO', '@odo_space', 'Orbital Debris Office']);
    assert.ok(found.every((a) => a.source === 'custom' && a.canonical === 'Orbital Debris Office' && a.country === 'Norway'));
  });

  it('changes its memo key with the custom agencies', () => {
    assert.notEqual(createAgencyTagger([]).key, createAgencyTagger([{ name: 'Orbital Debris Office' }]).key);
  });

  it('checks that an acronym abbreviates its name', () => {
    assert.ok(abbreviates('DLR', 'Deutsches Zentrum für Luft- und Raumfahrt'));
    assert.ok(abbreviates('OSCE', 'Organisation for Security and Cooperation in Europe'));
    assert.ok(!abbreviates('NASA', 'European Space Agency'));
  });

  it('never splits a surrogate pair', () => {
    const text = '🚀 NASA 🚀 and ESA 🌍 agreed.';
    for (const a of agencies(text)) {
      const first = text.charCodeAt(a.start);
      const last = text.charCodeAt(a.end - 1);
      assert.ok(!(first >= 0xdc00 && first <= 0xdfff) && !(last >= 0xd800 && last <= 0xdbff));
    }
    assert.deepEqual(texts(agencies(text)), ['NASA', 'ESA']);
  });

  it('reads an agency’s own board as the agency acting, not as another agency', () => {
    const found = agencies('The decision was taken by the NASA Advisory Council and the ESA Executive Board on Monday.');
    assert.deepEqual(texts(found), ['NASA', 'ESA']);
  });

  describe('a known name inside a longer name', () => {
    it('reads a club named after a known one and a town as another club', () => {
      const found = agencies('Inter Miami beat Orlando City 2-1 on Saturday, and Inter Miami CF now lead the conference.');
      assert.ok(!found.some((a) => a.canonical === 'Inter Milan'), JSON.stringify(found));
      assert.equal(canonicalOf(found, 'Inter Miami'), 'Inter Miami');
      assert.equal(found.find((a) => a.text === 'Inter Miami')?.category, 'sports');
    });

    it('still reads the known name alone', () => {
      const found = agencies('Inter won 3-0 at home, and the Tata Group bought the site.');
      assert.equal(canonicalOf(found, 'Inter'), 'Inter Milan');
      assert.equal(canonicalOf(found, 'Tata Group'), 'Tata');
    });

    it('does not take a person whose name starts with a known name for that agency', () => {
      const found = agencies('The coach Tata Martino said his side had deserved the draw.');
      assert.ok(!found.some((a) => a.canonical === 'Tata'), JSON.stringify(found));
    });

    it('matches a whole known name written with a possessive, not the body inside it', () => {
      const found = agencies("China's National People's Congress approved the plan. Moody’s Investors Service said it would review the rating.");
      assert.equal(canonicalOf(found, "National People's Congress"), "National People's Congress");
      assert.ok(!found.some((a) => a.canonical === 'US Congress'));
      assert.equal(canonicalOf(found, 'Moody’s Investors Service'), "Moody's");
    });

    it('keeps the known name before an ordinary word or a person', () => {
      const found = agencies('NASA Administrator Lena Ostrova visited the site.');
      assert.deepEqual(texts(found), ['NASA']);
    });
  });

  describe('kinds of names the lexicon lacks', () => {
    it('reads club forms before and after a name, and "St." inside a name', () => {
      const found = agencies('FC Lakeside beat SC Norburg 2-0, while Paris St. Germain drew with Westbrook FC.');
      assert.deepEqual(texts(found), ['FC Lakeside', 'SC Norburg', 'Paris St. Germain', 'Westbrook FC']);
      assert.equal(canonicalOf(found, 'Paris St. Germain'), 'Paris Saint-Germain');
      assert.ok(found.every((a) => a.category === 'sports'));
    });

    it('reads a company contracted with its trade, and utilities named by their trade', () => {
      const found = agencies('Norpower said demand rose, and the grid operator blamed Veldgroup. Kestrel Electric Power agreed.');
      assert.deepEqual(texts(found), ['Norpower', 'Veldgroup', 'Kestrel Electric Power']);
      assert.ok(found.every((a) => a.category === 'company'));
    });

    it('does not read a capitalised ordinary compound at the start of a sentence as a company', () => {
      assert.deepEqual(texts(agencies('Superpower rivalry grew over the decade.')), []);
    });

    it('knows companies named with a possessive, in either apostrophe', () => {
      const found = agencies("Macy’s and Sainsbury's reported sales on Tuesday; Wendy's Inc. said nothing.");
      assert.deepEqual(texts(found), ['Macy’s', "Sainsbury's", "Wendy's Inc."]);
      assert.deepEqual(found.map((a) => a.canonical), ["Macy's", "Sainsbury's", "Wendy's"]);
    });

    it('reads a name after "the utility" or "ratings agency" as an organisation', () => {
      const found = agencies('The state utility Electrosur cut supplies, and ratings agency Capstone downgraded the debt.');
      assert.deepEqual(texts(found), ['Electrosur', 'Capstone']);
    });
  });

  describe('acronyms defined in the text', () => {
    it('joins a long form to the known agency its acronym names, nationality and later mentions included', () => {
      const text =
        'The French National Center for Space Studies (CNES) will build the camera.\n\n' +
        'CNES engineers said the National Center for Space Studies had the funds.';
      const found = agencies(text);
      assert.deepEqual(texts(found), ['French National Center for Space Studies', 'CNES', 'CNES', 'National Center for Space Studies']);
      assert.equal(new Set(found.map((a) => a.canonical)).size, 1);
      assert.ok(found.every((a) => a.category === 'space agency' && a.country === 'France'));
    });

    it('does not join a bracketed known acronym to a name it does not abbreviate', () => {
      const found = agencies('Lena Ostrova of the Orbital Debris Office (NASA) spoke first.');
      assert.notEqual(canonicalOf(found, 'Orbital Debris Office'), 'NASA');
    });
  });

  describe('generic institutions take the country of the story', () => {
    it('reads "the Supreme Court" in a London-datelined story as the UK court, and keeps a named US court', () => {
      const text =
        'LONDON — The Supreme Court ruled on Tuesday that the minister had acted unlawfully.\n\n' +
        'The UK Supreme Court said Parliament must vote. The Treasury declined to comment. The U.S. Supreme Court has no say.';
      const found = agencies(text);
      assert.equal(found[0].canonical, 'UK Supreme Court');
      assert.equal(found[0].country, 'United Kingdom');
      assert.equal(canonicalOf(found, 'UK Supreme Court'), 'UK Supreme Court');
      assert.equal(canonicalOf(found, 'Parliament'), 'UK Parliament');
      assert.equal(canonicalOf(found, 'Treasury'), 'HM Treasury');
      assert.equal(canonicalOf(found, 'U.S. Supreme Court'), 'US Supreme Court');
    });

    it('names a generic body after the country when the lexicon has none', () => {
      const found = agencies('PARIS, May 3 (AFP) - The Foreign Ministry summoned the ambassador, and Parliament will debate the matter.');
      assert.equal(canonicalOf(found, 'Foreign Ministry'), 'French Foreign Ministry');
      assert.equal(canonicalOf(found, 'Parliament'), 'French Parliament');
      assert.ok(found.filter((a) => a.text !== 'AFP').every((a) => a.country === 'France'));
    });

    it('uses the publication line and the most named country when there is no dateline', () => {
      assert.equal(canonicalOf(agencies('source: The Guardian\n\nThe Supreme Court ruled against the Treasury.'), 'Supreme Court'), 'UK Supreme Court');
      const named = agencies('The Supreme Court in Canada heard the case. Canadian lawyers said Canada would comply.');
      assert.equal(canonicalOf(named, 'Supreme Court'), 'Supreme Court of Canada');
    });

    it('leaves the lexicon reading when the story points nowhere, or at two countries equally', () => {
      assert.equal(canonicalOf(agencies('The Supreme Court agreed to hear the case.'), 'Supreme Court'), 'US Supreme Court');
      const found = agencies('Congress passed the sanctions bill, and the Senate and the Supreme Court agreed. Russia said Russia would respond.');
      assert.equal(canonicalOf(found, 'Supreme Court'), 'US Supreme Court');
    });

    it('never gives a country a body it does not have', () => {
      const found = agencies('WASHINGTON — Parliament is a word Americans rarely use; the Supreme Court ruled on Monday.');
      assert.notEqual(canonicalOf(found, 'Parliament'), 'US Parliament');
      assert.equal(canonicalOf(found, 'Supreme Court'), 'US Supreme Court');
    });
  });

  describe('places, events and sections that look like agencies', () => {
    it('reads a dateline as a place, and the same name later in the story too', () => {
      const text = 'Minister visits Korvala ahead of talks .\nKORVALA , Eastland 1996-08-30\nThe minister arrived in Korvala on Friday , officials of the KDU said .';
      const found = texts(agencies(text));
      assert.ok(!found.some((t) => /korvala/i.test(t)), found.join(', '));
      assert.ok(found.includes('KDU'));
    });

    it('keeps a club named after the dateline town in a sports table', () => {
      const text = [
        'BASEBALL - STANDINGS .',
        'DENVER 2001-05-04',
        'Standings after games played on Thursday :',
        'DENVER 70 60 .538 -',
        'PORTLAND 66 64 .508 4',
      ].join('\n');
      assert.ok(texts(agencies(text)).includes('DENVER'));
    });

    it('does not take a known agency opening a headline for a dateline', () => {
      assert.deepEqual(texts(agencies('NASA — launch slips again\n\nNASA said the rocket needs repairs.')), ['NASA', 'NASA']);
    });

    it('reads the home side of a schedule line as the venue', () => {
      const text = ['BASEBALL - FRIDAY SCHEDULE .', 'Results of the week :', 'KESTON AT ORWELL', 'DUNMORE AT ASHBY', 'Keston beat Ashby 4-2 on Thursday .'].join('\n');
      const found = texts(agencies(text));
      assert.ok(found.includes('KESTON') && found.includes('DUNMORE'), found.join(', '));
      assert.ok(!found.includes('ORWELL') && !found.includes('ASHBY'), found.join(', '));
    });

    it('does not read a holiday, a cup or a sport section named after a body as that body', () => {
      const text = 'ATHLETICS - RESULTS FROM THE MEETING .\nThe Nissan Cup final and the Barclays Cup tie start on Sunday .';
      assert.deepEqual(texts(agencies(text)), []);
    });

    it('does not accept the owner of a named organisation through a cue meant for the organisation', () => {
      const found = texts(agencies('Police detained members of Lin Marew \'s National Unity League on Friday .'));
      assert.ok(!found.includes('Lin Marew'), found.join(', '));
    });

    it('does not read a lone capital letter as an agency', () => {
      assert.deepEqual(texts(agencies('Offer price range N / A\nShares on sale N / A')), []);
    });
  });

  describe('names around people', () => {
    it('reads the body after "<person> of" as an organisation, but not a place', () => {
      const found = texts(agencies('Michael Torvin of Harbour Renewal won the seat, and Anna Lisk of Chicago lost.'));
      assert.ok(found.includes('Harbour Renewal'), found.join(', '));
      assert.ok(!found.includes('Chicago') && !found.some((t) => /Torvin|Lisk/.test(t)), found.join(', '));
    });

    it("keeps a name with a possessive before its head whole, and a known name inside it apart", () => {
      const found = agencies("Lena Marsh of the Free People's Party won; the Democratic Party lost.");
      assert.ok(texts(found).includes("Free People's Party"), texts(found).join(', '));
      assert.equal(canonicalOf(found, "Free People's Party"), "Free People's Party");
    });
  });

  describe('the words around a known name', () => {
    it('leaves the article out of a newspaper name', () => {
      const found = agencies('As the reporter told The Guardian, the figures were wrong.');
      assert.deepEqual(texts(found), ['Guardian']);
      assert.equal(found[0].canonical, 'The Guardian');
    });

    it("takes a country's adjective before a body into its name, and that country's body for a generic one", () => {
      const found = agencies('The Kenyan News Agency said the Egyptian Interior Ministry and the Welsh Labour Party agreed, as did the U.S. Treasury.');
      assert.deepEqual(texts(found), ['Kenyan News Agency', 'Egyptian Interior Ministry', 'Welsh Labour Party', 'U.S. Treasury']);
      assert.equal(canonicalOf(found, 'Egyptian Interior Ministry'), 'Egyptian Interior Ministry');
      assert.equal(found.find((a) => a.text === 'Egyptian Interior Ministry')?.country, 'Egypt');
      assert.equal(canonicalOf(found, 'Welsh Labour Party'), 'Labour Party');
      assert.equal(canonicalOf(found, 'U.S. Treasury'), 'Department of the Treasury');
    });

    it('does not take a country into the name of an agency of another country', () => {
      const found = agencies('The American NASA and Russian Roscosmos teams met.');
      assert.deepEqual(texts(found), ['NASA', 'Roscosmos']);
    });
  });

  describe('lists', () => {
    it('reads unknown names listed with a known company as companies', () => {
      const found = agencies('Suppliers such as Magna , Orrin Controls and Veltrax have been bidding , and Gazprom , Norvik and Sterra followed .');
      assert.deepEqual(texts(found), ['Magna', 'Orrin Controls', 'Veltrax', 'Gazprom', 'Norvik', 'Sterra']);
      assert.ok(found.every((a) => a.category === 'company'));
    });

    it('does not take a comma alone, a person, a place or a product for a list member', () => {
      const text =
        'Staff at the University of Texas, Dalton, said so. Magna and Lena Marsh agreed, as did Gazprom and Chicago. ' +
        'Sony, Microsoft and PlayStation VR had stands, and Lin Pik-wan of the Civic Party and Gazprom spoke.';
      const found = texts(agencies(text));
      for (const name of ['Dalton', 'Lena Marsh', 'Chicago', 'PlayStation VR', 'Lin Pik']) assert.ok(!found.includes(name), found.join(', '));
    });
  });

  describe('bodies of other countries and places after a company', () => {
    it("reads another country's party of a known name as a party of its own", () => {
      const found = agencies('The Kenyan Democratic Party met on Monday, and the American Democratic Party did not.');
      assert.equal(canonicalOf(found, 'Kenyan Democratic Party'), 'Kenyan Democratic Party');
      assert.equal(found.find((a) => a.text === 'Kenyan Democratic Party')?.country, 'Kenya');
      assert.notEqual(canonicalOf(found, 'American Democratic Party'), 'Kenyan Democratic Party');
    });

    it('ends a company name at its legal form before "of" and its place', () => {
      const found = texts(agencies('It bought Orrin Widgets Inc of St. Petersburg , Fla. , for cash .'));
      assert.ok(found.includes('Orrin Widgets Inc'), found.join(', '));
    });
  });

  describe('more name shapes', () => {
    it('reads a name a group is "called" as an organisation, and its later mentions too', () => {
      const found = agencies('He left an elite group within the church called the Harbour Watch.\n\nThe Harbour Watch said he owed it money.');
      assert.deepEqual(texts(found), ['Harbour Watch', 'Harbour Watch']);
    });

    it('reads "Team X" as a team and a headed name "of" a place as one body', () => {
      const found = agencies('Team Norland rebuilt its robot, and the results appeared in the Medical Journal of Eastland.');
      assert.deepEqual(texts(found), ['Team Norland', 'Medical Journal of Eastland']);
      assert.equal(found[0].category, 'sports');
    });

    it('joins an acronym whose letters are the initials of its name in another order', () => {
      const found = agencies('The head of CEV (Venetian Episcopal Conference) spoke. CEV said the ruling was unfair.');
      assert.deepEqual(texts(found), ['CEV', 'Venetian Episcopal Conference', 'CEV']);
      assert.ok(found.every((a) => a.canonical === 'Venetian Episcopal Conference'));
    });

    it('does not read a club "of" its country in a results line as one name', () => {
      const found = texts(agencies('BASKETBALL - TOURNAMENT RESULTS .\nTorvik of Eastland beat Dinamo of Westland 92-81 ( halftime 50-28 ) in the final .'));
      assert.ok(!found.includes('Dinamo of Westland'), found.join(', '));
    });
  });

  describe('the state in court, and acronyms opening longer names', () => {
    it('reads "the Crown" in a court story as the state, not the Crown Prince', () => {
      const found = agencies('In the words of the Crown prosecutor, the parents had failed her. The Crown Prince visited the court.');
      assert.deepEqual(texts(found), ['Crown']);
    });

    it('finds an acronym the story names as an agency at the start of a longer unknown name', () => {
      const found = agencies('The Harbour Pilots Guild (HPG) voted on Monday.\n\nThe HPG Training Rooms open in May.');
      assert.equal(found.filter((a) => a.text === 'HPG' && a.canonical === 'Harbour Pilots Guild').length, 2);
    });
  });
});

describe('agencies the user ignores', () => {
  // Imported here so the rest of this file keeps testing the tagger alone.
  const { annotate } = require('../../server/src/analysis/annotate') as typeof import('../../server/src/analysis/annotate');
  const text = 'Roscosmos and the Harbour Authority met on Monday. РОСКОСМОС said the Harbour Authority would pay.';
  const agencies = (ignoredAgencies?: string[]): string[] =>
    annotate(text, { publicationDate: '2024-05-14', customAgencies: [{ name: 'Harbour Authority' }], ignoredAgencies })
      .annotations.filter((a): a is AgencyAnnotation => a.type === 'agency')
      .map((a) => a.text);

  it('never tags an ignored name, whatever its case or a leading "the"', () => {
    assert.ok(agencies().includes('Harbour Authority'));
    assert.ok(!agencies(['the harbour  authority']).some((name) => name.includes('Harbour')));
  });

  it('drops every mention of an agency whose canonical name is ignored, and nothing else', () => {
    const before = agencies();
    assert.ok(before.includes('РОСКОСМОС'), before.join(', '));
    const after = agencies(['Roscosmos']);
    assert.deepEqual(after, before.filter((name) => name.includes('Harbour')));
  });
});
