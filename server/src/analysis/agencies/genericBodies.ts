/**
 * Institutions every country names the same way: "the Supreme Court", "Parliament", "the Foreign Ministry".
 * Written without a country, such a name is the body of the country the story is about (see storyCountry.ts).
 */
import { StringMemo } from '../memo';
import { countryAdjective, countryOfName } from './storyCountry';

interface GenericBody {
  /** A body of this name exists in (nearly) every country: "French Foreign Ministry" may be named without the lexicon. */
  everywhere: boolean;
  /** Countries that have no body of this name ("Parliament" in the United States, which has Congress). */
  notIn?: readonly string[];
}

const EVERYWHERE: GenericBody = { everywhere: true };
const LEXICON_ONLY: GenericBody = { everywhere: false };

const BODIES = new Map<string, GenericBody>();
for (const name of [
  'supreme court', 'constitutional court', 'high court', 'court of appeal', 'court of appeals', 'foreign ministry', 'interior ministry',
  'finance ministry', 'defence ministry', 'defense ministry', 'justice ministry', 'health ministry', 'economy ministry',
  'education ministry', 'ministry of foreign affairs', 'ministry of defence', 'ministry of defense', 'ministry of finance',
  'ministry of the interior', 'ministry of interior', 'ministry of justice', 'ministry of health', 'central bank', 'government',
  'cabinet', 'treasury', 'finance department', 'election commission', 'electoral commission', 'national police', 'army', 'navy', 'air force',
]) {
  BODIES.set(name, EVERYWHERE);
}
BODIES.set('parliament', { everywhere: true, notIn: ['United States'] });
BODIES.set('national assembly', { everywhere: true, notIn: ['United States', 'United Kingdom'] });
for (const name of ['congress', 'senate', 'house of representatives', 'house of commons', 'house of lords', 'home office', 'foreign office', 'treasury department', 'department of the treasury']) {
  BODIES.set(name, LEXICON_ONLY);
}

/** The generic body a mention's text names, lower-cased without "the" ("the Supreme Court" → "supreme court"), if any. */
export function genericBodyKey(text: string): string | undefined {
  // Most mentions are proper names far from any generic body: skip the normalisation for them.
  if (text.length > 40) return undefined;
  return keys.get(text) ?? undefined;
}

const keys = new StringMemo<string | null>((text) => {
  const normal = text.replace(/\s+/g, ' ').replace(/^the /i, '').toLowerCase();
  return BODIES.has(normal) ? normal : null;
});

/** Whether a mention's name points at one country by itself ("Roscosmos", "Congress"), unlike "the Supreme Court". */
export function pointsAtItsCountry(text: string): boolean {
  const key = genericBodyKey(text);
  return key === undefined || !BODIES.get(key)!.everywhere;
}

/** Whether the story's country may have a body of this name that the lexicon does not list. */
export function mayNameWithoutLexicon(key: string, country: string): boolean {
  const body = BODIES.get(key);
  return body !== undefined && body.everywhere && !(body.notIn ?? []).includes(country) && countryAdjective(country) !== undefined;
}

/** "Russian Foreign Ministry", "Central Bank of Russia", "UK Supreme Court" → "foreign ministry", "central bank", "supreme court" when the country is the entry's. */
export function genericBodyOfName(name: string, country: string): string | undefined {
  const words = name.replace(/\s+/g, ' ').split(' ');
  for (let n = 1; n <= 2 && n < words.length; n++) {
    if (countryOfName(words.slice(0, n).join(' ')) === country) {
      const key = genericBodyKey(words.slice(n).join(' '));
      if (key) return key;
    }
  }
  const of = / of (?:the )?(.+)$/.exec(name);
  if (of && countryOfName(of[1]) === country) return genericBodyKey(name.slice(0, of.index));
  return genericBodyKey(name);
}

/** "French" + "Foreign Ministry": the name of a generic body of a country the lexicon does not list. */
export function countryBodyName(country: string, text: string): string {
  const body = text.replace(/\s+/g, ' ').replace(/^the /i, '');
  return `${countryAdjective(country)} ${body}`;
}
