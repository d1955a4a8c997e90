/**
 * The curated agency lexicon (lexicon/agencies.json) plus the user's custom agencies, compiled once into
 * a token trie, so matching a paragraph costs one walk over its tokens however large the lexicon is.
 */
import type { AgencyCategory, CustomAgency } from '../annotation';
import lexiconData from './lexicon/agencies.json';
import { genericBodyOfName } from './genericBodies';
import { capsKey, isAllCaps, joinsName, tokenize, type NameToken } from '../text/nameTokens';

/** One entry of lexicon/agencies.json. */
export interface LexiconEntry {
  /** The canonical name shown for every mention. */
  name: string;
  category: AgencyCategory;
  acronym?: string;
  country?: string;
  /** Other names: other languages, former names, short forms, further acronyms, real social-media handles ("@NASA"). */
  aliases?: string[];
  /** A club named after its town or county ("Essex"): matched only where the paragraph talks sport. */
  sportsOnly?: boolean;
  /** A platform people post on ("on Twitter"): an actor only when it acts, not when it is the medium. */
  platform?: boolean;
}

export interface KnownAgency {
  canonical: string;
  category: AgencyCategory;
  acronym?: string;
  country?: string;
  source: 'lexicon' | 'custom';
  sportsOnly: boolean;
  platform: boolean;
}

interface TrieNode {
  children: Map<string, TrieNode>;
  agency?: KnownAgency;
}

export interface LexiconMatch {
  agency: KnownAgency;
  /** Token index range [first, last]. */
  first: number;
  last: number;
}

function newNode(): TrieNode {
  return { children: new Map() };
}

export class AgencyIndex {
  private readonly exact = newNode();
  /** Upper-cased names, for all-caps headlines ("LEICESTERSHIRE TAKE OVER"). */
  private readonly caps = newNode();
  /** Lower-cased handles without "@": handles are case-insensitive. */
  private readonly handles = new Map<string, KnownAgency>();
  /** Names with ordinary lower-case words ("Committee to Protect Journalists"): matched as phrases, not via the trie. */
  private readonly phraseForms = new Map<string, KnownAgency>();
  /** Phrase patterns by their (lower-cased) first word, built on first use. */
  private phraseStarts: Map<string, Array<{ pattern: RegExp; agency: KnownAgency }>> | undefined;
  /** Every name and acronym, lower-cased: an unlisted handle often spells one ("@nasa", "@DLR_de"). */
  private readonly byName = new Map<string, KnownAgency>();
  /** Every other name of each canonical agency, for hovers. */
  private readonly otherNames = new Map<string, string[]>();
  /** Generic bodies by country: "supreme court" → United Kingdom → UK Supreme Court. */
  private readonly bodies = new Map<string, Map<string, KnownAgency>>();
  /** Media and news agencies by lower-cased name, for a publication line ("source: The Guardian"). */
  private readonly publications = new Map<string, KnownAgency>();

  constructor(entries: readonly LexiconEntry[], custom: readonly CustomAgency[]) {
    for (const entry of entries) this.add(toKnown(entry, 'lexicon'), entry.name, entry.acronym, entry.aliases);
    // Custom agencies last: the user's definition of a name wins over the lexicon's.
    for (const c of custom) {
      const known: KnownAgency = {
        canonical: c.name,
        category: c.category ?? 'organisation',
        acronym: c.acronym,
        country: c.country,
        source: 'custom',
        sportsOnly: false,
        platform: false,
      };
      this.add(known, c.name, c.acronym, c.aliases);
    }
  }

  /** The agency a country calls by a generic name ("supreme court" in the United Kingdom), if the lexicon or the user lists it. */
  countryBody(key: string, country: string): KnownAgency | undefined {
    return this.bodies.get(key)?.get(country);
  }

  /** The country of a publication named in full ("The Guardian", "Le Monde"), if known. */
  publicationCountry(name: string): string | undefined {
    return this.publications.get(name.toLowerCase().replace(/\s+/g, ' '))?.country;
  }

  /** The other names, acronyms and handles the lexicon and the user know for an agency. */
  aliasesOf(canonical: string): readonly string[] {
    return this.otherNames.get(canonical) ?? [];
  }

  private add(agency: KnownAgency, name: string, acronym: string | undefined, aliases: readonly string[] = []): void {
    const others = this.otherNames.get(agency.canonical) ?? [];
    for (const form of [name, ...aliases]) if (form !== agency.canonical && form !== acronym && !others.includes(form)) others.push(form);
    this.otherNames.set(agency.canonical, others);
    for (const form of [name, ...aliases]) {
      if (agency.country) {
        const body = genericBodyOfName(form, agency.country);
        if (body) {
          const byCountry = this.bodies.get(body) ?? new Map<string, KnownAgency>();
          if (!byCountry.has(agency.country) || agency.source === 'custom') byCountry.set(agency.country, agency);
          this.bodies.set(body, byCountry);
        }
        if (agency.category === 'media' || agency.category === 'news agency') this.publications.set(form.toLowerCase(), agency);
      }
    }
    for (const form of [name, ...(acronym ? [acronym] : []), ...aliases]) {
      if (form.startsWith('@')) {
        this.handles.set(form.slice(1).toLowerCase(), agency);
        continue;
      }
      const tokens = tokenize(form);
      // Text tokens skip ordinary lower-case words, so a form containing one ("Russian central bank") can never match.
      if (tokens.length === 0) continue;
      if (/\p{L}/u.test(withoutTokens(form, tokens))) {
        this.phraseForms.set(form.toLowerCase().replace(/\s+/g, ' '), agency);
        continue;
      }
      const words = tokens.map((t) => t.text);
      insert(this.exact, words, agency);
      // An acronym written in capitals is already its caps form; "Fed" → "FED" only in headlines.
      if (!words.every(isAllCaps)) insert(this.caps, capsKey(words).split(' '), agency);
      this.byName.set(words.join(' ').toLowerCase(), agency);
    }
  }

  /** Lexicon names containing lower-case words, as spans of the paragraph; tried only where a token starts one. */
  findPhrases(paragraph: string, tokens: readonly NameToken[]): Array<{ start: number; end: number; agency: KnownAgency }> {
    const found: Array<{ start: number; end: number; agency: KnownAgency }> = [];
    if (this.phraseForms.size === 0) return found;
    if (!this.phraseStarts) {
      this.phraseStarts = new Map();
      for (const [form, agency] of this.phraseForms) {
        const firstWord = form.split(' ')[0];
        const pattern = new RegExp(`${escapeRegex(form).replace(/ /g, '\\s+')}(?![\\p{L}\\p{N}])`, 'iuy');
        const list = this.phraseStarts.get(firstWord) ?? [];
        list.push({ pattern, agency });
        this.phraseStarts.set(firstWord, list);
      }
    }
    for (let i = 0; i < tokens.length; i++) {
      const candidates = this.phraseStarts.get(tokens[i].text.toLowerCase());
      if (!candidates) continue;
      for (const { pattern, agency } of candidates) {
        pattern.lastIndex = tokens[i].start;
        const m = pattern.exec(paragraph);
        if (m) {
          found.push({ start: tokens[i].start, end: tokens[i].start + m[0].length, agency });
          break;
        }
      }
    }
    return found;
  }

  /** The longest name starting at token i, or undefined. */
  longestMatch(text: string, tokens: readonly NameToken[], i: number): LexiconMatch | undefined {
    const token = tokens[i];
    if (token.text.startsWith('@')) return this.matchHandle(token.text.slice(1), i);
    let best = this.walk(this.exact, text, tokens, i, false);
    if (isAllCaps(token.text)) {
      const caps = this.walk(this.caps, text, tokens, i, true);
      if (caps && (!best || caps.last > best.last)) best = caps;
    }
    return best;
  }

  /** "@DLR_en": a known handle, or a known acronym/name before an underscore (a regional account of the agency). */
  private matchHandle(handle: string, i: number): LexiconMatch | undefined {
    const lower = handle.toLowerCase();
    const agency = this.handles.get(lower) ?? this.byName.get(lower) ?? this.byName.get(lower.split('_')[0]);
    if (!agency || agency.sportsOnly) return undefined;
    return { agency, first: i, last: i };
  }

  private walk(root: TrieNode, text: string, tokens: readonly NameToken[], i: number, capsOnly: boolean): LexiconMatch | undefined {
    let node: TrieNode | undefined = root;
    let best: LexiconMatch | undefined;
    for (let j = i; j < tokens.length; j++) {
      if (j > i && !continuesName(text, tokens, j)) break;
      const word = trieWord(tokens[j].text);
      if (capsOnly && !isAllCaps(word) && !/^'S$/i.test(word) && word !== '&') break;
      node = node.children.get(capsOnly ? word.toUpperCase() : word);
      if (!node) break;
      if (node.agency) best = { agency: node.agency, first: i, last: j };
    }
    return best;
  }
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function withoutTokens(form: string, tokens: readonly NameToken[]): string {
  let rest = '';
  let at = 0;
  for (const t of tokens) {
    rest += form.slice(at, t.start);
    at = t.end;
  }
  return rest + form.slice(at);
}

/** The curly and the straight possessive are one key: "Moody’s" in the text is the lexicon's "Moody's". */
function trieWord(word: string): string {
  return word === '’s' ? "'s" : word === '’S' ? "'S" : word;
}

/** Abbreviations written with a period inside names: "Paris St. Germain", "Mt. Sinai Hospital", "Salomon Bros. Inc". */
const DOTTED_NAME_WORD = /^(?:St|Ste|Mt|Ft|Bros|Intl|Natl)$/;

/**
 * Whether token j continues the name that token j-1 is part of: joined by a space or a hyphen, or a
 * possessive written against its word ("Moody's", "McDonald's", "People's"), or after an abbreviation's
 * period ("St. Germain").
 */
export function continuesName(text: string, tokens: readonly NameToken[], j: number): boolean {
  const gap = text.slice(tokens[j - 1].end, tokens[j].start);
  if (joinsName(gap)) return true;
  if (gap === '') return /^['’][sS]$/.test(tokens[j].text);
  return (gap === '. ' || gap === '.') && DOTTED_NAME_WORD.test(tokens[j - 1].text);
}

function insert(root: TrieNode, words: readonly string[], agency: KnownAgency): void {
  let node = root;
  for (const raw of words) {
    const word = trieWord(raw);
    let next = node.children.get(word);
    if (!next) node.children.set(word, (next = newNode()));
    node = next;
  }
  // The first entry to claim a name keeps it within one source; custom entries are added last and override.
  if (!node.agency || agency.source === 'custom') node.agency = agency;
}

function toKnown(entry: LexiconEntry, source: 'lexicon'): KnownAgency {
  return {
    canonical: entry.name,
    category: entry.category,
    acronym: entry.acronym,
    country: entry.country,
    source,
    sportsOnly: entry.sportsOnly ?? false,
    platform: entry.platform ?? false,
  };
}

export const LEXICON: readonly LexiconEntry[] = lexiconData as LexiconEntry[];
