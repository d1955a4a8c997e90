/**
 * Every mention of a person in a paragraph, not only those that speak: "Sen. Bernie Sanders (Vt.)",
 * "Mrs. Clinton", "Charlie King, a prominent New York Democrat,", "campaign manager Kellyanne Conway".
 * A run of capitalised words is a person when something says so: an honorific or a title before it, a
 * given name compromise knows, a lower-case role before it, or a speech verb after it. Runs without such
 * evidence are kept as `bare` mentions: a lone "Trump" or "King" is a person only if the article names
 * that person in full somewhere (the entity table decides, at document level).
 */
import { isCueWord } from '../quotes/speakers';
import { givenNameGender, isAdjectiveWord, isComparisonWord, isFunctionWord, isPluralNoun, isListedRoleNoun, isCalendarWord, isDictionaryWord, isGivenName, isHonorific, isPlaceWord, isRoleNoun, type Gender } from '../nlp';

export interface PersonMention {
  start: number;
  end: number;
  /** The name without title or possessive: "Bernie Sanders", "Clinton", "Joseph R. Biden Jr.". */
  name: string;
  /** The last name word, suffixes aside: "Biden" for "Joseph R. Biden Jr.". */
  surname: string;
  /** `surname` and the first name word as keys (`nameKey`), and the number of name words: the table's look-ups. */
  surnameKey: string;
  givenKey: string;
  wordCount: number;
  /** From an honorific ("Mrs."), else from a given name compromise knows. */
  gender: Gender | null;
  /** Lower-case roles the text gives the person here: "senator", "campaign manager", "democrat". */
  roles: string[];
  /** An age given in apposition ("Mr. King, 82,"), for "the 82-year-old". */
  age?: number;
  /** No title, given name, role or speech verb vouches for it: a person only if the article names them in full. */
  bare: boolean;
  /** Perhaps a plural like "Democrats" (`isGroupWord` decides, when it matters): it may join a person of that name ("Sanders"), but starts no person of its own. */
  group: boolean;
}

/** Honorifics that also tell the gender; compromise tags honorifics but not their gender. */
const GENDERED_HONORIFICS: Record<string, Gender> = { mr: 'male', mrs: 'female', ms: 'female', miss: 'female', sir: 'male', dame: 'female', lord: 'male', lady: 'female' };
const NAME_PARTICLES = new Set(['de', 'van', 'von', 'bin', 'al', 'da', 'del', 'der', 'di', 'le', 'la', 'du', 'dos', 'das', 'ibn', 'ben', 'st.']);
const NAME_SUFFIXES = /^(?:Jr\.?|Sr\.?|II|III|IV)$/;
/** Words that make a capitalised run an institution, not a person ("Clinton Foundation", "Trump Tower"). */
const INSTITUTION_WORDS =
  /^(?:Foundation|Center|Centre|Institute|University|College|School|Department|Ministry|Agency|Administration|Committee|Council|Commission|Party|Campaign|Tower|Hotel|Street|Avenue|Road|Hall|House|Church|Museum|Hospital|Company|Corporation|Corp\.?|Inc\.?|Ltd\.?|Group|Bank|Fund|Association|Union|Club|Times|Post|News|Journal|Network|Airport|River|County|City|State|Act|Award|Prize|Cup|Show|Project)$/;

/** Capitalised words joined by single spaces, with name particles between them: where every name is. */
const CAPITALISED_RUN =
  /(?<![\p{L}\p{M}\p{N}'’.\-])\p{Lu}[\p{L}\p{M}\p{N}'’.\-]*(?: (?:(?:de|van|von|bin|al|da|del|der|di|le|la|du|dos|das|ibn|ben) )?\p{Lu}[\p{L}\p{M}\p{N}'’.\-]*)*/gu;
const WORD = /[\p{L}\p{M}][\p{L}\p{M}\p{N}'’.\-]*/gu;

interface Token {
  text: string;
  start: number;
  end: number;
}

export function findPersonMentions(paragraph: string): PersonMention[] {
  const found: PersonMention[] = [];
  CAPITALISED_RUN.lastIndex = 0;
  for (let run = CAPITALISED_RUN.exec(paragraph); run; run = CAPITALISED_RUN.exec(paragraph)) {
    // Most runs are one sentence-starting word: they name nobody and cost one look-up.
    if (isSentenceWord(run[0])) continue;
    const tokens: Token[] = [];
    WORD.lastIndex = 0;
    for (let m = WORD.exec(run[0]); m; m = WORD.exec(run[0])) tokens.push({ text: m[0], start: run.index + m.index, end: run.index + m.index + m[0].length });
    for (let i = 0; i < tokens.length; ) {
      let j = i + 1;
      while (j < tokens.length && continuesRun(paragraph, tokens[j - 1], tokens[j], tokens[j + 1])) j++;
      if (startsName(tokens[i].text)) {
        const mention = personIn(paragraph, tokens, i, j);
        if (mention) found.push(mention);
      }
      i = j;
    }
  }
  return found;
}

/** "The", "However", "Many", "Later": words of the language that start a sentence, never a name (compromise's lexicon). */
function isSentenceWord(word: string): boolean {
  return isFunctionWord(word) || ((isAdjectiveWord(word) || isComparisonWord(word)) && !isGivenName(word) && !word.includes(' '));
}

function startsName(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

/** Words of one name are separated by one space (or none after an initial), never by punctuation. */
function continuesRun(paragraph: string, previous: Token, next: Token, after: Token | undefined): boolean {
  const gap = paragraph.slice(previous.end, next.start);
  if (gap !== ' ') return false;
  // A period ends the sentence unless it ends an initial or an honorific: "Joseph R. Biden", "Mr. King".
  if (/\.$/.test(previous.text) && !/^(?:\p{Lu}\.)+$/u.test(previous.text) && !isHonorific(previous.text) && previous.text !== 'St.') return false;
  if (/[’']s$/.test(previous.text)) return false;
  if (startsName(next.text)) return true;
  return NAME_PARTICLES.has(next.text.toLowerCase()) && after !== undefined && startsName(after.text) && paragraph.slice(next.end, after.start) === ' ';
}

function personIn(paragraph: string, tokens: readonly Token[], from: number, to: number): PersonMention | null {
  let first = from;
  let gender: Gender | null = null;
  let titled = false;
  const roles: string[] = [];
  // The name starts after the last title of the run: "Massachusetts Sen. Elizabeth Warren", "Former President
  // Bill Clinton", "Interim DNC Chairwoman Donna Brazile".
  for (let k = to - 2; k >= from; k--) {
    const bare = tokens[k].text.replace(/\.$/, '');
    const honorific = isHonorific(tokens[k].text) || GENDERED_HONORIFICS[bare.toLowerCase()] !== undefined;
    if (!honorific && !isTitleWord(bare, tokens[k + 1].text)) continue;
    gender = GENDERED_HONORIFICS[bare.toLowerCase()] ?? null;
    // "Sen." makes a senator; "Mr." only a man.
    if (!honorific || HONORIFIC_ROLES[bare.toLowerCase()]) roles.push(HONORIFIC_ROLES[bare.toLowerCase()] ?? bare.toLowerCase());
    titled = true;
    first = k + 1;
    // "Director General Lena Holm": a title may run on in words that are no name.
    while (first < to - 1 && !isGivenName(tokens[first].text) && (isAdjectiveWord(tokens[first].text) || isHonorific(tokens[first].text))) first++;
    break;
  }
  // Without a title, sentence-starting words and words of the language go: "The", "Rival Hillary Clinton".
  while (!titled && first < to && (isSentenceWord(tokens[first].text) || isCalendarWord(tokens[first].text) || isLeadingWord(tokens[first].text, first < to - 2))) first++;
  // "Engineer Samuel Okafor": a word of the language right before a given name is no part of the name.
  if (!titled && first < to - 2 && isDictionaryWord(tokens[first].text) && !isGivenName(tokens[first].text) && isGivenName(tokens[first + 1].text)) first++;
  if (first >= to) return null;
  // "Miss Universe Alicia Machado", "Libertarian Gary Johnson": a given name further on starts the name.
  if (!isGivenName(tokens[first].text)) {
    for (let k = first + 1; k < to - 1; k++) {
      if (isGivenName(tokens[k].text) && !isDictionaryWord(tokens[k].text)) {
        first = k;
        break;
      }
    }
  }
  let last = to;
  while (last > first && NAME_SUFFIXES.test(tokens[last - 1].text) && last - 1 === first) last--;
  const words = tokens.slice(first, last).map((t) => t.text);
  if (words.some((w) => INSTITUTION_WORDS.test(w.replace(/[’']s$/, '')))) return null;
  if (words.length > 4 || words.every((w) => isPlaceWord(w) || isCalendarWord(w.replace(/[’']s$/, '')))) return null;
  // A possessive ends the name: "Trump's" is Trump.
  const lastToken = tokens[last - 1];
  const possessive = /[’']s$/.test(lastToken.text);
  words[words.length - 1] = words[words.length - 1].replace(/[’']s$/, '').replace(/(?<=\p{Ll}{2})\.$/u, '');
  if (!words[words.length - 1]) return null;
  const start = tokens[first].start;
  const end = start + paragraph.slice(start, lastToken.end).lastIndexOf(words[words.length - 1]) + words[words.length - 1].length;
  const name = words.map(properCase).join(' ');
  const surnameWord = [...words].reverse().find((w) => !NAME_SUFFIXES.test(w) && !/^(?:\p{Lu}\.)+$/u.test(w)) ?? words[words.length - 1];
  const given = words.length > 1 ? words[0] : null;
  const givenKnown = given !== null && isGivenName(given);
  gender ??= given ? givenNameGender(given) : null;
  const roleBefore = lowerCaseRoleBefore(paragraph, tokens[from].start);
  if (roleBefore) roles.push(roleBefore);
  const apposition = possessive ? null : appositionAfter(paragraph, end);
  if (apposition?.role) roles.push(apposition.role);
  if (words.length === 1 && words[0].length < 2) return null;
  // "North Korea said", "France", "Springfield": a place is no person, unless a given name says otherwise.
  if (!givenKnown && (isPlaceWord(surnameWord) || /\d/.test(surnameWord))) return null;
  // A lone "Melanie" is a person by her given name; a lone "Trump" only if the article names him in full.
  const loneGivenName = words.length === 1 && isGivenName(words[0]) && !isDictionaryWord(words[0]);
  const vouched = titled || givenKnown || loneGivenName || roleBefore !== null || (words.length > 1 && speaksAfter(paragraph, end));
  return {
    start,
    end,
    name,
    surname: properCase(surnameWord),
    surnameKey: nameKey(surnameWord),
    givenKey: nameKey(words[0]),
    wordCount: words.length,
    gender,
    roles,
    ...(apposition?.age !== undefined ? { age: apposition.age } : {}),
    bare: !vouched,
    group: words.length === 1 && !titled && /\p{Ll}s$/u.test(words[0]),
  };
}

/**
 * "President", "Chairwoman", "Senator" before a name. Names are capitalised too, so a word the lexicon does not
 * list as a role counts only before a given name ("Senator Bernie Sanders"), which keeps compromise's tagger
 * off the thousands of surnames that end like roles ("Fowler", "Carter").
 */
function isTitleWord(word: string, next: string): boolean {
  if (/[’']s$/.test(word) || isGivenName(word)) return false;
  return isListedRoleNoun(word) || (isGivenName(next) && isRoleNoun(word));
}

/** A word of the language before a name ("Rival Hillary Clinton"), when a name of two words or more follows: "Frank Nervo" keeps Frank. */
function isLeadingWord(word: string, more: boolean): boolean {
  // Only adjectives go: nouns and verbs are given names too ("Bill", "Hope", "Rush").
  return more && !/[’']s$/.test(word) && isAdjectiveWord(word) && !isGivenName(word);
}

/** What a title honorific makes of the person: "Sen." a senator. */
const HONORIFIC_ROLES: Record<string, string> = { sen: 'senator', rep: 'representative', gov: 'governor', gen: 'general', adm: 'admiral', capt: 'captain', lt: 'lieutenant', col: 'colonel', prof: 'professor', dr: 'doctor', rev: 'reverend', sgt: 'sergeant', maj: 'major' };

/** "O’Neill" and "O'Neill", "PENCE" and "Pence" are one key. */
export function nameKey(word: string): string {
  return word.toLowerCase().replace(/’/g, "'");
}

/** "Democrats", "Republicans": the plural of a role names a group, not a person. */
export function isGroupWord(word: string): boolean {
  return /\p{Ll}s$/u.test(word) && isPluralNoun(word);
}

/** Transcript labels are in capitals: "PENCE" → "Pence"; "McCAIN" stays readable. */
function properCase(word: string): string {
  if (word.length > 2 && word === word.toUpperCase() && /\p{Lu}{2}/u.test(word)) return word[0] + word.slice(1).toLowerCase();
  return word;
}

/** "campaign manager Kellyanne Conway", "spokeswoman Hope Hicks": lower-case role words right before the name. */
function lowerCaseRoleBefore(paragraph: string, start: number): string | null {
  const head = lowerCaseWordBefore(paragraph, start);
  if (!head || !isRoleNoun(head.word) || NOT_ROLES.has(head.word)) return null;
  const modifier = lowerCaseWordBefore(paragraph, head.start);
  return modifier && isCompoundRole(modifier.word) ? `${modifier.word} ${head.word}` : head.word;
}

/** The lower-case word that ends right before `end` (after one space), if any: a backward scan, no regex. */
function lowerCaseWordBefore(paragraph: string, end: number): { word: string; start: number } | null {
  if (end < 2 || paragraph[end - 1] !== ' ') return null;
  let start = end - 1;
  while (start > 0 && /[\p{Ll}-]/u.test(paragraph[start - 1])) start--;
  if (start === end - 1 || (start > 0 && /[\p{L}\p{N}]/u.test(paragraph[start - 1]))) return null;
  return { word: paragraph.slice(start, end - 1), start };
}

/** Actor nouns that are not roles a person is introduced with. */
const NOT_ROLES = new Set(['company', 'agency', 'group', 'person', 'people', 'man', 'woman', 'friend', 'citizen', 'fella', 'human']);
function isCompoundRole(modifier: string): boolean {
  return /^(?:campaign|press|deputy|vice|chief|senior|former|national|foreign|defense|defence|finance|communications|policy|security|prime|state|executive|managing|general)$/.test(modifier);
}

/** ", a prominent New York Democrat," ", Trump's campaign manager," ", 82,": what the apposition says. */
function appositionAfter(paragraph: string, end: number): { role?: string; age?: number } | null {
  const rest = paragraph.slice(end, end + 160);
  const age = /^,\s*(\d{1,3}),/.exec(rest);
  if (age) return { age: Number(age[1]) };
  const apposition = /^(?:\s*\([^)]{1,20}\))?,\s+((?:a|an|the|[\p{Lu}][\p{L}.'’-]*[’']s)\s+[^,;:()"“”]{1,80}?)\s*(?:,|\.|;|$)/u.exec(rest);
  if (!apposition) return null;
  const phrase = apposition[1].split(/\s+(?:of|at|for|in|from|who|with|and)\s+/)[0];
  const words = phrase.split(/\s+/);
  const head = words[words.length - 1].replace(/[^\p{L}-]/gu, '');
  if (!head || !isRoleNoun(head) || NOT_ROLES.has(head.toLowerCase())) return null;
  const modifier = words.length > 2 ? words[words.length - 2].toLowerCase() : '';
  return { role: isCompoundRole(modifier) ? `${modifier} ${head.toLowerCase()}` : head.toLowerCase() };
}

/** `Name said`, `Name also told`, `Name, a senator, said`: a speech verb follows the name. */
function speaksAfter(paragraph: string, end: number): boolean {
  let rest = paragraph.slice(end, end + 120);
  const apposition = /^,[^,.;:!?]{1,80},/.exec(rest);
  if (apposition) rest = rest.slice(apposition[0].length);
  const words = rest.split(/[^\p{L}]+/u).filter(Boolean).slice(0, 2);
  return words.some((w) => /^\p{Ll}/u.test(w) && isCueWord(w));
}
