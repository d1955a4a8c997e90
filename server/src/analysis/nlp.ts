/**
 * The only module that imports compromise. The analysis uses its lexicon as a word list (given names,
 * surnames, ordinary words): running its tagger over the text cost about 3 s per MB and gained no F1
 * on the agency corpora (see README, Quality). Nothing passes a lexicon per call, because that mutates
 * compromise's global state; it is loaded lazily so that the server starts without paying for it.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type nlpType from 'compromise';
import { StringMemo } from './memo';

type Nlp = typeof nlpType;
let loaded: Nlp | undefined;

/** Written by the build next to the bundles: compromise's own lexicon and irregular past forms, nothing added. */
export const LEXICON_SNAPSHOT_FILE = 'compromiseLexicon.json';
/**
 * Also written by the build: the words compromise's lexicon tags PastTense, and its irregular past forms. The
 * first screen reads the tense around dates before anything else needs the lexicon, and this file is a tenth
 * of the size.
 */
export const PAST_TENSE_SNAPSHOT_FILE = 'compromisePastTense.json';

export interface LexiconSnapshot {
  lexicon: Record<string, string | string[]>;
  fromPast: Record<string, string>;
}

export interface PastTenseSnapshot {
  pastTense: string[];
  fromPast: Record<string, string>;
}

/**
 * A snapshot when this code runs from the bundles (dist/), else null and compromise itself is asked.
 * Starting compromise (unpacking and expanding its lexicon) costs ~150 ms of a cold start; parsing the
 * same lexicon as JSON costs ~10 ms. The server bundle (for the first screen) and the analysis bundle each
 * hold a copy of this module: they share each parsed snapshot through the process's global object.
 */
function snapshotFile<T>(file: string): T | null {
  const holder = globalThis as Record<symbol, unknown>;
  const key = Symbol.for(`newsAnnotator.${file}`);
  if (holder[key] === undefined) {
    try {
      holder[key] = JSON.parse(readFileSync(path.join(__dirname, file), 'utf8')) as T;
    } catch {
      holder[key] = null;
    }
  }
  return holder[key] as T | null;
}

export function compromise(): Nlp {
  if (!loaded) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = require('compromise') as Nlp;
  }
  return loaded;
}

const FIRST_NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'Person']);

/**
 * Whether compromise's lexicon lists a word as a given name ("Greg", "Dmitry"): a dictionary lookup, no
 * tagging pass, so it is cheap enough to ask for every capitalised phrase.
 */
export function isGivenName(word: string): boolean {
  return hasLexiconTag(word, FIRST_NAME_TAGS);
}

const SURNAME_TAGS = new Set(['LastName', 'Person']);

/** Whether compromise's lexicon lists a word as a surname or a well-known person ("Clinton", "Johnson"). */
export function isKnownSurname(word: string): boolean {
  return hasLexiconTag(word, SURNAME_TAGS);
}

const NAME_TAGS = new Set(['Organization', 'ProperNoun', 'Acronym', 'Place', 'Country', 'City', 'Region', 'Person', 'FirstName', 'MaleName', 'FemaleName', 'LastName']);

/** Whether compromise's lexicon knows a word as an ordinary word ("unless", "caps"), not as a name or acronym. */
export function isDictionaryWord(word: string): boolean {
  const tags = lexicon()[word.toLowerCase()];
  if (!tags) return false;
  return Array.isArray(tags) ? !tags.some((t) => NAME_TAGS.has(t)) : !NAME_TAGS.has(tags);
}

/** Whether compromise's lexicon knows a word as an adjective ("rival", "republican"), which cannot name an agency alone. */
export function isAdjectiveWord(word: string): boolean {
  const tags = lexicon()[word.toLowerCase()];
  if (!tags) return false;
  return Array.isArray(tags) ? tags.includes('Adjective') : tags === 'Adjective' || tags === 'Comparable';
}

/** Whether compromise's lexicon knows a word as a comparative or superlative ("later", "earlier"): a sentence opener, never a given name. */
export function isComparisonWord(word: string): boolean {
  return hasLexiconTag(word, COMPARISON_TAGS);
}
const COMPARISON_TAGS = new Set(['Comparative', 'Superlative']);

let lexiconInUse: Record<string, string | string[]> | undefined;
function lexicon(): Record<string, string | string[]> {
  lexiconInUse ??= snapshotFile<LexiconSnapshot>(LEXICON_SNAPSHOT_FILE)?.lexicon ?? (compromise().model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
  return lexiconInUse;
}

function hasLexiconTag(word: string, wanted: ReadonlySet<string>): boolean {
  const tags = lexicon()[word.toLowerCase()];
  if (!tags) return false;
  return Array.isArray(tags) ? tags.some((t) => wanted.has(t)) : wanted.has(tags);
}

export type Gender = 'male' | 'female';

/** The gender compromise's lexicon gives a given name ("Hillary" female, "Donald" male), if it gives one. */
export function givenNameGender(word: string): Gender | null {
  const tags = lexicon()[word.toLowerCase()];
  if (!tags) return null;
  const list = Array.isArray(tags) ? tags : [tags];
  const male = list.includes('MaleName');
  const female = list.includes('FemaleName');
  return male === female ? null : male ? 'male' : 'female';
}

/** Whether compromise lists a word as an honorific written before a name ("Mr", "Sen", "Gov", "Dr"). */
export function isHonorific(word: string): boolean {
  return hasLexiconTag(word.replace(/\.$/, ''), HONORIFIC_TAGS);
}
const HONORIFIC_TAGS = new Set(['Honorific']);

/** Whether compromise's lexicon places a word on the map ("Ohio", "Paris", "Russia"). */
export function isPlaceWord(word: string): boolean {
  return hasLexiconTag(word, PLACE_TAGS);
}
const PLACE_TAGS = new Set(['Place', 'Country', 'City', 'Region', 'Demonym']);

/** Whether compromise knows a word as a month or a weekday ("March", "Friday"): capitalised, but never a person. */
export function isCalendarWord(word: string): boolean {
  return hasLexiconTag(word, CALENDAR_TAGS);
}
const CALENDAR_TAGS = new Set(['Month', 'WeekDay', 'Holiday']);

/** Endings of role nouns the lexicon does not list ("senator", "spokeswoman", "nominee", "strategist"). */
const ROLE_SUFFIX = /(?:man|woman|person|or|er|ist|ee|ian|ican|crat|ent|ant|ief|ive)$/;

/**
 * Whether a noun names a person by role ("senator", "spokeswoman", "president"): compromise's lexicon lists
 * about a thousand (`Actor`); the rest are recognised by their ending, as compromise's own suffix rules do, when
 * the lexicon knows the word as nothing else. (Tagging a frame like "the X said" calls every subject an Actor,
 * "department" included, so it is no test.)
 */
export function isRoleNoun(word: string): boolean {
  const listed = lexicon()[word.toLowerCase()];
  if (listed === undefined) return ROLE_SUFFIX.test(word.toLowerCase());
  const tags = Array.isArray(listed) ? listed : [listed];
  return tags.includes('Actor') || (tags.every((t) => t === 'Adjective' || t === 'Comparable') && ROLE_SUFFIX.test(word.toLowerCase()));
}

/**
 * Whether compromise's lexicon lists a word as a function word of the language ("The", "But", "His", "When",
 * "Also"): capitalised at a sentence start, never a name.
 */
export function isFunctionWord(word: string): boolean {
  return hasLexiconTag(word, FUNCTION_TAGS);
}
const FUNCTION_TAGS = new Set(['Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'Possessive', 'QuestionWord', 'Adverb', 'Negative', 'Expression']);

/** Whether compromise's lexicon itself lists a word as a role ("president", "secretary"). */
export function isListedRoleNoun(word: string): boolean {
  return hasLexiconTag(word, ACTOR_TAGS);
}
const ACTOR_TAGS = new Set(['Actor']);

/** Whether a word is the plural of a noun: listed so ("officials"), or a role with an s ("Democrats"). */
export function isPluralNoun(word: string): boolean {
  return hasLexiconTag(word, PLURAL_TAGS) || (/s$/.test(word) && isRoleNoun(word.slice(0, -1)));
}
const PLURAL_TAGS = new Set(['Plural']);

/**
 * How a word reads as a past-tense verb, from compromise's lexicon and its table of irregular verbs:
 * 'past' for a form that is only past ("sent", "was", "began", "rose"), 'same-as-present' for an irregular
 * verb whose past is spelt like its present ("set", "put", "cut"), else null. Regular "-ed" forms are left
 * to the caller, as compromise itself guesses them by suffix. A lookup, no tagging pass.
 */
export function pastTenseReading(word: string): 'past' | 'same-as-present' | null {
  return pastReadings.get(word.toLowerCase());
}

const MAX_CACHED_WORDS = 20000;
const pastReadings = new StringMemo<'past' | 'same-as-present' | null>((lower) => {
  const { pastTense, fromPast } = pastTenseTables();
  const infinitive = fromPast[lower];
  if (infinitive === lower) return 'same-as-present';
  return infinitive || pastTense.has(lower) ? 'past' : null;
}, MAX_CACHED_WORDS);

let pastTables: { pastTense: ReadonlySet<string>; fromPast: Record<string, string> } | undefined;
/** The words tagged PastTense, and the irregular past forms, past → infinitive ("rose" → "rise", "set" → "set"). */
function pastTenseTables(): { pastTense: ReadonlySet<string>; fromPast: Record<string, string> } {
  if (!pastTables) {
    const snapshot = snapshotFile<PastTenseSnapshot>(PAST_TENSE_SNAPSHOT_FILE) ?? pastTenseSnapshotOf(compromise());
    pastTables = { pastTense: new Set(snapshot.pastTense), fromPast: snapshot.fromPast };
  }
  return pastTables;
}

/** What the build writes to PAST_TENSE_SNAPSHOT_FILE, from compromise's own tables. */
export function pastTenseSnapshotOf(nlp: Nlp): PastTenseSnapshot {
  const model = nlp.model() as { one: { lexicon: Record<string, string | string[]> }; two?: { models?: { fromPast?: { ex?: Record<string, string> } } } };
  const pastTense = Object.keys(model.one.lexicon).filter((word) => {
    const tags = model.one.lexicon[word];
    return Array.isArray(tags) ? tags.includes('PastTense') : tags === 'PastTense';
  });
  return { pastTense, fromPast: model.two?.models?.fromPast?.ex ?? {} };
}
