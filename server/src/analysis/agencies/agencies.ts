/**
 * Agencies: organisations that act in the news. Per paragraph (memoised by the caller): lexicon names via a
 * token trie, acronym definitions ("German Aerospace Center (DLR)"), organisation names recognised by their
 * head word ("… Holdings", "Ministry of …") or the words around them ("a spokesman for X"), and sports teams
 * in results tables. compromise is consulted only as a dictionary (is this word a given name, a surname, an
 * ordinary word?), never to tag text: its organisation guesses added nothing measurable and cost seconds per MB.
 * Anything capitalised that no rule accepts is kept as a candidate, which the document-level pass accepts
 * only when the same name is an agency elsewhere in the document (one sense per discourse). */
import type { AgencyAnnotation, AgencyCategory, CustomAgency } from '../annotation';
import { AgencyIndex, continuesName, LEXICON, type KnownAgency } from './agencyLexicon';
import { isAllCaps, isCapitalised, joinsName, tokenize, type NameToken } from '../text/nameTokens';
import { isAdjectiveWord, isDictionaryWord, isGivenName, isKnownSurname } from '../nlp';
import { StringMemo } from '../memo';
import { firstStartingAtOrAfter } from '../text/sortedSpans';
import { isFillerWord, isNationality, isNotAnAgency, isPlaceOrPeople, isTown } from './notAgencies';
import { categoryFromCue, cueAfter, cueBefore, headCategory, isLegalSuffix, isOfHead, mediaCueAfter, PERSON_AFTER } from './organisationPatterns';
import { countryBodyName, genericBodyKey, mayNameWithoutLexicon, pointsAtItsCountry } from './genericBodies';
import { countryOfName, findCountryCues, storyCountry, type CountryCue } from './storyCountry';
import { findResultLineTeams, isClubPrefix, isIndividualSport, isSportsSection, isSportsText, scheduleVenues, teamContext } from './sportsTeams';

/** A mention found inside one paragraph; offsets relative to that paragraph. */
export interface AgencyMention extends AgencyAnnotation {
  /** A capitalised name no rule accepted: kept only if the document names it as an agency elsewhere. */
  candidate?: boolean;
  /** The acronym this mention defines ("German Aerospace Center (DLR)" → "DLR" on both spans). */
  defines?: string;
  /** A person's name ("Alexander Lebed"): its last word alone is that person elsewhere in the document. */
  person?: boolean;
  /** A run of words in a capitals headline, searched for names the document uses elsewhere. */
  capitals?: boolean;
  /** A dateline's place ("KORVALA , Eastland"): the same name elsewhere in the document is that place. */
  place?: boolean;
  /** Not a mention: the paragraph's cues to the story's country, carried with its memoised mentions. */
  countryCues?: CountryCue[];
  /** `nameKey` of the text and of the canonical name, found with the paragraph: the document-level pass reads them on every keystroke. */
  textKey?: string;
  canonicalKey?: string;
  /** `firstWordKey` of the text, for a mention not from the lexicon; undefined when not computed. */
  firstKey?: string | null;
}

/**
 * A paragraph's mention at its place in the document, with every field in one order: the paragraph's own
 * mentions come in many shapes (optional fields added, some deleted), and the document-level passes read
 * thousands of them on every keystroke, which is slow while each read must tell those shapes apart.
 */
export function placedMention(m: AgencyMention, offset: number): AgencyMention {
  return {
    type: 'agency',
    start: m.start + offset,
    end: m.end + offset,
    text: m.text,
    canonical: m.canonical,
    category: m.category,
    source: m.source,
    acronym: m.acronym,
    country: m.country,
    aliases: m.aliases,
    candidate: m.candidate,
    defines: m.defines,
    person: m.person,
    capitals: m.capitals,
    place: m.place,
    countryCues: m.countryCues,
    textKey: m.textKey,
    canonicalKey: m.canonicalKey,
    firstKey: m.firstKey,
  };
}

export interface AgencyTagger {
  /** Changes whenever the tagger's lexicon changes; part of the paragraph memo key. */
  readonly key: string;
  findInParagraph(paragraph: string): AgencyMention[];
  /** Document-level pass over all mentions (absolute offsets): acronym definitions, aliases, filtering. */
  resolve(text: string, mentions: AgencyMention[]): AgencyAnnotation[];
}

let lexiconIndex: AgencyIndex | undefined;

export function createAgencyTagger(custom: readonly CustomAgency[] = []): AgencyTagger {
  // The lexicon-only index is shared by every tagger without custom agencies: built once per process.
  const index = custom.length === 0 ? (lexiconIndex ??= new AgencyIndex(LEXICON, [])) : new AgencyIndex(LEXICON, custom);
  return {
    key: JSON.stringify(custom),
    findInParagraph: (paragraph) => findInParagraph(index, paragraph),
    resolve: (_text, mentions) => withAliases(inStoryCountry(resolveMentions(mentions.filter((m) => !m.countryCues)), mentions, index), index),
  };
}

/** Capitalised words that start sentences and headlines but never begin an agency's name. */
const LEADING_NON_NAME = new Set(
  'The A An This That These Those In On At By For From To With Without Of As And But Or Nor So Yet If When While Where After Before Since Until Although Though Because Despite During Under Over Into Onto Upon About Against Among Between Through Throughout Across Per Via Its It Their They He She We I You Our His Her My Your Mr Mrs Ms Dr Prof Sir Former Ex Then Now Also Meanwhile However Moreover Furthermore Thus Hence Still Even Only Just Both Each Every All Some Many Most Several Such No Not Other Another Last Next Chief Acting Deputy Vice According Including Like Unlike Following Asked Taking Speaking Adding Citing Says Said Read Watch Image Photo Video'.split(' '),
);
/** Lower-case words allowed inside a name ("Bank of England", "Organisation for Security and Cooperation in Europe"). */
const CONNECTORS = new Set(['of', 'for', 'and', 'the', 'de', 'du', 'des', 'la', 'le', 'di', 'del', 'della', 'von', 'van', 'der', 'den', 'y', 'e', 'in', 'on', '&', "'s", '’s', 'für', 'und']);
/** All-caps words that are not agencies: currencies, units, titles, common abbreviations. */
const NOT_ACRONYMS = new Set(
  'CEO CFO COO CTO GDP GNP CPI PPI VAT IPO TV PC DNA RNA HIV AIDS SARS GMT UTC EST EDT PST BST CET AM PM OK USD EUR GBP JPY DEM FRF CHF ITL ESP NLG BEF SEK NOK DKK FIM ATS CAD AUD NZD HKD SGD CNY RUB INR ZAR MXN BRL KRW TWD THB IDR MYR PHP PLN CZK HUF TRY ILS EGP NIS ECU SDR Q1 Q2 Q3 Q4 H1 H2 FY AGM NB PS RE FAQ PDF URL USB GPS SMS MP MPs PR CV ID UFO NB LBW NR NRT HR HRS MIN MAX AVG PCT GB WPCT TD RBI ERA IP BB SO AB HR OT PTS REB AST FG FT OR BLK TO STL KM MPH KG LB LBS OZ MM CM FAHRENHEIT CELSIUS NO YES TBA TBC ET AL ISS MKS RIP LOL OMG IQ VIP DIY SUV CD DVD CDs DVDs AD BC BCE CE AL AK AZ AR CA CT DE FL GA HI IA KS KY LA MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK PA RI SD TN TX UT VT VA WA WV WI WY DC HTML XML HTTP WWW IE XP OS QC KC NZ SC MVP GOAT LGBT LGBTQ FAQ ASAP CCTV PIN ATM CO2 I II III IV V VI VII VIII IX X XI XII XIII XIV XV XX XXI'.split(' '),
);

const ROMAN_NUMERAL = /^[IVXLC]+$/;

interface Run {
  first: number;
  last: number;
  /** The run follows a title ("President", "Professor"): a person's name. */
  afterTitle?: boolean;
  /** The run follows "<person> of" ("Lena Marsh of ..."): the body that person belongs to. */
  afterMember?: boolean;
}

function findInParagraph(index: AgencyIndex, paragraph: string): AgencyMention[] {
  const tokens = tokenize(paragraph);
  const sports = isSportsText(paragraph);
  // In tennis or golf reports the names beating each other are players; match verbs say nothing about teams.
  const teamSports = sports && !isIndividualSport(paragraph);
  const mentions: AgencyMention[] = [];
  const covered = new Uint8Array(tokens.length);
  const capsLine = allCapsLines(paragraph);

  // A dateline opens one of the first lines (after a headline).
  DATELINE_PLACE.lastIndex = 0;
  const opening = paragraph.length > 400 ? paragraph.slice(0, 400) : paragraph;
  for (let dateline = capitalsAtLineStart(opening) ? DATELINE_PLACE.exec(opening) : null; dateline; dateline = DATELINE_PLACE.exec(opening)) {
    const start = dateline.index;
    const end = start + dateline[1].length;
    const first = firstStartingAtOrAfter(tokens, start);
    // "NASA — Artemis launch slips": a known agency opening a headline is no dateline, unless it is also a town.
    if (first < tokens.length && index.longestMatch(paragraph, tokens, first) && !isTown(dateline[1])) continue;
    mentions.push({ ...candidate(paragraph, start, end), place: true });
    markCovered(tokens, covered, start, end);
  }
  if (sports) for (const venue of scheduleVenues(paragraph)) markCovered(tokens, covered, venue.start, venue.end);

  for (const phrase of index.findPhrases(paragraph, tokens)) {
    mentions.push(fromKnown(phrase.agency, paragraph, phrase.start, phrase.end));
    markCovered(tokens, covered, phrase.start, phrase.end);
  }

  addLexiconNames(index, paragraph, tokens, covered, sports, capsLine, mentions);

  if (sports) {
    for (const team of findResultLineTeams(paragraph, looksLikePerson)) {
      if (mentions.some((m) => m.start < team.end && team.start < m.end)) continue;
      const text = paragraph.slice(team.start, team.end);
      if (isNotAnAgency(text) && !isPlaceOrPeople(text)) continue;
      mentions.push(agencyMention(paragraph, team.start, team.end, canonicalOf(text), 'sports', 'pattern'));
      markCovered(tokens, covered, team.start, team.end);
    }
  }

  for (const run of capitalisedRuns(paragraph, tokens, covered)) {
    for (const part of splitRun(tokens, run)) classifyRun(paragraph, tokens, part, teamSports, capsLine, mentions);
  }
  findAcronymDefinitions(paragraph, tokens, mentions);
  const found = withoutOrgansOfKnownAgencies(paragraph, mentions).sort((a, b) => a.start - b.start || b.end - a.end);
  const listed = acceptListMembers(paragraph, found);
  const countryCues = findCountryCues(paragraph, tokens, (name) => index.publicationCountry(name));
  for (const m of listed) {
    m.textKey = nameKey(m.text);
    m.canonicalKey = nameKey(m.canonical);
    if (!m.candidate && m.source !== 'lexicon') m.firstKey = firstWordKey(m.text);
  }
  if (countryCues.length > 0) listed.push({ type: 'agency', start: 0, end: 0, text: '', canonical: '', category: 'organisation', source: 'pattern', countryCues });
  return listed;
}

/**
 * Generic bodies ("the Supreme Court", "Parliament", "the Foreign Ministry") written without a country are the
 * bodies of the story's country: the lexicon's entry for that country, or one named after it ("French Foreign
 * Ministry"). Without a dateline or a publication line, the most named country decides only if named twice and
 * more than any other.
 */
function inStoryCountry(agencies: AgencyAnnotation[], mentions: readonly AgencyMention[], index: AgencyIndex): AgencyAnnotation[] {
  const cues: CountryCue[] = [];
  for (const m of mentions) if (m.countryCues) cues.push(...m.countryCues);
  if (cues.length === 0) return agencies;
  // The agencies of one country the story names count like its name: "Congress" and NASA point at the United States.
  for (const agency of agencies) if (agency.country && pointsAtItsCountry(agency.text)) cues.push({ country: agency.country, weight: 1 });
  const country = storyCountry(cues);
  if (!country) return agencies;
  for (const agency of agencies) {
    const key = genericBodyKey(agency.text);
    if (!key || agency.country === country) continue;
    const known = index.countryBody(key, country);
    if (known) {
      Object.assign(agency, { canonical: known.canonical, category: known.category, country });
      if (known.acronym) agency.acronym = known.acronym;
      else delete agency.acronym;
    } else if (mayNameWithoutLexicon(key, country)) {
      Object.assign(agency, { canonical: countryBodyName(country, canonicalOf(agency.text)), country });
      delete agency.acronym;
    }
  }
  return agencies;
}

/** A place in capitals opening a story before its region, date or dash: "KORVALA , Eastland 2001-05-04", "LONDON —". */
const DATELINE_PLACE = /^[ \t]*(\p{Lu}[\p{Lu}.'’ -]*\p{Lu}\.?)(?= ?, [\p{Lu}][\p{L}. ]*? \d{4}-\d\d-\d\d| \d{4}-\d\d-\d\d| ?, [\p{Lu}][\p{L}.]*(?: [\p{Lu}][\p{L}.]*)* ?[(—–]| ?[—–]| ?\([^)\n]{1,20}\) ?[—–-])/gmu;

/** ", ", " and ", ", or ": the words between two members of one list. */
const LIST_GAP = /^ ?(?:,|, and|, or|and|or|&) ?$/;
const AND_GAP = /(?:and|or|&) ?$/;

/**
 * "Mobil , Shell and Caltex", "Magna , Johnson Controls and Lear": the members of a list are of one kind, so a
 * name nobody recognised in a list with a known company (club, party, newspaper) is one too: joined to it by
 * "and"/"or", or between two members. A comma alone is no list ("University of Arkansas, Fayetteville"), and
 * people, places and capitals headlines stay out.
 */
function acceptListMembers(paragraph: string, found: AgencyMention[]): AgencyMention[] {
  // Lists are rare: look further only where a candidate and a known name are next to each other, or a run holds "and".
  let mayList = false;
  for (let k = 0; k < found.length && !mayList; k++) {
    const m = found[k];
    if (!m.candidate || m.person) continue;
    if (m.text.includes(' and ')) mayList = true;
    const previous = found[k - 1];
    const next = found[k + 1];
    if (previous && !previous.candidate && m.start - previous.end > 0 && m.start - previous.end <= 7) mayList = true;
    if (next && !next.candidate && next.start - m.end > 0 && next.start - m.end <= 7) mayList = true;
  }
  if (!mayList) return found;
  let out: AgencyMention[] = found;
  if (found.some((m) => m.candidate && !m.person && m.text.includes(' and '))) {
    out = [];
    for (const m of found) {
      // A run joined by "and" without a head is two names ("Johnson Controls and Lear").
      const and = m.candidate && !m.person ? / and /.exec(m.text) : null;
      if (and) out.push(candidate(paragraph, m.start, m.start + and.index), candidate(paragraph, m.start + and.index + 5, m.end));
      else out.push(m);
    }
    out.sort((a, b) => a.start - b.start || b.end - a.end);
  }
  const members = out.filter((m) => !m.person && !m.place && !m.capitals && !m.countryCues);
  const gapBetween = (a: AgencyMention, b: AgencyMention): string | undefined => {
    const gap = paragraph.slice(a.end, b.start);
    return LIST_GAP.test(gap) ? gap : undefined;
  };
  const known = (m: AgencyMention | undefined): boolean => m !== undefined && !m.candidate && !['government', 'ministry', 'court', 'military'].includes(m.category);
  for (let changed = true; changed; ) {
    changed = false;
    for (let k = 0; k < members.length; k++) {
      const m = members[k];
      if (!m.candidate) continue;
      const previous = members[k - 1];
      const next = members[k + 1];
      const left = previous ? gapBetween(previous, m) : undefined;
      const right = next ? gapBetween(m, next) : undefined;
      const by = (left !== undefined && known(previous) && (AND_GAP.test(left) || right !== undefined) ? previous : undefined) ?? (right !== undefined && known(next) && (AND_GAP.test(right) || left !== undefined) ? next : undefined);
      if (!by || isNotAnAgency(m.text) || looksLikePerson(m.text) || isPersonInContext(m.text, '', '')) continue;
      // "Wong Pik-wan of the Civic Party": a name cut before a lower-case tail, or one "of" a body, is a person.
      if (/^(?:-\p{Ll}| of )/u.test(paragraph.slice(m.end, m.end + 4))) continue;
      // "PlayStation VR", "Galaxy S": a model's letters after a name make a product, listed among its makers.
      if (/\p{Ll}\s+\p{Lu}{1,3}$/u.test(m.text) && !isLegalSuffix(m.text.slice(m.text.lastIndexOf(' ') + 1))) continue;
      Object.assign(m, { candidate: undefined, canonical: canonicalOf(m.text), category: by.category, source: 'pattern' });
      changed = true;
    }
  }
  return out;
}

/** Whether a line opens with two capitals ("LONDON"), which every dateline place does: a cheap test before the pattern. */
function capitalsAtLineStart(text: string): boolean {
  for (let at = 0; at < text.length; ) {
    while (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9) at++;
    const a = text[at];
    const b = text[at + 1];
    if (a !== undefined && b !== undefined && a !== a.toLowerCase() && b !== b.toLowerCase()) return true;
    const next = text.indexOf('\n', at);
    if (next === -1) return false;
    at = next + 1;
  }
  return false;
}

/** The generic words of an agency's own bodies: "the DLR Executive Board" is DLR acting, not another agency. */
const ORGAN_WORDS = new Set(
  'Executive Supervisory Advisory Management Governing Scientific Editorial Board Council Committee Commission Directors Trustees Assembly Secretariat Presidium Panel'.split(' '),
);

function withoutOrgansOfKnownAgencies(paragraph: string, mentions: AgencyMention[]): AgencyMention[] {
  const knownEnds = new Set(mentions.filter((m) => m.source === 'lexicon' || m.source === 'custom').map((m) => m.end));
  return mentions.filter((m) => {
    if (m.source !== 'pattern' || !knownEnds.has(m.start - 1) || paragraph[m.start - 1] !== ' ') return true;
    return !m.text.split(/\s+/).every((word) => ORGAN_WORDS.has(word));
  });
}

/** Lexicon and custom names, longest first, with the heads that follow them ("Pirelli SpA", "Labour Department"). */
function addLexiconNames(
  index: AgencyIndex,
  paragraph: string,
  tokens: readonly NameToken[],
  covered: Uint8Array,
  sports: boolean,
  capsLine: (offset: number) => boolean,
  mentions: AgencyMention[],
): void {
  for (let i = 0; i < tokens.length; i++) {
    if (covered[i]) continue;
    const match = index.longestMatch(paragraph, tokens, i);
    if (!match) continue;
    const { agency } = match;
    const first = match.first;
    let last = match.last;
    i = last;
    if (agency.sportsOnly && !sports) continue;
    if (first === last && !isAllCaps(tokens[first].text) && partOfLongerName(paragraph, tokens, first, covered)) continue;
    if (first < last && extendsKnownName(paragraph, tokens, first, covered, capsLine)) {
      // "Free People's Party" is not the People's Party: the run is read as a whole.
      i = first;
      continue;
    }
    if (capsLine(tokens[first].start) && first === last && COMMON_WORD_ACRONYMS.has(tokens[first].text)) continue;
    if (first === last && namesAnEvent(paragraph, tokens, last)) {
      // "Labour Day", "Heineken Cup": a holiday or a competition named after the body, not the body acting.
      covered.fill(1, first, last + 2);
      i = last + 1;
      continue;
    }
    if (first === 0 && capsLine(0) && isSportsSection(paragraph, tokens[last].end)) {
      // "ATHLETICS - RESULTS FROM OSLO": the section's sport, not the club of that name.
      covered[first] = 1;
      continue;
    }
    // "The Guardian", "The New York Times": the article is not part of the mention, as with "the European Space Agency".
    const start = first < last && /^(?:The|THE)$/.test(tokens[first].text) ? tokens[first + 1].start : tokens[first].start;
    if ((agency.platform && isMedium(paragraph, start, tokens[last].end)) || (!/^['’]s$/.test(tokens[last].text) && namesAnIndex(paragraph.slice(tokens[last].end, tokens[last].end + 24)))) {
      covered.fill(1, first, last + 1);
      continue;
    }
    // "Pirelli SpA", "Kia Motor Corp", "Labour Department": heads after a known name belong to the mention.
    let headAfter: AgencyCategory | undefined;
    while (last + 1 < tokens.length && !covered[last + 1] && continuesName(paragraph, tokens, last + 1)) {
      const next = tokens[last + 1].text;
      const category = isLegalSuffix(next) ? 'company' : headCategory(next);
      if (!category || category === 'media' || category === 'sports') break;
      headAfter = category;
      last++;
    }
    i = last;
    const longer = !headAfter && first === last && !capsLine(start) ? longerNameAfter(paragraph, tokens, last, covered) : undefined;
    if (longer === 'person') {
      // "coach Tata Martino": a person whose name starts with a known one; the run is read as a whole.
      i = first;
      continue;
    }
    if (longer !== undefined) {
      // "Inter Miami": a known name followed by a town is another body of the same kind.
      covered.fill(1, first, longer + 1);
      i = longer;
      const headWord = headCategory(tokens[longer].text);
      const text = paragraph.slice(start, tokens[longer].end);
      mentions.push(agencyMention(paragraph, start, tokens[longer].end, canonicalOf(text), headWord ?? agency.category, 'pattern'));
      continue;
    }
    covered.fill(1, first, last + 1);
    let end = tokens[last].end;
    if (headAfter && isLegalSuffix(tokens[last].text) && paragraph[end] === '.' && !tokens[last].text.endsWith('.')) end++;
    const mention = fromKnown(agency, paragraph, start, end);
    if (headAfter && headAfter !== 'company' && headAfter !== agency.category && !(agency.category === 'ministry' && headAfter === 'government')) {
      // A different body named after the known one ("Labour Department" after "Labour").
      mention.canonical = canonicalOf(mention.text);
      mention.category = headAfter;
      mention.source = 'pattern';
      delete mention.acronym;
    }
    withCountryBefore(index, paragraph, tokens, first, covered, mention);
    mentions.push(mention);
  }
}

/**
 * "Kenyan News Agency", "Welsh Labour Party", "Egyptian Interior Ministry", "US Treasury": a country's adjective
 * before a known body named by its head is part of the name. A generic body becomes that country's
 * ("Egyptian Interior Ministry" is not any interior ministry); a proper name keeps its canonical name.
 */
function withCountryBefore(index: AgencyIndex, paragraph: string, tokens: readonly NameToken[], first: number, covered: Uint8Array, mention: AgencyMention): void {
  if (first === 0 || covered[first - 1] || mention.start !== tokens[first].start) return;
  const previous = tokens[first - 1].text.charCodeAt(0);
  if (previous < 65 || previous > 90) return;
  const country = countryOfName(tokens[first - 1].text);
  if (!country || !continuesName(paragraph, tokens, first)) return;
  const words = mention.text.split(/\s+/);
  if (!headCategory(words[words.length - 1])) return;
  const key = genericBodyKey(mention.text);
  if (mention.country && mention.country !== country) {
    // "Indonesian Democratic Party": another country's body of the same name is a body of its own.
    if (key && index.countryBody(key, country)) Object.assign(mention, { canonical: index.countryBody(key, country)!.canonical });
    else mention.canonical = canonicalOf(paragraph.slice(tokens[first - 1].start, mention.end));
    mention.source = 'pattern';
    delete mention.acronym;
  } else if (key) {
    const known = index.countryBody(key, country);
    if (known) Object.assign(mention, { canonical: known.canonical, category: known.category });
    else if (mayNameWithoutLexicon(key, country)) mention.canonical = countryBodyName(country, canonicalOf(mention.text));
    else return;
    if (known?.acronym) mention.acronym = known.acronym;
    else delete mention.acronym;
  }
  mention.country = country;
  covered[first - 1] = 1;
  mention.start = tokens[first - 1].start;
  mention.text = paragraph.slice(mention.start, mention.end);
}

/** All-caps acronyms that are also English words: in a capitals headline they are words ("MAN WHO ..."). */
const COMMON_WORD_ACRONYMS = new Set(['WHO', 'AT', 'IT', 'ON', 'US', 'AND', 'ALL', 'CAN', 'MAY', 'ONE', 'NOW', 'ARM', 'ICE', 'AIM', 'ACT', 'ART', 'VALE', 'UP']);

/** "Gerald Ford", "Reynard Honda": a one-word name right after another capitalised word is part of a longer name. */
function partOfLongerName(paragraph: string, tokens: readonly NameToken[], i: number, covered: Uint8Array): boolean {
  if (i === 0 || covered[i - 1]) return false;
  const previous = tokens[i - 1].text;
  if (!isCapitalised(previous) || LEADING_NON_NAME.has(previous) || isAllCaps(previous)) return false;
  // "Russian Roscosmos", "American NASA": a nationality before a name is a modifier.
  if (isNationality(previous) || countryOfName(previous) !== undefined) return false;
  return joinsName(paragraph.slice(tokens[i - 1].end, tokens[i].start));
}

/** Words for people before a name: "coach Tata Martino", "striker Real Sanchez". */
const PERSON_ROLE_BEFORE = /\b(?:coach|manager|striker|midfielder|defender|goalkeeper|forward|winger|player|captain|president|chairman|minister|secretary|director|spokes(?:man|woman|person)|actor|actress|singer|author|writer|professor|senator|governor|mayor|judge|Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.? $/;

/**
 * Whether a one-word known name is only the start of a longer name: 'person' when it opens a person's name
 * (after a role word, or before a surname compromise knows: "coach Tata Martino"), the index of the last
 * token when a town follows ("Inter Miami", "Inter Miami CF"), undefined when the known name stands alone
 * ("NASA Administrator", "Yahoo Japan", "Google Maps Team", "Red Cross Mia Lund").
 */
function longerNameAfter(paragraph: string, tokens: readonly NameToken[], last: number, covered: Uint8Array): 'person' | number | undefined {
  const k = last + 1;
  if (k >= tokens.length || covered[k] || !continuesName(paragraph, tokens, k)) return undefined;
  const word = tokens[k].text;
  if (!isCapitalised(word) || isAllCaps(word) || /^['’]/.test(word) || /^\p{N}/u.test(word)) return undefined;
  if (headCategory(word) || isOfHead(word) || isLegalSuffix(word) || TITLES.has(word) || LEADING_NON_NAME.has(word) || isFillerWord(word)) return undefined;
  const before = paragraph.slice(Math.max(0, tokens[last].start - 16), tokens[last].start);
  if (PERSON_ROLE_BEFORE.test(before) || (isKnownSurname(word) && !isGivenName(word) && !isTown(word))) return 'person';
  if (!isTown(word)) return undefined;
  let end = k;
  while (end + 1 < tokens.length && !covered[end + 1] && continuesName(paragraph, tokens, end + 1) && (headCategory(tokens[end + 1].text) || isLegalSuffix(tokens[end + 1].text))) end++;
  return end;
}

/** "Labour Day", "Heineken Cup": a one-word known name before the word of a holiday or a competition. */
function namesAnEvent(paragraph: string, tokens: readonly NameToken[], last: number): boolean {
  const k = last + 1;
  return k < tokens.length && continuesName(paragraph, tokens, k) && /^(?:Day|DAY|Cup|CUP)$/.test(tokens[k].text);
}

/**
 * Whether a known name of several words follows a capitalised word that belongs to the same name ("Free People's
 * Party"), not a modifier: a nationality, a place, a title or a sentence word stays outside ("Spanish Supreme Court",
 * "Welsh Labour Party", "The European Space Agency").
 */
function extendsKnownName(paragraph: string, tokens: readonly NameToken[], first: number, covered: Uint8Array, capsLine: (offset: number) => boolean): boolean {
  if (first === 0 || covered[first - 1] || capsLine(tokens[first].start) || !continuesName(paragraph, tokens, first)) return false;
  const previous = tokens[first - 1].text;
  if (!isCapitalised(previous) || isAllCaps(previous) || LEADING_NON_NAME.has(previous) || TITLES.has(previous) || isFillerWord(previous)) return false;
  if (isNationality(previous) || isNotAnAgency(previous) || headCategory(previous) || isOfHead(previous) || isLegalSuffix(previous)) return false;
  if (isGivenName(previous) || isKnownSurname(previous)) return false;
  // A sentence's first word may be any word ("Yesterday European Union ministers ..."): only inside a sentence.
  const before = paragraph.slice(Math.max(0, tokens[first - 1].start - 3), tokens[first - 1].start);
  return !(tokens[first - 1].start === 0 || /[.!?:;"“]\s*$|\n\s*$/.test(before));
}

/** "Dow Jones industrial average", "Nikkei index", "Fed funds": the name of an index or rate, not the organisation. */
function namesAnIndex(after: string): boolean {
  return /^ (?:industrial|industrials|index|average|composite|transportation average|utilities|share index|stock index|funds|futures index)\b/i.test(after);
}

const UPPER_PAIR = /\p{Lu}{2}/u;

/** For each offset, whether its line is written in capitals (a headline), where heads and cues do not apply. */
function allCapsLines(paragraph: string): (offset: number) => boolean {
  if (!/\p{Lu}{4}/u.test(paragraph)) return () => false;
  const ends: number[] = [];
  const caps: boolean[] = [];
  let start = 0;
  for (const line of paragraph.split('\n')) {
    let isCaps = false;
    if (UPPER_PAIR.test(line)) {
      let upper = 0;
      let lower = 0;
      for (let k = 0; k < line.length && lower * 4 <= line.length; k++) {
        const c = line.charCodeAt(k);
        if (c >= 65 && c <= 90) upper++;
        else if (c >= 97 && c <= 122) lower++;
        else if (c > 127) {
          const ch = line[k];
          if (ch.toLowerCase() !== ch) upper++;
          else if (ch.toUpperCase() !== ch) lower++;
        }
      }
      isCaps = upper >= 8 && upper > 4 * lower;
    }
    ends.push(start + line.length);
    caps.push(isCaps);
    start += line.length + 1;
  }
  return (offset) => {
    let lo = 0;
    let hi = ends.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return caps[lo];
  };
}

/** "on Twitter", "Taking to Twitter", "Twitter/@x", "Twitter post": the platform as a medium, not an actor. */
function isMedium(paragraph: string, start: number, end: number): boolean {
  const before = paragraph.slice(Math.max(0, start - 20), start);
  const after = paragraph.slice(end, end + 20);
  if (/^\s?(?:['’]s\s)?(?:creator|founder|co-founder|chief|CEO|boss|executives?|spokes\w+|said|says|announced|banned|suspended|removed|deleted|blocked|shut|agreed|sued|bought|acquired|has|had|is|was|will)\b/.test(after)) return false;
  return (
    /\b(?:on|to|via|through|onto|across|in|from|at|over|using|Image:|Photo:|Source:)\s*$/i.test(before) ||
    /^\s*(?:\/|@|post|posts|posted|account|accounts|feed|page|handle|thread|user|users|video|videos|live|stream|channel|profile|message|messages)\b/i.test(after) ||
    /^\s*\//.test(after)
  );
}

function capitalisedRuns(paragraph: string, tokens: readonly NameToken[], covered: Uint8Array): Run[] {
  const runs: Run[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (covered[i] || !isCapitalised(tokens[i].text) || tokens[i].text.startsWith('@')) {
      i++;
      continue;
    }
    let last = i;
    let j = i + 1;
    while (j < tokens.length && !covered[j] && continuesName(paragraph, tokens, j)) {
      const word = tokens[j].text;
      if (isCapitalised(word)) {
        last = j;
        j++;
      } else if (CONNECTORS.has(word) && j + 1 < tokens.length && !covered[j + 1] && isCapitalised(tokens[j + 1].text) && joinsName(paragraph.slice(tokens[j].end, tokens[j + 1].start)) && connects(tokens, i, j)) {
        j++;
      } else break;
    }
    runs.push({ first: i, last });
    i = last + 1;
  }
  return runs;
}

/**
 * Whether the connector at j joins the words around it into one name: never before a month or weekday
 * ("University of Rochester for Saturday"); "in" and "on" only after a head and not before a place
 * ("Commission on Presidential Debates", not "Court of Appeals in Atlanta"); "and" not between nationalities.
 */
function connects(tokens: readonly NameToken[], from: number, j: number): boolean {
  const word = tokens[j].text;
  const next = tokens[j + 1].text;
  // "Free People's Party", "Queen's University": a possessive before a head keeps the name whole.
  if ((word === "'s" || word === '’s') && (headCategory(next) || isOfHead(next))) return true;
  if (isNotAnAgency(next) && !isPlaceOrPeople(next)) return false;
  if (word === 'in' || word === 'on') return hasHead(tokens, from, j) && !isPlaceOrPeople(next);
  // "Daniels Pharmaceuticals Inc of St. Petersburg": nothing follows a company's legal form but its place.
  if (isLegalSuffix(tokens[j - 1].text)) return false;
  if (word === 'and') return !isNationality(tokens[j - 1].text);
  return true;
}

/** "Commission on Presidential Debates", "Cooperation in Europe": "in" and "on" join a name only after a head. */
function hasHead(tokens: readonly NameToken[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (headCategory(tokens[k].text) || isOfHead(tokens[k].text)) return true;
  return false;
}

/** Titles inside a run start a person's name ("Cofinec CEO Stephen Frater", "Association President Ramon ..."). */
const TITLES = new Set(
  'President Chairman Chairwoman Chairperson CEO Chief Director Minister Secretary Spokesman Spokeswoman Governor Commissioner Ambassador Senator Mayor Judge Coach Manager Captain Administrator Editor Analyst Professor Dr Mr Mrs Ms Sir General Gen Colonel Col Prince King Queen Premier Chancellor'.split(' '),
);

/**
 * Cut a capitalised run into the names it holds: drop leading sentence words ("The", "But", "Shares"),
 * and months; cut at titles ("Cofinec CEO Stephen Frater"), at possessives before another name
 * ("Shearer 's Newcastle"), at "of" unless a head takes it ("John Casesa of Schroder", but "Bank of England"),
 * and at "and" after a head ("X Party and Y Council").
 */
function splitRun(tokens: readonly NameToken[], run: Run): Run[] {
  const parts: Run[] = [];
  let partStart = run.first;
  let afterTitle = false;
  let afterMember = false;
  const close = (endAt: number, nextStart: number, nextAfterTitle = false, nextAfterMember = false): void => {
    if (endAt >= partStart) parts.push({ first: partStart, last: endAt, afterTitle, afterMember });
    partStart = nextStart;
    afterTitle = nextAfterTitle;
    afterMember = nextAfterMember;
  };
  for (let k = run.first; k <= run.last; k++) {
    const word = tokens[k].text;
    if (TITLES.has(word) && k < run.last && !headCategory(tokens[k + 1].text)) {
      // "Ambassador to the United States Hamdullah Mohib": the name after a title is a person.
      close(k - 1, k + 1, true);
    } else if (k > partStart && TITLES.has(word)) close(k - 1, k);
    else if ((word === "'s" || word === '’s') && k < run.last && !headCategory(tokens[k + 1].text)) close(k - 1, k + 1);
    else if (word === 'of' && k > partStart && !isOfHeadPhrase(tokens, partStart, k) && (ownsNothing(tokens, partStart, k - 1) || headedAfter(tokens, partStart, k, run.last))) {
      close(k - 1, k + 1, false, k - partStart >= 2 && !afterTitle && looksLikePerson(tokens.slice(partStart, k).map((t) => t.text).join(' ')));
    }
    else if ((word === 'and' || word === '&') && k > partStart && k < run.last && headCategory(tokens[k - 1].text) && !isLegalSuffix(tokens[k + 1].text)) close(k - 1, k + 1);
  }
  close(run.last, run.last + 1);
  return parts.map((part) => trimPart(tokens, part)).filter((part): part is Run => part !== undefined);
}

/**
 * Whether the words before "of" are a person or a generic word, so what follows is a name of its own
 * ("John Casesa of Schroder Wertheim", "Shares of Douglas"), unlike "Museum of Flight" or "Duke of Norfolk".
 */
function ownsNothing(tokens: readonly NameToken[], first: number, last: number): boolean {
  const words = tokens.slice(first, last + 1).map((t) => t.text);
  if (words.length === 1) return LEADING_NON_NAME.has(words[0]) || TITLES.has(words[0]) || (isNotAnAgency(words[0]) && !isPlaceOrPeople(words[0])) || isDictionaryWord(words[0]);
  return looksLikePerson(words.join(' '));
}

/** "Marsh of Free People's Party": no head before "of" but one ending the name after it, which is a body of its own. */
function headedAfter(tokens: readonly NameToken[], first: number, ofIndex: number, last: number): boolean {
  for (let k = first; k < ofIndex; k++) if (headCategory(tokens[k].text)) return false;
  return last > ofIndex && headCategory(tokens[last].text) !== undefined && !isLegalSuffix(tokens[last].text);
}

/** "Federal Reserve Bank of ...", "Organisation for Security and Cooperation in Europe": a head earlier in the part. */
function isOfHeadPhrase(tokens: readonly NameToken[], from: number, ofIndex: number): boolean {
  for (let k = from; k < ofIndex; k++) if (isOfHead(tokens[k].text)) return true;
  return false;
}

function trimPart(tokens: readonly NameToken[], part: Run): Run | undefined {
  let { first, last } = part;
  while (first <= last) {
    const word = tokens[first].text;
    // "Team Estonia": "Team" before a name is part of it.
    const generic = isFillerWord(word) && !headCategory(word) && !isOfHead(word) && !(word === 'Team' && first < last);
    if (LEADING_NON_NAME.has(word) || CONNECTORS.has(word) || TITLES.has(word) || generic) first++;
    else break;
  }
  while (last >= first && CONNECTORS.has(tokens[last].text)) last--;
  return first <= last ? { first, last, afterTitle: part.afterTitle, afterMember: part.afterMember } : undefined;
}

function classifyRun(
  paragraph: string,
  tokens: readonly NameToken[],
  run: Run,
  teamSports: boolean,
  capsLine: (offset: number) => boolean,
  mentions: AgencyMention[],
): void {
  const { first } = run;
  let { last } = run;
  // Trailing connectors cannot end a name.
  while (last > first && CONNECTORS.has(tokens[last].text)) last--;
  const words = tokens.slice(first, last + 1).map((t) => t.text);
  // "Option B", "N / A": a lone capital letter names nothing by itself.
  if (words.length === 1 && /^\p{Lu}\.?$/u.test(words[0])) return;
  const start = tokens[first].start;
  let end = tokens[last].end;
  let text = paragraph.slice(start, end);
  // "the Court has ruled", "the Administration's decision": a capitalised head after "the" is a specific body.
  if (words.length === 1 && isBodyWord(words[0]) && /(?:^|[^.!?]\s)the $/.test(paragraph.slice(Math.max(0, start - 8), start)) && !capsLine(start)) {
    mentions.push(agencyMention(paragraph, start, end, words[0], headCategory(words[0]) ?? 'organisation', 'pattern'));
    return;
  }
  // "the Crown prosecutor", "for the Crown": the state as a party to a case, in Commonwealth courts.
  if (words.length === 1 && words[0] === 'Crown') {
    // "the Crown Prince", "Crown Jewels": a title or a thing, never the name of a body to accept elsewhere.
    if (/\bthe $/.test(paragraph.slice(Math.max(0, start - 4), start)) && !/^ ?\p{Lu}/u.test(paragraph.slice(end, end + 2))) {
      mentions.push(agencyMention(paragraph, start, end, 'Crown', 'government', 'pattern'));
    }
    return;
  }
  if (isNotAnAgency(text)) {
    // A town in a sports report can be its club ("joined Milan from Torino"), never a country or a nationality.
    if (teamSports && isTown(text) && !capsLine(start) && teamContext(paragraph.slice(Math.max(0, start - 60), start), paragraph.slice(end, end + 60))) {
      mentions.push(agencyMention(paragraph, start, end, canonicalOf(text), 'sports', 'pattern'));
    }
    return;
  }

  if (capsLine(start)) {
    // Headlines in capitals: no heads or cues; the document-level pass looks in it for the document's own names.
    mentions.push({ ...candidate(paragraph, start, end), capitals: true });
    return;
  }

  // A nationality before a head-named body is part of its name ("Kenyan News Agency", "US Forest Service").
  const head = headCategory(words[words.length - 1]);

  const before = paragraph.slice(Math.max(0, start - 60), start);
  const after = paragraph.slice(end, end + 60);

  // A company-form suffix with its period: "Acme Corp."
  if (isLegalSuffix(words[words.length - 1]) && paragraph[end] === '.' && !words[words.length - 1].endsWith('.')) {
    end++;
    text = paragraph.slice(start, end);
  }

  // "Team Estonia", "Team Sky": a team named after its country or sponsor.
  if (words.length >= 2 && words.length <= 3 && words[0] === 'Team' && !isAllCaps(text)) {
    mentions.push(agencyMention(paragraph, start, end, canonicalOf(text), 'sports', 'pattern'));
    return;
  }
  // "FC Cincinnati", "SC Freiburg", "VfB Stuttgart": a club's form before its town or name.
  if (words.length >= 2 && words.length <= 4 && isClubPrefix(words[0]) && !isKnownSurname(words[words.length - 1])) {
    mentions.push(agencyMention(paragraph, start, end, canonicalOf(text), 'sports', 'pattern'));
    return;
  }

  const ofIndex = words.findIndex((w, k) => (w === 'of' || w === 'for') && k > 0 && (isOfHead(words[k - 1]) || (![undefined, 'sports'].includes(headCategory(words[k - 1])) && !isTitleLike(words.slice(0, k)))));
  if (words.length >= 2 && (head || ofIndex > 0) && !isTitleLike(words)) {
    const category = head ?? headCategory(words[ofIndex - 1]) ?? 'organisation';
    mentions.push(agencyMention(paragraph, start, end, canonicalOf(text), category, 'pattern'));
    return;
  }

  if (words.length === 1 && isAllCaps(words[0]) && /^\p{Lu}[\p{Lu}&]{1,5}$/u.test(words[0]) && !NOT_ACRONYMS.has(words[0]) && !ROMAN_NUMERAL.test(words[0]) && !/^ ?(?:\d|:)/.test(after) && !isDictionaryWord(words[0])) {
    // An unknown acronym in running text: most often an organisation (a party, a union, a regulator).
    mentions.push(agencyMention(paragraph, start, end, words[0], 'organisation', 'pattern'));
    return;
  }

  // "Lena Marsh of the KDU", "Tom Reyes of Harbour Renewal": the body a person is of, unless a place or another person.
  if (run.afterMember && !run.afterTitle && !teamSports && !/^ ?\d/.test(after) && !looksLikePerson(text) && !isPersonInContext(text, before, after)) {
    mentions.push(agencyMention(paragraph, start, end, canonicalOf(text), 'organisation', 'pattern'));
    return;
  }
  // In a team-sports report a capitalised pair nobody recognised is far more often a player than a club.
  if (run.afterTitle || isPersonInContext(text, before, after) || (teamSports && words.length >= 2 && words.length <= 3 && !isAllCaps(text))) {
    // Kept so that the document-level pass knows "Lebed" is the person "Alexander Lebed", not a club.
    mentions.push({ ...candidate(paragraph, start, end), person: true });
    return;
  }
  if (PERSON_AFTER.test(after)) return void mentions.push(candidate(paragraph, start, end));
  if (mediaCueAfter(after)) {
    mentions.push(agencyMention(paragraph, start, end, canonicalOf(text), 'media', 'pattern'));
    return;
  }
  // A lone capitalised word opening a sentence may be any word ("Federal officials said"): the words after it prove nothing.
  const sentenceStart = /(?:^|[.!?:;]["'”’]?\s+|\n\s*|^["“‘'(]\s*)$/.test(before) || /[.!?]["”’]?\s+["“‘]?$/.test(before);
  const single = words.length === 1;
  // "Taipower", "Arianegroup", "Sberbank": a company name contracted with its trade; mid-sentence capitals say it is a name.
  if (single && CONTRACTED_COMPANY.test(words[0]) && (!sentenceStart || cueAfter(after) || STATEMENT_AFTER.test(after))) {
    mentions.push(agencyMention(paragraph, start, end, words[0], 'company', 'pattern'));
    return;
  }
  // "members of Lin Marew 's National Unity League": the cue is about the name owned, not the owner.
  const owned = /^ ?['’] ?s ((?:\p{Lu}[\p{L}.-]* ?){1,5})/u.exec(after);
  const owner = owned !== null && owned[1].trim().split(' ').some((w) => headCategory(w) !== undefined || isOfHead(w));
  if (((cueBefore(before) && !owner) || (cueAfter(after) && !(single && sentenceStart))) && !(single && isAdjectiveWord(words[0]))) {
    mentions.push(agencyMention(paragraph, start, end, canonicalOf(text), categoryFromCue(before), 'pattern'));
    return;
  }
  // In a sports report most capitalised pairs are players: match verbs alone accept only one-word names.
  if (teamSports && words.length === 1 && teamContext(before, after)) {
    mentions.push(agencyMention(paragraph, start, end, canonicalOf(text), 'sports', 'pattern'));
    return;
  }
  mentions.push(candidate(paragraph, start, end));
}

/** One word made of a name and a trade: "Taipower", "Arianegroup", "ArianeGroup", "Commerzbank", "Gazprombank". */
/** A verb of its own after a sentence's first word: "Taipower said", "Arianegroup will". */
const STATEMENT_AFTER = /^ (?:said|says|announced|reported|added|warned|expects|expected|plans|planned|will|would|has|had)\b/;

const CONTRACTED_COMPANY = /^\p{Lu}\p{Ll}{2,}(?:power|group|Group|bank|Bank|energo|soft|Soft)$/u;

/**
 * Head words that name one body when written "the Court", "the Senate", "the Times"; not the newspaper
 * heads that are also things ("the Sun", "the Star", "the Mirror") or sports words ("the United").
 */
function isBodyWord(word: string): boolean {
  const category = headCategory(word);
  if (category === 'media') return /^(?:Times|Post|Journal|Herald|Tribune|Telegraph|Gazette|Guardian)$/.test(word);
  if (category === 'sports') return false;
  return category !== undefined || isOfHead(word);
}

/** "Foreign Minister", "Prime Minister": titles that end like heads but name people. */
function isTitleLike(words: readonly string[]): boolean {
  return /^(?:Minister|Secretary|Chancellor|President|Director|Chairman|Governor|General|Commissioner|Ambassador)$/.test(words[words.length - 1]);
}

/** "Greg Norman", "A. Smith": a given name or an initial before another capitalised word. */
function looksLikePerson(name: string): boolean {
  const words = name.split(/\s+/);
  if (words.length < 2 || words.length > 4 || isAllCaps(name) || name.includes('&') || headCategory(words[words.length - 1])) return false;
  return /^\p{Lu}\.$/u.test(words[0]) || isGivenName(words[0]);
}

/** Whether a name in this position is a person: "D. Bicknell 55", "Jiri Novak ( Czech Republic )", "Clinton said". */
function isPersonInContext(text: string, before: string, after: string): boolean {
  if (looksLikePerson(text)) return true;
  const words = text.split(/\s+/);
  // "Bill Clinton": compromise knows the surname even where it does not know the given name.
  if (words.length === 2 && !isAllCaps(text) && !headCategory(words[1]) && isKnownSurname(words[1])) return true;
  if (/(?:^|[\s(])\p{Lu}\.\s?$/u.test(before)) return true;
  const bracket = /^ ?\( ?(\p{Lu}[\p{L} .]*?) ?\)/u.exec(after);
  if (bracket && isPlaceOrPeople(bracket[1])) return true;
  return !/\s/.test(text) && !isAllCaps(text) && isKnownSurname(text);
}

// "German Aerospace Center (DLR)" or, with CoNLL spacing, "( DLR )"; and the reverse "DLR (German Aerospace Center)".
const ACRONYM_AFTER = /^\s?\(\s?(\p{Lu}[\p{Lu}\p{Ll}&.\-]{1,9})\s?\)/u;

function findAcronymDefinitions(paragraph: string, tokens: readonly NameToken[], mentions: AgencyMention[]): void {
  if (!paragraph.includes('(')) return;
  const added: AgencyMention[] = [];
  const byStart = new Map<number, AgencyMention>();
  for (const m of mentions) if (!byStart.has(m.start) || !m.candidate) byStart.set(m.start, m);
  for (const mention of mentions) {
    if (!paragraph.slice(mention.end, mention.end + 3).includes('(')) continue;
    if (mention.candidate && mention.text.split(/\s+/).length < 2) continue;
    const m = ACRONYM_AFTER.exec(paragraph.slice(mention.end, mention.end + 20));
    if (!m) continue;
    const acronym = m[1];
    const acronymStart = mention.end + m[0].indexOf(acronym, 1);
    const existing = byStart.get(acronymStart);
    const knownAcronym = existing && (existing.source === 'lexicon' || existing.source === 'custom') && existing.end === acronymStart + acronym.length ? existing : undefined;
    if (!definesAcronym(acronym, mention.text, knownAcronym !== undefined) && !(mention.acronym === acronym)) continue;
    if (mention.person || (mention.candidate && (looksLikePerson(mention.text) || isNotAnAgency(mention.text)))) continue;
    promote(mention);
    mention.defines = acronym;
    if (knownAcronym && mention.source !== 'lexicon' && mention.source !== 'custom' && sharesNameWord(mention.text, knownAcronym)) {
      // "French National Center for Space Studies (CNES)": the long form is the agency the known acronym names.
      Object.assign(mention, { canonical: knownAcronym.canonical, category: knownAcronym.category, country: knownAcronym.country, acronym: knownAcronym.acronym ?? acronym });
      knownAcronym.defines = acronym;
      continue;
    }
    if (existing) {
      // "Kestrel Port Authority (KPA)": the article's own definition wins over another agency the lexicon knows by those letters.
      if (existing === knownAcronym) Object.assign(existing, { source: 'acronym-definition', aliases: undefined });
      Object.assign(existing, { canonical: mention.canonical, category: mention.category, country: mention.country, acronym, candidate: undefined, defines: acronym });
    } else {
      added.push({ ...agencyMention(paragraph, acronymStart, acronymStart + acronym.length, mention.canonical, mention.category, mention.source === 'lexicon' || mention.source === 'custom' ? mention.source : 'acronym-definition'), country: mention.country, acronym, defines: acronym });
    }
    mention.acronym = acronym;
  }
  // "DLR (German Aerospace Center)": an all-caps word followed by a bracketed name it abbreviates.
  for (let i = 0; i + 1 < tokens.length; i++) {
    const word = tokens[i].text;
    if (!/^\p{Lu}[\p{Lu}&]{1,7}$/u.test(word)) continue;
    const open = /^\s?\(\s?$/.exec(paragraph.slice(tokens[i].end, tokens[i + 1].start));
    if (!open) continue;
    const inner = paragraph.slice(tokens[i + 1].start, tokens[i + 1].start + 120).indexOf(')');
    if (inner === -1) continue;
    const close = tokens[i + 1].start + inner;
    const name = paragraph.slice(tokens[i + 1].start, close).trim();
    if (!(abbreviates(word, name) || initialsInAnyOrder(word, name)) || looksLikePerson(name) || isNotAnAgency(name)) continue;
    const nameStart = tokens[i + 1].start;
    const nameEnd = nameStart + name.length;
    const atName = byStart.get(nameStart);
    const known = atName && !atName.candidate ? atName : undefined;
    const canonical = known?.canonical ?? canonicalOf(name);
    const category = known?.category ?? 'organisation';
    // Pieces of the bracketed name are not agencies of their own.
    for (let k = i + 1; k < tokens.length && tokens[k].start < nameEnd; k++) {
      const inside = byStart.get(tokens[k].start);
      if (inside && inside !== known && inside.end <= nameEnd) inside.candidate = true;
    }
    if (known) Object.assign(known, { end: nameEnd, text: name, acronym: word, defines: word });
    else added.push({ ...agencyMention(paragraph, nameStart, nameEnd, canonical, category, 'acronym-definition'), acronym: word, defines: word });
    const acr = byStart.get(tokens[i].start);
    if (acr) Object.assign(acr, { canonical, category, acronym: word, candidate: undefined, defines: word, source: acr.source === 'lexicon' ? acr.source : 'acronym-definition' });
    else added.push({ ...agencyMention(paragraph, tokens[i].start, tokens[i].end, canonical, category, 'acronym-definition'), acronym: word, defines: word });
  }
  mentions.push(...added);
}

/**
 * Whether "Name (ACR)" defines ACR: its capitals abbreviate the name, also without a leading nationality
 * ("French National Center for Space Studies (CNES)" for the French acronym); for an acronym the lexicon
 * already knows, most of its letters opening words of the name is enough (a translated name reorders them).
 */
function definesAcronym(acronym: string, name: string, known: boolean): boolean {
  if (abbreviates(acronym, name) || initialsInAnyOrder(acronym, name)) return true;
  const words = name.split(/\s+/);
  while (words.length > 2 && (isNationality(words[0]) || isPlaceOrPeople(words[0]))) words.shift();
  if (abbreviates(acronym, words.join(' '))) return true;
  if (!known) return false;
  const initials = new Set(words.filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]));
  const letters = acronym.replace(/[^\p{Lu}]/gu, '');
  let shared = 0;
  for (const letter of letters) if (initials.has(letter)) shared++;
  return words.length >= 2 && shared * 4 >= letters.length * 3;
}

/**
 * Whether a long form and the agency the lexicon knows by its acronym share a name word ("National" in "French
 * National Center for Space Studies" and "Centre National d'Etudes Spatiales"; "Episcopal" and "Episcopale" by
 * their first five letters): a translation of the known name, not another body that happens to share its letters.
 */
function sharesNameWord(name: string, known: AgencyMention): boolean {
  const stems = (text: string): string[] =>
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .split(/[^\p{L}]+/u)
      .filter((word) => word.length >= 4)
      .map((word) => word.slice(0, 5));
  const knownStems = new Set([known.canonical, ...(known.aliases ?? [])].flatMap(stems));
  return stems(name).some((stem) => knownStems.has(stem));
}

/**
 * "CEI (Italian Episcopal Conference)": an acronym of the name in its own language, whose letters are exactly the
 * initials of the name's capitalised words in another order.
 */
function initialsInAnyOrder(acronym: string, name: string): boolean {
  const letters = acronym.replace(/[^\p{Lu}]/gu, '');
  if (letters.length < 3 || letters.length !== acronym.replace(/[^\p{L}]/gu, '').length) return false;
  const initials = name.split(/[\s-]+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]);
  if (initials.length !== letters.length) return false;
  return [...letters].sort().join('') === initials.sort().join('');
}

function promote(mention: AgencyMention): void {
  if (!mention.candidate) return;
  mention.candidate = undefined;
  mention.source = 'acronym-definition';
}

/** Whether the capitals of an acronym appear in order in the name, the first one starting the name. */
export function abbreviates(acronym: string, name: string): boolean {
  const letters = acronym.replace(/[^\p{L}]/gu, '').toUpperCase();
  const words = name.split(/[\s\-]+/).filter((w) => /^\p{L}/u.test(w));
  if (letters.length < 2 || words.length === 0) return false;
  if (words[0][0].toUpperCase() !== letters[0]) return false;
  const upper = name.toUpperCase();
  let at = 0;
  for (const letter of letters) {
    at = upper.indexOf(letter, at);
    if (at === -1) return false;
    at++;
  }
  return true;
}

function markCovered(tokens: readonly NameToken[], covered: Uint8Array, start: number, end: number): void {
  for (let k = firstStartingAtOrAfter(tokens, start); k < tokens.length && tokens[k].end <= end; k++) covered[k] = 1;
}

/** Spaced CoNLL tokens and line breaks collapse: "Queen 's Park" → "Queen's Park". */
/** Mentions repeat across a document and across edits: each surface form is normalised once. */
const canonicalForms = new StringMemo((text) => text.replace(/\s+/g, ' ').replace(/ (['’]s)\b/g, '$1').replace(/ ?- /g, '-'));

function canonicalOf(text: string): string {
  return canonicalForms.get(text);
}

function agencyMention(paragraph: string, start: number, end: number, canonical: string, category: AgencyCategory, source: AgencyAnnotation['source']): AgencyMention {
  return { type: 'agency', start, end, text: paragraph.slice(start, end), canonical, category, source };
}

/** Canonical left as the text: a candidate that the document accepts takes the accepted mention's canonical. */
function candidate(paragraph: string, start: number, end: number): AgencyMention {
  const text = paragraph.slice(start, end);
  return { type: 'agency', start, end, text, canonical: text, category: 'organisation', source: 'pattern', candidate: true };
}

function fromKnown(agency: KnownAgency, paragraph: string, start: number, end: number): AgencyMention {
  const mention = agencyMention(paragraph, start, end, agency.canonical, agency.category, agency.source);
  if (agency.acronym) mention.acronym = agency.acronym;
  if (agency.country) mention.country = agency.country;
  return mention;
}

// Most mentions are one plain word: skip the regexes.
const nameKeys = new StringMemo((text) => (/[\s'’-]/.test(text) ? canonicalOf(text).toLowerCase() : text.toLowerCase()));

function nameKey(text: string): string {
  return nameKeys.get(text);
}

function textKeyOf(m: AgencyMention): string {
  return m.textKey ?? nameKey(m.text);
}

function canonicalKeyOf(m: AgencyMention): string {
  return m.canonicalKey ?? nameKey(m.canonical);
}

/** The words of a person's name, split once per name rather than on every keystroke; callers do not change them. */
const nameWords = new StringMemo((text) => text.split(/\s+/));

/**
 * Document-level pass: an acronym defined anywhere names the same agency everywhere; a candidate is kept
 * when the document names it as an agency elsewhere (also in capitals, or by its first word: "Real" after
 * "Real Madrid"); overlapping mentions keep the longest accepted one.
 */
function resolveMentions(mentions: AgencyMention[]): AgencyAnnotation[] {
  const known = new Map<string, AgencyMention>();
  const firstWords = new Map<string, AgencyMention>();
  for (const m of mentions) {
    if (m.candidate) continue;
    const key = textKeyOf(m);
    if (!known.has(key) || m.defines) known.set(key, m);
    if (m.defines && !known.has(m.defines.toLowerCase())) known.set(m.defines.toLowerCase(), m);
    const canonicalKey = canonicalKeyOf(m);
    if (!known.has(canonicalKey)) known.set(canonicalKey, m);
    const firstKey = m.source === 'lexicon' ? null : m.firstKey !== undefined ? m.firstKey : firstWordKey(m.text);
    if (firstKey !== null && !firstWords.has(firstKey)) firstWords.set(firstKey, m);
  }
  // Acronyms defined in the document override a lexicon reading of the same letters.
  const defined = new Map<string, AgencyMention>();
  // The long forms of defined acronyms, also without a leading nationality: a later "National Center for Space
  // Studies" is the agency "French National Center for Space Studies (CNES)" defined.
  const definedNames = new Map<string, AgencyMention>();
  for (const m of mentions) {
    if (!m.defines || m.candidate) continue;
    defined.set(m.defines, m);
    if (m.text === m.defines) continue;
    definedNames.set(textKeyOf(m), m);
    const words = m.text.split(/\s+/);
    if (words.length > 2 && isNationality(words[0])) definedNames.set(nameKey(words.slice(1).join(' ')), m);
  }

  // Surnames of people named in full elsewhere ("Alexander Lebed" … "Lebed said"): not agencies.
  const surnames = new Set<string>();
  for (const m of mentions) {
    if (!m.person) continue;
    const words = nameWords.get(m.text);
    surnames.add(words[words.length - 1]);
    if (words.length === 2) surnames.add(words[0]); // "Elian" for "Elian Gonzalez"
  }

  // Datelines name places: "KORVALA , Eastland" makes "Korvala" a place throughout the document.
  const places = new Set<string>();
  for (const m of mentions) if (m.place) places.add(textKeyOf(m));

  const accepted: AgencyMention[] = [];
  for (const m of mentions) {
    if (m.person || m.place) continue;
    // A town is also its club: "DENVER 70 60" in a standings table stays a team.
    if ((m.source === 'pattern' || m.candidate) && m.category !== 'sports' && places.size > 0 && places.has(textKeyOf(m))) continue;
    if (m.capitals) {
      accepted.push(...namesInCapitals(m, known, firstWords));
      continue;
    }
    if (m.source === 'pattern' && surnames.has(m.text)) continue;
    const definition = defined.get(m.text);
    if (definition && definition !== m && (m.candidate || m.source === 'pattern')) {
      accepted.push(retarget(m, definition));
      continue;
    }
    if (definition && m.source === 'lexicon' && definition.source === 'acronym-definition' && definition.canonical !== m.canonical) {
      // The article defined these letters as an agency of its own: the lexicon's reading of them is another body.
      accepted.push({ ...m, canonical: definition.canonical, category: definition.category, country: definition.country, aliases: undefined, source: 'acronym-definition', canonicalKey: undefined });
      continue;
    }
    if (m.source === 'pattern' && !m.defines && definedNames.size > 0) {
      const longForm = definedNames.get(textKeyOf(m));
      if (longForm && longForm.canonical !== m.canonical) {
        accepted.push(retarget(m, longForm));
        continue;
      }
    }
    if (!m.candidate) {
      accepted.push(m);
      continue;
    }
    const key = textKeyOf(m);
    const same = known.get(key) ?? (/\s/.test(m.text) ? undefined : firstWords.get(key));
    if (same) accepted.push(retarget(m, same));
    else {
      // "USI Art Collections": an acronym the document names as an agency, opening a longer unknown run, is still it.
      const first = /^(\p{Lu}[\p{Lu}&]{1,7})\s/u.exec(m.text);
      const acronym = first ? known.get(first[1].toLowerCase()) : undefined;
      if (first && acronym && !m.person) accepted.push(retarget({ ...m, end: m.start + first[1].length, text: first[1] }, acronym));
    }
  }
  return withoutOverlaps(accepted).map(toAnnotation);
}

/**
 * The first word by which a later mention may refer to this name: "Real" for "Real Madrid", but not
 * "Irving" for "Irving Police Department" (a head-named body's first word is a modifier). Memoised:
 * the same names recur on every keystroke.
 */
const firstWordKeys = new StringMemo<string | null>((text) => {
  const words = text.split(/\s+/);
  const eligible =
    words.length >= 2 && !headCategory(words[words.length - 1]) && !headCategory(words[0]) && !isNotAnAgency(words[0]) && !LEADING_NON_NAME.has(words[0]) && !PLACE_NAME_PREFIX.test(words[0]);
  return eligible ? words[0].toLowerCase() : null;
});

function firstWordKey(text: string): string | null {
  return firstWordKeys.get(text);
}

/** First words of place-like names that say nothing on their own ("St Louis", "New York", "Los Angeles"). */
const PLACE_NAME_PREFIX = /^(?:St\.?|Saint|San|Santa|Los|Las|New|North|South|East|West|Upper|Lower|Great|Little|Port|Fort|Mount|Le|La|El|De|Du|Al|Das|Der|Die)$/i;

/** "LEICESTERSHIRE TAKE OVER AT TOP": the longest runs of up to three words that the document names elsewhere. */
function namesInCapitals(run: AgencyMention, known: ReadonlyMap<string, AgencyMention>, firstWords: ReadonlyMap<string, AgencyMention>): AgencyMention[] {
  const words = tokenize(run.text);
  const lower = words.map((w) => w.text.toLowerCase());
  const found: AgencyMention[] = [];
  for (let k = 0; k < words.length; k++) {
    let key = lower[k];
    const keys = [key];
    for (let m = k + 1; m < Math.min(words.length, k + 3); m++) keys.push((key += ' ' + lower[m]));
    for (let m = k + keys.length - 1; m >= k; m--) {
      const same = known.get(keys[m - k]) ?? (m === k ? firstWords.get(keys[0]) : undefined);
      if (!same) continue;
      const text = run.text.slice(words[k].start, words[m].end);
      // A name accepted as it stands elsewhere ("ST LOUIS" in a standings table) needs no filter; a first word does.
      if (nameKey(same.text) !== keys[m - k] && isNotAnAgency(text)) continue;
      found.push(retarget({ ...run, start: run.start + words[k].start, end: run.start + words[m].end, text, capitals: undefined }, same));
      k = m;
      break;
    }
  }
  return found;
}

function retarget(m: AgencyMention, same: AgencyMention): AgencyMention {
  // The keys found with the paragraph were of the mention as found; this one may have another text and canonical name.
  const out: AgencyMention = {
    ...m,
    canonical: same.canonical,
    category: same.category,
    candidate: undefined,
    source: m.candidate ? same.source : m.source,
    textKey: undefined,
    canonicalKey: undefined,
    firstKey: undefined,
  };
  if (same.acronym) out.acronym = same.acronym;
  if (same.country) out.country = same.country;
  return out;
}

function withoutOverlaps(mentions: AgencyMention[]): AgencyMention[] {
  const sorted = [...mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: AgencyMention[] = [];
  for (const m of sorted) {
    const previous = out[out.length - 1];
    if (previous && m.start < previous.end) {
      if (m.end - m.start > previous.end - previous.start) out[out.length - 1] = m;
      continue;
    }
    out.push(m);
  }
  return out;
}

/** Each agency's other names, for the hover; one shared array per agency. */
function withAliases(agencies: AgencyAnnotation[], index: AgencyIndex): AgencyAnnotation[] {
  for (const agency of agencies) {
    const aliases = index.aliasesOf(agency.canonical);
    if (aliases.length > 0) agency.aliases = aliases;
  }
  return agencies;
}

function toAnnotation(m: AgencyMention): AgencyAnnotation {
  const annotation: AgencyAnnotation = { type: 'agency', start: m.start, end: m.end, text: m.text, canonical: m.canonical, category: m.category, source: m.source };
  if (m.acronym) annotation.acronym = m.acronym;
  if (m.country) annotation.country = m.country;
  return annotation;
}
