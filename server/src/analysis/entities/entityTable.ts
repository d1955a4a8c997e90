/**
 * Who is who in the article: every person and agency with all its mentions. The one place that answers
 * "who is this mention?". People are grouped by name: a full name starts an entity, and "Clinton",
 * "Mrs. Clinton" or "Hillary" join the entity whose surname (or given name) they carry, preferring the
 * one named last before them. Agencies are grouped by the canonical name their tagger gave them.
 */
import type { AgencyAnnotation, Entity, EntityMention, QuoteAnnotation } from '../annotation';
import { isDictionaryWord, type Gender } from '../nlp';
import { isGroupWord, type PersonMention } from './personMentions';
import { firstStartingAtOrAfter } from '../text/sortedSpans';

const NOBODY: readonly Person[] = [];

/** A person while the table is built: the entity and the keys people are looked up by. */
interface Person {
  entity: Entity;
  surnameKey: string;
  /** Null for a person known by surname alone ("Mr. King"): any given name may turn out to be theirs. */
  givenKey: string | null;
  nameWords: number;
}

/** The person mentions of one paragraph, at offsets relative to it: the paragraph memo's own objects, uncopied. */
export interface ParagraphPersons {
  offset: number;
  persons: readonly PersonMention[];
}

export class EntityTable {
  readonly entities: Entity[] = [];
  /** People at least one mention of whom a title, a given name, a role or a speech verb vouches for. */
  private readonly vouched = new Set<number>();
  /** Every mention of every entity, sorted by start. */
  readonly mentions: EntityMention[];

  constructor(paragraphs: readonly ParagraphPersons[], agencies: readonly AgencyAnnotation[]) {
    // Both lists come in document order, and so do each entity's mentions: one merge, no sort.
    const personMentions = this.addPeople(paragraphs, agencies);
    const agencyMentions = this.addAgencies(agencies);
    this.mentions = mergeSorted(personMentions, agencyMentions);
  }

  /** The entity mentioned at exactly this span, or overlapping it. */
  mentionsWithin(start: number, end: number): EntityMention[] {
    const out: EntityMention[] = [];
    for (let i = firstStartingAtOrAfter(this.mentions, start - MAX_NAME_LENGTH); i < this.mentions.length && this.mentions[i].start < end; i++) {
      const m = this.mentions[i];
      if (m.end > start) out.push(m);
    }
    return out;
  }

  /** Pronouns and descriptions that the resolution found to stand for entities, in document order. */
  addMentions(added: readonly EntityMention[]): void {
    if (added.length === 0) return;
    (this as { mentions: EntityMention[] }).mentions = mergeSorted(this.mentions, added);
    const touched = new Set<Entity>();
    for (const mention of added) {
      const entity = this.entities[mention.entity];
      entity.mentions.push(mention);
      touched.add(entity);
    }
    for (const entity of touched) entity.mentions.sort((a, b) => a.start - b.start);
  }

  /**
   * The entities to publish, once speakers are resolved: a person only the capitalisation pattern found
   * ("International Space Station") and no quote is credited to is no person, so it leaves the table; the
   * quotes' `entity` indices are renumbered to match.
   */
  published(quotes: readonly QuoteAnnotation[]): Entity[] {
    const credited = new Set<number>();
    for (const quote of quotes) if (quote.entity !== undefined) credited.add(quote.entity);
    const keep = this.entities.filter((e) => e.kind !== 'person' || this.vouched.has(e.id) || credited.has(e.id));
    if (keep.length === this.entities.length) return this.entities;
    const renumbered = new Map<number, number>();
    keep.forEach((entity, index) => renumbered.set(entity.id, index));
    for (const quote of quotes) if (quote.entity !== undefined) quote.entity = renumbered.get(quote.entity);
    return keep.map((entity, index) => {
      entity.id = index;
      for (const mention of entity.mentions) mention.entity = index;
      return entity;
    });
  }

  /** The entity of this exact name, if any. */
  named(name: string): Entity | undefined {
    if (!this.byName) {
      this.byName = new Map();
      for (const entity of this.entities) if (!this.byName.has(entity.name)) this.byName.set(entity.name, entity);
    }
    return this.byName.get(name);
  }
  private byName: Map<string, Entity> | undefined;

  entity(id: number): Entity {
    return this.entities[id];
  }

  private addPeople(paragraphs: readonly ParagraphPersons[], agencies: readonly AgencyAnnotation[]): EntityMention[] {
    const mentions: EntityMention[] = [];
    const bySurname = new Map<string, Person[]>();
    const byGiven = new Map<string, Person[]>();
    const newPerson = (name: string, gender: Gender | null, surnameKey: string, givenKey: string | null, nameWords: number): Person => {
      const entity: Entity = { id: this.entities.length, kind: 'person', name, gender, roles: [], mentions: [] };
      this.entities.push(entity);
      const person: Person = { entity, surnameKey, givenKey, nameWords };
      push(bySurname, surnameKey, person);
      if (givenKey !== null) push(byGiven, givenKey, person);
      return person;
    };
    // Full names first, in document order: they define who the people are. A name seen before is settled.
    const seen = new Set<string>();
    for (const { persons } of paragraphs) {
      for (const mention of persons) {
        if (mention.wordCount < 2 || seen.has(mention.name)) continue;
        seen.add(mention.name);
        // Capitalised word pairs name things too ("Labor Day"): without a title or a given name, a name that
        // ends in a word of the language starts nobody ("Bill Clinton" does).
        if (!isFullName(mention) || (mention.bare && isDictionaryWord(mention.surname))) continue;
        const same = (bySurname.get(mention.surnameKey) ?? NOBODY).some(
          (p) => (sameGivenName(p.givenKey, mention.givenKey) || endsWithName(p.entity.name, mention.name)) && compatible(p.entity.gender, mention.gender),
        );
        if (!same) newPerson(mention.name, mention.gender, mention.surnameKey, mention.givenKey, mention.wordCount);
      }
    }
    // Then every mention joins its person: full names by name, the rest by surname or given name. A run the
    // agency tagger took ("Sierra Club", "Apple") is no person.
    let nextAgency = 0;
    const matching: Person[] = [];
    for (const { offset, persons } of paragraphs) {
      for (const mention of persons) {
        const start = offset + mention.start;
        const end = offset + mention.end;
        while (nextAgency < agencies.length && agencies[nextAgency].end <= start) nextAgency++;
        if (overlapsAgency(agencies, nextAgency, start, end)) continue;
        let candidates = bySurname.get(mention.surnameKey) ?? NOBODY;
        if (candidates.length === 0 && !isFullName(mention)) {
          const byFirst = byGiven.get(mention.surnameKey) ?? NOBODY;
          candidates = byFirst.length === 1 ? byFirst : NOBODY;
        }
        // Into one array reused for every mention: two filtered copies per mention were an eighth of a keystroke's garbage.
        matching.length = 0;
        for (const p of candidates) {
          if (isFullName(mention) && !sameGivenName(p.givenKey, mention.givenKey) && !endsWithName(p.entity.name, mention.name)) continue;
          if (compatible(p.entity.gender, mention.gender)) matching.push(p);
        }
        let person = pickNearest(matching, start);
        if (!person) {
          if (mention.bare || (mention.group && isGroupWord(mention.name))) continue;
          // "Mr. King" with no full name anywhere: the article knows this person by surname alone.
          person = newPerson(mention.name, null, mention.surnameKey, null, mention.wordCount);
        }
        const entity = person.entity;
        if (mention.wordCount > person.nameWords || (mention.wordCount === person.nameWords && mention.name.length > entity.name.length && !mention.bare)) {
          entity.name = mention.name;
          person.nameWords = mention.wordCount;
        }
        entity.gender ??= mention.gender;
        for (const role of mention.roles) if (!entity.roles.includes(role)) entity.roles.push(role);
        if (mention.age !== undefined) entity.age ??= mention.age;
        if (!mention.bare) this.vouched.add(entity.id);
        const placed: EntityMention = { start, end, entity: entity.id };
        entity.mentions.push(placed);
        mentions.push(placed);
      }
    }
    return mentions;
  }

  private addAgencies(agencies: readonly AgencyAnnotation[]): EntityMention[] {
    const mentions: EntityMention[] = [];
    const byCanonical = new Map<string, Entity>();
    const shortForms = shortFormsOf(new Set(agencies.map((a) => a.canonical)));
    for (const agency of agencies) {
      const name = shortForms.get(agency.canonical) ?? agency.canonical;
      let entity = byCanonical.get(name);
      if (!entity) {
        entity = { id: this.entities.length, kind: 'agency', name, gender: null, roles: [], mentions: [], category: agency.category };
        if (agency.country) entity.country = agency.country;
        this.entities.push(entity);
        byCanonical.set(name, entity);
      }
      const mention: EntityMention = { start: agency.start, end: agency.end, entity: entity.id };
      entity.mentions.push(mention);
      mentions.push(mention);
    }
    return mentions;
  }

  /** The entity an agency mention belongs to. */
  agencyEntity(agency: AgencyAnnotation): Entity | null {
    const mention = this.mentionsWithin(agency.start, agency.end).find((m) => m.start === agency.start && m.end === agency.end && this.entities[m.entity].kind === 'agency');
    return mention ? this.entities[mention.entity] : null;
  }
}

/**
 * "Times" after "The New York Times", "Commission" after "Commission on Presidential Debates": a name whose
 * words stand together inside exactly one longer name of the same article is a short form of it.
 */
function shortFormsOf(names: ReadonlySet<string>): Map<string, string> {
  // The same agencies come back on every keystroke: one computation per set of names.
  const cacheKey = [...names].join('\u0000');
  if (cacheKey === lastShortForms.key) return lastShortForms.value;
  const out = computeShortForms(names);
  lastShortForms = { key: cacheKey, value: out };
  return out;
}
let lastShortForms: { key: string; value: Map<string, string> } = { key: '', value: new Map() };

function computeShortForms(names: ReadonlySet<string>): Map<string, string> {
  const out = new Map<string, string>();
  if (names.size < 2) return out;
  const keys = new Map<string, string>();
  const byWord = new Map<string, string[]>();
  for (const name of names) {
    const key = ` ${name.toLowerCase().replace(/^the\s+/, '')} `;
    keys.set(name, key);
    for (const word of new Set(key.trim().split(' '))) push(byWord, word, name);
  }
  const contains = (outer: string, inner: string) => outer !== inner && outer.length > inner.length && keys.get(outer)!.includes(keys.get(inner)!);
  for (const [short, key] of keys) {
    if (key.trim().length < 3) continue;
    // Only names sharing the short name's last word can hold it.
    const longer = (byWord.get(key.trim().split(' ').pop()!) ?? []).filter((other) => contains(other, short));
    // "Times" inside "The Times" inside "The New York Times": the longest names are what the short ones stand for.
    const longest = longer.filter((name) => !longer.some((other) => contains(other, name)));
    if (longest.length === 1) out.set(short, longest[0]);
  }
  return out;
}

/** No name is longer than this: a mention overlapping a span starts at most this far before it. */
const MAX_NAME_LENGTH = 200;

/** "Guajardo Villarreal" is the end of "Ildefonso Guajardo Villarreal": a two-word surname, not a new person. */
function endsWithName(full: string, part: string): boolean {
  return full.length > part.length && full.endsWith(part) && full[full.length - part.length - 1] === ' ';
}

function isFullName(mention: PersonMention): boolean {
  return mention.wordCount > 1;
}

/** "Joe" and "Joseph", "J." and "John": the same person when the initials agree; "Bill" and "Hillary" are two. */
function sameGivenName(a: string | null, b: string): boolean {
  if (a === null) return true;
  if (a === b) return true;
  if (isInitial(a) || isInitial(b)) return a[0] === b[0];
  // Both at least three long: either starts with the other's first three letters exactly when those agree.
  return a.length > 2 && b.length > 2 && a.charCodeAt(0) === b.charCodeAt(0) && a.charCodeAt(1) === b.charCodeAt(1) && a.charCodeAt(2) === b.charCodeAt(2);
}

/** "J.": tested for every pair of people who share a surname, so the regex runs only on keys short enough to be one. */
function isInitial(key: string): boolean {
  return key.length <= 3 && key.endsWith('.') && /^\p{L}\.$/u.test(key);
}

function compatible(a: Gender | null, b: Gender | null): boolean {
  return a === null || b === null || a === b;
}

/**
 * Which of several people of one name a mention means: the one named just before it (same paragraph),
 * else the one the article names most so far, else the first named after it.
 */
function pickNearest(candidates: readonly Person[], offset: number): Person | null {
  if (candidates.length <= 1) return candidates[0] ?? null;
  let best: Person | null = null;
  let bestScore = -1;
  for (const c of candidates) {
    // Mentions join in document order, so an entity's last mention so far is its latest before `offset`.
    const latest = c.entity.mentions[c.entity.mentions.length - 1];
    if (!latest || latest.start >= offset) continue;
    const score = c.entity.mentions.length + (offset - latest.end < RECENT ? 1000 - (offset - latest.end) / RECENT : 0);
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best ?? candidates[0];
}
/** A person named this close before a surname is who the surname means, however often another was named. */
const RECENT = 250;

/** Whether an agency from index `from` on (sorted, none before it ends after `start`) overlaps the span. */
function overlapsAgency(agencies: readonly AgencyAnnotation[], from: number, start: number, end: number): boolean {
  for (let k = from; k < agencies.length && agencies[k].start < end; k++) if (agencies[k].end > start) return true;
  return false;
}

function mergeSorted(a: readonly EntityMention[], b: readonly EntityMention[]): EntityMention[] {
  const out: EntityMention[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = a[i].start <= b[j].start ? a[i++] : b[j++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
