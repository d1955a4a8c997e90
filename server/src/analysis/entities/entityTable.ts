/**
 * Who is who in the article: every person and agency with all its mentions. The one place that answers
 * "who is this mention?". People are grouped by name: a full name starts an entity, and "Clinton",
 * "Mrs. Clinton" or "Hillary" join the entity whose surname (or given name) they carry, preferring the
 * one named last before them. Agencies are grouped by the canonical name their tagger gave them.
 */
import type { AgencyAnnotation, Entity, EntityMention } from '../annotation';
import { isDictionaryWord, type Gender } from '../nlp';
import { isGroupWord, type PersonMention } from './personMentions';
import { firstStartingAtOrAfter } from '../text/sortedSpans';

/** Working form of an entity while the table is built: its people-specific keys besides the public fields. */
interface Building extends Entity {
  surnameKey: string;
  givenKey: string | null;
  nameWords: number;
}

export class EntityTable {
  readonly entities: Entity[] = [];
  /** Every mention of every entity, sorted by start. */
  readonly mentions: EntityMention[] = [];

  constructor(persons: readonly PersonMention[], agencies: readonly AgencyAnnotation[]) {
    const people = withoutAgencies(persons, agencies);
    this.addPeople(people);
    this.addAgencies(agencies);
    this.mentions.sort((a, b) => a.start - b.start || a.end - b.end);
    for (const entity of this.entities) entity.mentions.sort((a, b) => a.start - b.start);
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

  /** A pronoun or description that the resolution found to stand for an entity. */
  addMention(mention: EntityMention): void {
    insertSorted(this.mentions, mention);
    insertSorted(this.entities[mention.entity].mentions, mention);
  }

  entity(id: number): Entity {
    return this.entities[id];
  }

  /** People whose surname is this word (case-insensitive), in the order they were first named. */
  peopleNamed(word: string): Entity[] {
    const key = nameKey(word);
    return this.entities.filter((e) => e.kind === 'person' && (surnameKeyOf(e) === key || givenKeyOf(e) === key));
  }

  private addPeople(people: readonly PersonMention[]): void {
    const bySurname = new Map<string, Building[]>();
    const byGiven = new Map<string, Building[]>();
    // Full names first, in document order: they define who the people are.
    for (const person of people) {
      // Capitalised word pairs name things too ("Labor Day"): without a title or a given name, a name that
      // ends in a word of the language starts nobody ("Bill Clinton" does).
      if (!isFullName(person) || (person.bare && isDictionaryWord(person.surname))) continue;
      const surnameKey = nameKey(person.surname);
      const givenKey = nameKey(person.name.split(' ')[0]);
      const same = (bySurname.get(surnameKey) ?? []).find(
        (e) => (sameGivenName(e.givenKey, givenKey) || endsWithName(e.name, person.name)) && compatible(e.gender, person.gender),
      );
      if (same) continue;
      const entity: Building = {
        id: this.entities.length,
        kind: 'person',
        name: person.name,
        gender: person.gender,
        roles: [],
        mentions: [],
        surnameKey,
        givenKey,
        nameWords: person.name.split(' ').length,
      };
      this.entities.push(entity);
      push(bySurname, surnameKey, entity);
      push(byGiven, givenKey, entity);
    }
    // Then every mention joins its entity: full names by name, the rest by surname or given name.
    for (const person of people) {
      const surnameKey = nameKey(person.surname);
      let candidates = bySurname.get(surnameKey) ?? [];
      if (isFullName(person)) {
        const givenKey = nameKey(person.name.split(' ')[0]);
        candidates = candidates.filter((e) => sameGivenName(e.givenKey, givenKey) || endsWithName(e.name, person.name));
      } else if (candidates.length === 0) {
        const byFirst = byGiven.get(surnameKey) ?? [];
        candidates = byFirst.length === 1 ? byFirst : [];
      }
      candidates = candidates.filter((e) => compatible(e.gender, person.gender));
      let entity = pickNearest(candidates, person.start);
      if (!entity) {
        if (person.bare || (person.group && isGroupWord(person.name))) continue;
        // "Mr. King" with no full name anywhere: the article knows this person by surname alone.
        entity = {
          id: this.entities.length,
          kind: 'person',
          name: person.name,
          gender: null,
          roles: [],
          mentions: [],
          surnameKey,
          givenKey: null,
          nameWords: person.name.split(' ').length,
        };
        this.entities.push(entity);
        push(bySurname, surnameKey, entity);
      }
      const words = person.name.split(' ').length;
      if (words > entity.nameWords || (words === entity.nameWords && person.name.length > entity.name.length && !person.bare)) {
        entity.name = person.name;
        entity.nameWords = words;
      }
      entity.gender ??= person.gender;
      for (const role of person.roles) if (!entity.roles.includes(role)) entity.roles.push(role);
      if (person.age !== undefined) entity.age ??= person.age;
      const mention: EntityMention = { start: person.start, end: person.end, entity: entity.id };
      entity.mentions.push(mention);
      this.mentions.push(mention);
    }
  }

  private addAgencies(agencies: readonly AgencyAnnotation[]): void {
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
      this.mentions.push(mention);
    }
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
  const out = new Map<string, string>();
  if (names.size < 2) return out;
  const wordsOf = (name: string) => ` ${name.toLowerCase().replace(/^the\s+/, '')} `;
  const all = [...names];
  for (const short of all) {
    const key = wordsOf(short);
    if (key.trim().length < 3) continue;
    const longer = all.filter((other) => other !== short && other.length > short.length && wordsOf(other).includes(key));
    // "Times" inside "The Times" inside "The New York Times": the longest names are what the short ones stand for.
    const longest = longer.filter((name) => !longer.some((other) => other !== name && other.length > name.length && wordsOf(other).includes(wordsOf(name))));
    if (longest.length === 1) out.set(short, longest[0]);
  }
  return out;
}

/** No name is longer than this: a mention overlapping a span starts at most this far before it. */
const MAX_NAME_LENGTH = 200;

/** "O’Neill" and "O'Neill", "PENCE" and "Pence" are one key. */
function nameKey(word: string): string {
  return word.toLowerCase().replace(/’/g, "'");
}

/** "Guajardo Villarreal" is the end of "Ildefonso Guajardo Villarreal": a two-word surname, not a new person. */
function endsWithName(full: string, part: string): boolean {
  return full.length > part.length && nameKey(full).endsWith(` ${nameKey(part)}`);
}

function isFullName(person: PersonMention): boolean {
  return person.name.includes(' ');
}

function surnameKeyOf(entity: Entity): string {
  return (entity as Building).surnameKey ?? '';
}
function givenKeyOf(entity: Entity): string | null {
  return (entity as Building).givenKey ?? null;
}

/** "Joe" and "Joseph", "J." and "John": the same person when the initials agree; "Bill" and "Hillary" are two. */
function sameGivenName(a: string | null, b: string): boolean {
  if (a === null) return true;
  if (a === b) return true;
  if (/^\p{L}\.$/u.test(a) || /^\p{L}\.$/u.test(b)) return a[0] === b[0];
  return a.length > 2 && b.length > 2 && (a.startsWith(b.slice(0, 3)) || b.startsWith(a.slice(0, 3)));
}

function compatible(a: Gender | null, b: Gender | null): boolean {
  return a === null || b === null || a === b;
}

/**
 * Which of several people of one name a mention means: the one named just before it (same paragraph),
 * else the one the article names most so far, else the first named after it.
 */
function pickNearest(candidates: readonly Building[], offset: number): Building | null {
  if (candidates.length <= 1) return candidates[0] ?? null;
  let best: Building | null = null;
  let bestScore = -1;
  for (const c of candidates) {
    // Mentions join in document order, so an entity's last mention so far is its latest before `offset`.
    const latest = c.mentions[c.mentions.length - 1];
    if (!latest || latest.start >= offset) continue;
    const score = c.mentions.length + (offset - latest.end < RECENT ? 1000 - (offset - latest.end) / RECENT : 0);
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best ?? candidates[0];
}
/** A person named this close before a surname is who the surname means, however often another was named. */
const RECENT = 250;

/** A run that the agency tagger took ("Sierra Club", "Apple") is not a person. */
function withoutAgencies(persons: readonly PersonMention[], agencies: readonly AgencyAnnotation[]): PersonMention[] {
  return persons.filter((p) => {
    const i = firstStartingAtOrAfter(agencies, p.start - MAX_NAME_LENGTH);
    for (let k = i; k < agencies.length && agencies[k].start < p.end; k++) if (agencies[k].end > p.start) return false;
    return true;
  });
}

function insertSorted(list: EntityMention[], mention: EntityMention): void {
  list.splice(firstStartingAtOrAfter(list, mention.start), 0, mention);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
