/**
 * What a quote's speaker mention stands for. A named agency resolves to its canonical name, a person
 * to the full name of their first mention ("Rogozin" → "Dmitry Rogozin"); "it" and descriptions like
 * "the agency" resolve to the nearest agency mentioned before; "he", "she" and "the spokesman" to the
 * nearest person named before. Person names come from a cheap capitalisation pattern per paragraph.
 */
import type { AgencyAnnotation, AgencyCategory, QuoteAnnotation, TextSpan } from '../annotation';
import { firstStartingAfter, firstStartingAtOrAfter } from '../text/sortedSpans';
import { isCueWord } from '../quotes/speakers';

export interface PersonMention {
  start: number;
  end: number;
  /** The name without title: "Dmitry Rogozin", "Burman". */
  name: string;
}

const TITLE_WORDS =
  'Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Prof|Rev|Hon|Amb|President|Vice|Prime|Minister|Secretary|Senator|Governor|Mayor|Judge|Justice|Chancellor|Ambassador|Chief|Director|Chairman|Chairwoman|Representative|Congressman|Congresswoman|Pope|King|Queen|Prince|Princess|Sheikh|Sir|Dame|Lord|Lady|General|Admiral|Colonel|Captain|Sergeant|Commissioner|Attorney|Speaker|Leader|Former|Retired|Democratic|Republican|Rabbi|Father|Sister|Brother|Saint|St|Democrat|Independent|Engineer|Inspector|Officer|Detective|Coach|Doctor|Nurse|Spokesman|Spokeswoman|Professor|Dean|Bishop|Cardinal|Deputy|Manager|Agent|Sheriff|Trooper|Corporal|Private|Pastor|Reverend|Dr';
const TITLE = new RegExp(`^(?:${TITLE_WORDS})\\.?$`);
/** Lower-case roles written before a name: "Roscosmos chief Dmitry Rogozin", "spokesman John Kirby". */
const ROLE_BEFORE_NAME = /(?:^|\s)(?:chief|spokesman|spokeswoman|spokesperson|director|head|administrator|astronaut|cosmonaut|minister|secretary|senator|governor|president|adviser|advisor|aide|official|economist|analyst|professor|lawyer|attorney|chairman|founder|leader|manager|commander|judge|nominee|candidate)\s+$/;
/** Runs of two or more capitalised words (with initials and name particles) — candidate names. */
const CAPITALISED_RUN = /\p{Lu}[^\s,;:!?()[\]"“”]*(?:[ \t]+(?:\p{Lu}[^\s,;:!?()[\]"“”]*|(?:de|van|von|bin|al|da|del|di|le|la)(?=[ \t]+\p{Lu})))+/gu;
const NAME_WORD = /^(?:\p{Lu}[\p{L}\p{M}'’\-]*\p{Ll}[\p{L}\p{M}'’\-]*|\p{Lu}\.|de|van|von|bin|al|da|del|di|le|la)$/u;

/** Capitalised words that start sentences or name things other than people. */
const NOT_NAME_WORDS = new Set(
  (
    'The A An In On At But And Or Of For To From By With As It He She They We I You This That These Those When Where While After Before ' +
    'If Then There Here His Her Its Their Our My Your Some Many Most All Both Each Every No Not Yes So Yet Still Also Meanwhile However ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December ' +
    'Center Centre Agency Administration Department Ministry Office Organization Organisation Association Union Party Committee Council Court ' +
    'House Senate Congress Parliament Station Space News Times Post Journal Press Company Corporation Corp Inc Group Bank Fund Foundation ' +
    'Institute University College School Board Commission Service Services Force Forces Army Navy Republic States Kingdom Nations United ' +
    'Street Avenue River Mountain Island Airport Hospital Church Museum Street Road Square Park Tower Bridge Hall Club League Cup Prize ' +
    'American Russian German British French Chinese European Ukrainian International National Federal State Democratic Republican ' +
    'North South East West New Old Great White Black Red Green Blue Twitter Facebook Instagram Google Apple Microsoft Amazon ' +
    'God Christmas Easter Internet Web Read Image Photo Video Editor Correction Update Related'
  ).split(' '),
);

export function findPersonMentions(paragraph: string): PersonMention[] {
  const found: PersonMention[] = [];
  CAPITALISED_RUN.lastIndex = 0;
  for (let m = CAPITALISED_RUN.exec(paragraph); m; m = CAPITALISED_RUN.exec(paragraph)) {
    const words = m[0].split(/[ \t]+/);
    let start = m.index;
    let titled = ROLE_BEFORE_NAME.test(paragraph.slice(Math.max(0, start - 16), start));
    let first = 0;
    while (first < words.length && (NOT_NAME_WORDS.has(words[first]) || TITLE.test(words[first]))) {
      if (TITLE.test(words[first])) titled = true;
      start = skipSpaces(paragraph, start + words[first].length);
      first++;
    }
    let last = first;
    while (last < words.length && NAME_WORD.test(words[last]) && !NOT_NAME_WORDS.has(words[last])) last++;
    // Trailing periods of a sentence end are not part of the name.
    const nameWords = words.slice(first, last).map((w, i, all) => (i === all.length - 1 && w.length > 2 ? w.replace(/\.$/, '') : w));
    if (nameWords.length === 0 || nameWords.length > 3 || (nameWords.length < 2 && !titled)) continue;
    if (last < words.length && first === 0 && nameWords.length < 2) continue;
    const name = nameWords.join(' ');
    const end = start + paragraph.slice(start).indexOf(nameWords[nameWords.length - 1]) + nameWords[nameWords.length - 1].length;
    // Capitalised word pairs name places and things too; a person has a title or speaks.
    if (!titled && !speaksAfter(paragraph, end)) continue;
    found.push({ start, end, name });
  }
  return found;
}

/** `Name said`, `Name also told`, `Name, a senator, said`: a cue verb follows the name. */
function speaksAfter(paragraph: string, end: number): boolean {
  let rest = paragraph.slice(end, end + 120);
  const appositive = /^,[^,.;:!?]{1,80},/.exec(rest);
  if (appositive) rest = rest.slice(appositive[0].length);
  const words = rest.split(/[^\p{L}]+/u).filter(Boolean).slice(0, 2);
  return words.some((w) => /^\p{Ll}/u.test(w) && isCueWord(w));
}

function skipSpaces(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}

type Referent = 'agency' | 'person' | 'none' | 'named';

const AGENCY_DESCRIPTION = /^(?:the|its|this)\s+(?:[\p{L}-]+\s+){0,2}(?:agency|company|ministry|department|organi[sz]ation|corporation|government|administration|office|group|firm|centre|center|institute|body|board|committee|council|campaign|network|bank|union|party|court|commission|service|authority|regulator|operator|broadcaster|newspaper|outlet|station|team|club|state corporation|corporation)$/iu;
const PERSON_DESCRIPTION = /^(?:the|a|an|his|her|its|their)?\s*(?:[\p{L}-]+\s+){0,2}(?:spokes(?:man|woman|person)|official|senator|president|minister|secretary|governor|mayor|chief|director|head|chairman|chairwoman|administrator|astronaut|cosmonaut|candidate|nominee|congressman|congresswoman|lawmaker|leader|founder|ceo|executive|adviser|advisor|aide|ambassador|general|commander|judge|lawyer|attorney|prosecutor|economist|analyst|professor|scientist|researcher|expert|manager|coach|author|father|mother|man|woman)$/iu;

function referentOf(mention: string): Referent {
  const lower = mention.toLowerCase();
  if (lower === 'he' || lower === 'she') return 'person';
  if (lower === 'it') return 'agency';
  if (lower === 'they' || lower === 'we' || lower === 'i' || lower === 'you') return 'none';
  if (AGENCY_DESCRIPTION.test(mention)) return 'agency';
  if (PERSON_DESCRIPTION.test(mention) && !/\p{Lu}/u.test(mention.replace(/^\p{Lu}/u, ''))) return 'person';
  if (/\p{Lu}/u.test(mention.replace(/^(?:the|a|an)\s+/i, '')) && !/^(?:the|a|an)\s+\p{Ll}/iu.test(mention)) return 'named';
  return 'none';
}

/** Roles are written in lower case in running text and capitalised as titles ("ESA Director General Josef Aschbacher"). */
const ROLE_THEN_NAME = /\b(?:[Ss]pokes(?:man|woman|person)|[Ss]ecretary|[Cc]hief|[Dd]irector|[Hh]ead|[Mm]inister|[Pp]resident|[Cc]hairman|[Cc]hairwoman|[Aa]dministrator|[Oo]fficial|[Aa]dviser|[Aa]dvisor|[Aa]ide|[Ee]xecutive|[Mm]anager|[Ss]enator|[Gg]overnor|[Mm]ayor|[Aa]mbassador|[Cc]ommander|[Ll]eader|[Ff]ounder|CEO)\s+(?:\p{Lu}[\p{L}'’.-]*\s+){0,2}\p{Lu}[\p{L}'’-]*\p{Ll}[\p{L}'’-]*$/u;

/** Fills `resolved` on every quote (sorted by start) that has a speaker. */
export function resolveSpeakers(
  text: string,
  quotes: QuoteAnnotation[],
  agencyList: readonly AgencyAnnotation[],
  detectedPersons: readonly PersonMention[],
): void {
  const agencies = isSortedByStart(agencyList) ? agencyList : [...agencyList].sort((a, b) => a.start - b.start);
  const persons = [...detectedPersons];
  const fullNames = new Map<string, string>(); // last word → first full name mentioned
  const remember = (name: string) => {
    const last = name.split(/\s+/).pop()!.toLowerCase();
    const known = fullNames.get(last);
    if (!known || (known.split(/\s+/).length === 1 && name.includes(' '))) fullNames.set(last, name);
  };
  // First mentions decide full names; detected persons come in document order.
  for (const p of persons) remember(p.name);

  for (const quote of quotes) {
    const speaker = quote.speaker;
    if (!speaker) continue;
    if (quote.kind === 'post') {
      quote.resolved = resolvePost(speaker, agencies);
      continue;
    }
    // "White House press secretary Josh Earnest" is the person, not the agency he speaks for.
    const titledPerson = ROLE_THEN_NAME.exec(speaker.text);
    const inside = titledPerson ? null : agencyWithin(speaker, agencies);
    if (inside) {
      quote.resolved = inside.canonical;
      continue;
    }
    switch (referentOf(speaker.text)) {
      case 'agency': {
        const fits = describedAgency(speaker.text);
        quote.resolved =
          (nearestSubjectAgency(text, agencies, speaker.start, fits) ?? nearestSubjectAgency(text, agencies, speaker.start) ?? nearestBefore(agencies, speaker.start))
            ?.canonical ?? null;
        break;
      }
      case 'person': {
        const person = nearestBefore(persons, speaker.start);
        quote.resolved = person ? fullNames.get(lastWord(person.name)) ?? person.name : null;
        break;
      }
      case 'named': {
        const name = personName(speaker.text);
        if (!name) break;
        const full = fullNames.get(lastWord(name));
        quote.resolved = full && full.length >= name.length ? full : name;
        if (!full) remember(name);
        persons.splice(firstStartingAfter(persons, speaker.start), 0, { start: speaker.start, end: speaker.end, name });
        break;
      }
      default:
        break;
    }
  }
}

function isSortedByStart(items: readonly { start: number }[]): boolean {
  for (let i = 1; i < items.length; i++) if (items[i - 1].start > items[i].start) return false;
  return true;
}

function lastWord(name: string): string {
  return name.split(/\s+/).pop()!.toLowerCase();
}

/** The trailing run of capitalised words without titles: "Roscosmos chief Dmitry Rogozin" → "Dmitry Rogozin". */
function personName(mention: string): string | null {
  const words = mention.replace(/\s*\([^)]*\)\s*$/, '').split(/[\s,]+/).filter(Boolean);
  const kept: string[] = [];
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i];
    if (!/^\p{Lu}/u.test(w) || TITLE.test(w.replace(/\.$/, '')) || NOT_NAME_WORDS.has(w)) break;
    kept.unshift(w);
  }
  if (kept.length === 0) return null;
  const name = kept.join(' ');
  // Transcript labels are in capitals: "PENCE" → "Pence".
  return name === name.toUpperCase() && name.length > 3 ? name.replace(/\p{Lu}+/gu, (w) => w[0] + w.slice(1).toLowerCase()) : name;
}

/** No agency name is longer than this: an agency overlapping a span starts at most this far before it. */
const MAX_AGENCY_LENGTH = 200;

function agencyWithin(span: TextSpan, agencies: readonly AgencyAnnotation[]): AgencyAnnotation | null {
  let best: AgencyAnnotation | null = null;
  for (let i = firstStartingAtOrAfter(agencies, span.start - MAX_AGENCY_LENGTH); i < agencies.length && agencies[i].start < span.end; i++) {
    const a = agencies[i];
    if (a.end > span.start && (!best || a.end - a.start > best.end - best.start)) best = a;
  }
  return best;
}

/** The last item (sorted by start) that ends at or before `offset`. */
function nearestBefore<T extends { start: number; end: number }>(items: readonly T[], offset: number): T | null {
  for (let i = firstStartingAtOrAfter(items, offset) - 1, steps = 0; i >= 0 && steps < 16; i--, steps++) if (items[i].end <= offset) return items[i];
  return null;
}


/** Only the preposition ignores case: the words after it must be capitalised, or any text would end in a "name". "According to X" names a source, so it does not count. */
const PREPOSITION_BEFORE =
  /\b(?:[Bb]y|[Oo]f|[Ww]ith|(?<![Aa]ccording\s+)[Tt]o|[Ff]rom|[Ff]or|[Ii]n|[Oo]n|[Aa]t|[Aa]gainst|[Aa]bout|[Ii]nto|[Oo]ver|[Uu]nder|[Bb]etween|[Aa]mong|[Tt]han|[Ll]ike)\s+(?:(?:[Tt]he|[Aa]|[Aa]n|[Ii]ts|[Tt]heir)\s+)?(?:\p{Lu}[\p{L}.'’-]*\s+)*$/u;

/**
 * The nearest agency before `offset` that can be what "it" or "the agency" points back to: one that
 * is not the object of a preposition ("the decisions taken by the DLR Executive Board").
 */
function nearestSubjectAgency(
  text: string,
  agencies: readonly AgencyAnnotation[],
  offset: number,
  fits: (agency: AgencyAnnotation) => boolean = () => true,
): AgencyAnnotation | null {
  for (let i = firstStartingAtOrAfter(agencies, offset) - 1, steps = 0; i >= 0 && steps < 12; i--, steps++) {
    const candidate = agencies[i];
    if (candidate.end > offset || !fits(candidate)) continue;
    if (!PREPOSITION_BEFORE.test(text.slice(Math.max(0, candidate.start - 60), candidate.start))) return candidate;
  }
  return null;
}

/** Which agencies a description can point back to: "the company" a company, "the US agency" an American one. */
const CATEGORIES_BY_HEAD: Record<string, readonly AgencyCategory[]> = {
  company: ['company'], firm: ['company'], corporation: ['company'], group: ['company'], operator: ['company'], bank: ['company'],
  carrier: ['company'], airline: ['company'], manufacturer: ['company'], maker: ['company'], broadcaster: ['media', 'company'],
  newspaper: ['media'], outlet: ['media'], network: ['media', 'company'], ministry: ['ministry', 'government'],
  department: ['ministry', 'government'], government: ['government', 'ministry'], administration: ['government', 'space agency'],
  court: ['court'], party: ['party'], campaign: ['party', 'organisation'], team: ['sports'], club: ['sports'], university: ['university'],
  union: ['ngo', 'organisation', 'international'], regulator: ['government'], authority: ['government', 'international'],
};
const COUNTRY_ADJECTIVES: Record<string, string> = {
  us: 'United States', 'u.s.': 'United States', american: 'United States', uk: 'United Kingdom', british: 'United Kingdom',
  german: 'Germany', russian: 'Russia', french: 'France', italian: 'Italy', japanese: 'Japan', chinese: 'China', spanish: 'Spain',
  canadian: 'Canada', australian: 'Australia', indian: 'India', israeli: 'Israel', ukrainian: 'Ukraine', dutch: 'Netherlands',
  swiss: 'Switzerland', korean: 'South Korea', 'south korean': 'South Korea', brazilian: 'Brazil', swedish: 'Sweden', turkish: 'Turkey',
};

function describedAgency(description: string): (agency: AgencyAnnotation) => boolean {
  const words = description.toLowerCase().split(/\s+/);
  const categories = CATEGORIES_BY_HEAD[words[words.length - 1]];
  const country = words.slice(0, -1).map((w) => COUNTRY_ADJECTIVES[w]).find(Boolean);
  return (agency) => (!categories || categories.includes(agency.category)) && (!country || agency.country === country);
}

/** A post's account: an agency named in it, else one whose name or acronym matches the handle, else the display name. */
function resolvePost(account: TextSpan, agencies: readonly AgencyAnnotation[]): string {
  const inside = agencyWithin(account, agencies);
  if (inside) return inside.canonical;
  const handle = /@(\w+)/.exec(account.text)?.[1] ?? '';
  const byHandle = agenciesByHandle(agencies).get(normaliseHandle(handle));
  if (byHandle) return byHandle;
  return account.text.replace(/\s*\(@\w+\)\s*$/, '').trim() || handle;
}

/** Built once per document (its agency list), so that each post costs one look-up, not a pass over every agency. */
const handleIndexes = new WeakMap<readonly AgencyAnnotation[], Map<string, string>>();
function agenciesByHandle(agencies: readonly AgencyAnnotation[]): Map<string, string> {
  let index = handleIndexes.get(agencies);
  if (!index) {
    index = new Map();
    for (const a of agencies) {
      for (const name of [a.canonical, a.acronym, a.text]) {
        if (!name) continue;
        const key = normaliseHandle(name);
        if (!index.has(key)) index.set(key, a.canonical);
      }
    }
    handleIndexes.set(agencies, index);
  }
  return index;
}

/** Names recur across a document and across edits: each is normalised once. */
const normalisedNames = new Map<string, string>();

/** "DLR_en" → "dlr", "Roscosmos" → "roscosmos": accounts add language suffixes and underscores. */
function normaliseHandle(name: string): string {
  let normalised = normalisedNames.get(name);
  if (normalised === undefined) {
    if (normalisedNames.size > 100_000) normalisedNames.clear();
    normalised = normaliseHandleUncached(name);
    normalisedNames.set(name, normalised);
  }
  return normalised;
}

function normaliseHandleUncached(name: string): string {
  return name
    .toLowerCase()
    .replace(/_(?:en|de|fr|es|ru|it|ja|zh|eng|english|intl|news|official)$/, '')
    .replace(/[^\p{L}\p{N}]/gu, '');
}
