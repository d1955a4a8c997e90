/**
 * Who each quote's speaker mention stands for, answered against the article's entity table:
 * - a name resolves to the fullest name of its entity ("Mrs. Clinton" → Hillary Clinton);
 * - a named agency to its canonical name, and an unnamed person who speaks for one to the agency
 *   ("a State Department spokesman" → State Department);
 * - "he" and "she" to the most salient person of that gender: the speaker of the quote before, the subject
 *   of a recent sentence, the person the paragraph is about — not merely the nearest name;
 * - "it" and "the company" to the nearest agency that fits, "the senator" and "the 82-year-old" to the
 *   person the article gave that role or age;
 * - anything else to nothing: a wrong name is worse than none.
 */
import type { AgencyAnnotation, Entity, EntityKind, EntityMention, QuoteAnnotation, TextSpan } from '../annotation';
import { isDictionaryWord, isGivenName, isPluralNoun, isRoleNoun } from '../nlp';
import { agencyWithin, describedAgency, followsPreposition, nearestSubjectAgency } from './agencyReferents';
import type { EntityTable } from './entityTable';
import { resolvePost } from './postAccounts';
import { isCueWord } from '../quotes/speakers';
import { firstStartingAtOrAfter } from '../text/sortedSpans';

interface Resolution {
  name: string;
  kind: EntityKind;
  entity?: number;
}

/** Fills `resolved`, `resolvedKind` and `entity` on every quote (sorted by start) that has a speaker. */
export function resolveSpeakers(text: string, quotes: QuoteAnnotation[], agencies: readonly AgencyAnnotation[], table: EntityTable): void {
  const context: Context = { text, quotes, agencies, table, previous: [] };
  const spokenMentions: EntityMention[] = [];
  for (const quote of quotes) {
    const resolution = quote.speaker ? resolveOne(quote, quote.speaker, context) : null;
    quote.resolved = resolution?.name ?? null;
    quote.resolvedKind = resolution?.kind ?? null;
    if (resolution?.entity !== undefined) {
      quote.entity = resolution.entity;
      context.previous.push({ at: quote.speaker!.start, entity: resolution.entity });
      // A pronoun or description that speaks is a mention of its entity too (highlights, hovers).
      if (!table.mentionsWithin(quote.speaker!.start, quote.speaker!.end).some((m) => m.entity === resolution.entity)) {
        spokenMentions.push({ start: quote.speaker!.start, end: quote.speaker!.end, entity: resolution.entity });
      }
    }
  }
  table.addMentions(spokenMentions);
}

interface Context {
  text: string;
  quotes: readonly QuoteAnnotation[];
  agencies: readonly AgencyAnnotation[];
  table: EntityTable;
  /** Entities resolved for the quotes so far, with where their speaker mention starts. */
  previous: Array<{ at: number; entity: number }>;
}

function resolveOne(quote: QuoteAnnotation, speaker: TextSpan, context: Context): Resolution | null {
  const { table, agencies, text } = context;
  if (quote.kind === 'post') {
    const name = resolvePost(speaker, agencies);
    const agency = agencyWithin(speaker, agencies);
    const entity = table.named(name);
    return { name, kind: agency || entity?.kind === 'agency' ? 'agency' : 'person', ...(entity ? { entity: entity.id } : {}) };
  }
  const mention = speaker.text.replace(/\s*\([^)]*\)\s*,?$/, '').replace(/,$/, '').trim();
  const lower = mention.toLowerCase();

  // A person named in the mention, unless only as the owner of what speaks ("Trump's doctor").
  const named = personNamedIn(speaker, table, text);
  if (named) return named;
  // "Apple's chief executive, Tim Cook, said": the name in apposition after a description.
  const apposed = personInAppositionAfter(speaker, table, text);
  if (apposed) return apposed;
  const agency = agencyWithin(speaker, agencies);
  // "Obama's former campaign strategist": the owner is not who speaks; the person given that role may be.
  const owned = /[’']s\s+(\p{Ll}[\p{L}\s-]*)$/u.exec(mention);
  if (owned && !agency) return describedPerson(`the ${owned[1]}`, speaker.start, context, false);
  if (agency) return agencyResolution(agency, table);

  if (lower === 'he' || lower === 'she') return salientPerson(speaker.start, lower === 'he' ? 'male' : 'female', context);
  if (lower === 'it') {
    const found = nearestSubjectAgency(text, agencies, speaker.start);
    return found ? agencyResolution(found, table) : null;
  }
  if (AGENCY_DESCRIPTION.test(mention)) {
    const fits = describedAgency(mention);
    const found = nearestSubjectAgency(text, agencies, speaker.start, fits) ?? nearestSubjectAgency(text, agencies, speaker.start);
    return found ? agencyResolution(found, table) : null;
  }
  if (/^(?:the|this|that)\s+[\p{Ll}\d]/iu.test(mention)) return describedPerson(mention, speaker.start, context);
  return namedOutsideTable(mention);
}

/**
 * A name that neither the people nor the agencies of the article hold ("PolitiFact", "The Daily Beast",
 * "Japan", "Democrats"): itself, cleaned. A lone word of the language ("Partial") names nobody.
 */
function namedOutsideTable(mention: string): Resolution | null {
  const name = mention.replace(/[’']s$/, '').trim();
  const words = name.split(/\s+/);
  const content = /^the$/i.test(words[0]) ? words.slice(1) : words;
  if (content.length === 0 || content.length > 6 || !/^\p{Lu}/u.test(content[0])) return null;
  if (!content.every((w) => /^[\p{Lu}\d]/u.test(w) || /^(?:of|for|and|the|de|on)$/.test(w))) return null;
  if (content.length === 1 && (isDictionaryWord(content[0]) || /^\p{Lu}+$/u.test(content[0]) && content[0].length < 3)) return null;
  const clean = content.length === 1 && /^\p{Lu}{4,}$/u.test(content[0]) ? content[0][0] + content[0].slice(1).toLowerCase() : name;
  const last = content[content.length - 1];
  const kind: EntityKind = isGivenName(content[0]) && content.length > 1 ? 'person' : /\p{Ll}s$/u.test(last) && isPluralNoun(last) ? 'group' : 'agency';
  return { name: clean, kind };
}

/** Descriptions that point back to an organisation: "the agency", "its parent company", "the US regulator". */
const AGENCY_DESCRIPTION =
  /^(?:the|its|this)\s+(?:[\p{L}.-]+\s+){0,2}(?:agency|company|ministry|department|organi[sz]ation|corporation|government|administration|office|group|firm|centre|center|institute|body|board|committee|council|campaign|network|bank|union|party|court|commission|service|authority|regulator|operator|broadcaster|newspaper|outlet|station|team|club|state corporation|corporation)$/iu;

function agencyResolution(agency: AgencyAnnotation, table: EntityTable): Resolution {
  const entity = table.agencyEntity(agency);
  return entity ? { name: entity.name, kind: 'agency', entity: entity.id } : { name: agency.canonical, kind: 'agency' };
}

function personResolution(entity: Entity): Resolution {
  return { name: entity.name, kind: entity.kind, entity: entity.id };
}

/**
 * The person a speaker mention names: the first person mention inside it that is neither a possessive
 * owner nor a modifier of a role ("Clinton campaign spokesman Brian Fallon" is Brian Fallon).
 */
function personNamedIn(speaker: TextSpan, table: EntityTable, text: string): Resolution | null {
  for (const mention of table.mentionsWithin(speaker.start, speaker.end)) {
    const entity = table.entity(mention.entity);
    if (entity.kind !== 'person') continue;
    if (/^[’']s\s+\p{L}/u.test(text.slice(mention.end, speaker.end))) continue;
    // "Clinton campaign spokesman Brian Fallon", "Trump lawyer Marc Kasowitz": the first name qualifies the role.
    if (/^\s+(?!(?:of|and|who|from|at|in|on|for|with|said|says|told|added)\b)\p{Ll}/u.test(text.slice(mention.end, speaker.end))) continue;
    return personResolution(entity);
  }
  return null;
}

function personInAppositionAfter(speaker: TextSpan, table: EntityTable, text: string): Resolution | null {
  const after = /^\s*,\s*/.exec(text.slice(speaker.end, speaker.end + 4));
  if (!after) return null;
  const at = speaker.end + after[0].length;
  const mention = table.mentionsWithin(at, at + 1).find((m) => m.start === at);
  return mention && table.entity(mention.entity).kind === 'person' ? personResolution(table.entity(mention.entity)) : null;
}

/** How far back a pronoun looks for its person. */
const SALIENCE_WINDOW = 2500;
/** Each further mention in the window adds a little: being named often is weak evidence next to position. */
const MENTION_WEIGHT = 0.1;

/**
 * The person "he" or "she" stands for. Each person of that gender (or of unknown gender) mentioned in the
 * window scores by recency, and gains when it spoke the quote before, or when its latest mention opens a
 * sentence outside quotation marks (the subject the story is about); a mention inside a quotation or after
 * a preposition counts less.
 */
function salientPerson(offset: number, gender: 'male' | 'female' | null, context: Context): Resolution | null {
  const { table, text } = context;
  const scores = new Map<number, number>();
  let rank = 0;
  let latestSubject: { entity: number; at: number } | null = null;
  const mentions = table.mentionsWithin(offset - SALIENCE_WINDOW, offset);
  for (let i = mentions.length - 1; i >= 0; i--) {
    const mention = mentions[i];
    if (mention.end > offset) continue;
    const entity = table.entity(mention.entity);
    if (entity.kind !== 'person' || (gender !== null && entity.gender !== null && entity.gender !== gender)) continue;
    const quoted = insideQuote(context.quotes, mention.start);
    const subject = !quoted && (opensSentence(text, mention.start) || speaksHere(text, mention));
    if (subject && !latestSubject) latestSubject = { entity: entity.id, at: mention.start };
    if (scores.has(entity.id)) {
      scores.set(entity.id, scores.get(entity.id)! + MENTION_WEIGHT);
      continue;
    }
    let score = -rank;
    rank++;
    if (subject) score += 1.5;
    if (quoted) score -= 1.5;
    else if (followsPreposition(text, mention.start)) score -= 0.5;
    // A person of unknown gender may be the one, but one whose given name or title agrees is likelier.
    if (entity.gender === null && gender !== null) score -= 1.5;
    scores.set(entity.id, score);
  }
  // The subject of the latest sentence that has one is who the passage is about; the speaker of the quote
  // before carries on only until another subject takes over.
  if (latestSubject) scores.set(latestSubject.entity, scores.get(latestSubject.entity)! + 1);
  const lastSpeaker = latestSpeakerAmong(context.previous, offset, scores);
  if (lastSpeaker) scores.set(lastSpeaker.entity, scores.get(lastSpeaker.entity)! + (!latestSubject || lastSpeaker.at > latestSubject.at ? 2 : 0.5));
  let best: number | null = null;
  for (const [id, score] of scores) if (best === null || score > scores.get(best)!) best = id;
  return best === null ? null : personResolution(table.entity(best));
}

/**
 * "Ivanka Trump acknowledged", "noted NBC's Dante Chinni", "Aparna Mathur, who studies tax policy, said": a
 * person a speech verb attaches to is who the passage quotes, wherever the name stands in its sentence.
 */
function speaksHere(text: string, mention: { start: number; end: number }): boolean {
  let after = text.slice(mention.end, mention.end + 120);
  const apposition = /^,[^,.;:!?"“”]{1,90},/.exec(after);
  if (apposition) after = after.slice(apposition[0].length);
  const next = /^\s+(?:\p{Ll}+\s+)?(\p{Ll}+)/u.exec(after);
  if (next && (isCueWord(next[1]) || (next[0].trim().split(/\s+/).length === 2 && isCueWord(next[0].trim().split(/\s+/)[0])))) return true;
  const before = /(?:^|\s)(\p{Ll}+)\s+(?:\p{Lu}[\p{L}'’.-]*\s+){0,2}$/u.exec(text.slice(Math.max(0, mention.start - 40), mention.start));
  return before !== null && isCueWord(before[1]);
}

function opensSentence(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  return /(?:^|[.!?]["”’]?\s+|\n\s*)(?:(?:The|But|And|So|Then|Now|Yet)\s+)?(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}$/u.test(before) && !/,\s*$/.test(before);
}

function insideQuote(quotes: readonly QuoteAnnotation[], offset: number): boolean {
  // Quotes are sorted by start and seldom nest: the one starting last before `offset` is the one to check,
  // with a few before it for a quote that holds another.
  for (let i = firstStartingAtOrAfter(quotes, offset) - 1, steps = 0; i >= 0 && steps < 4; i--, steps++) {
    if (quotes[i].end > offset) return true;
  }
  return false;
}

/** The speaker of the latest quote within the window who is among the candidates. */
function latestSpeakerAmong(previous: ReadonlyArray<{ at: number; entity: number }>, offset: number, candidates: ReadonlyMap<number, number>): { at: number; entity: number } | undefined {
  for (let i = previous.length - 1; i >= 0 && offset - previous[i].at < SALIENCE_WINDOW; i--) {
    if (candidates.has(previous[i].entity)) return previous[i];
  }
  return undefined;
}

/**
 * "the senator", "the Indiana governor", "the 82-year-old": the person the article gave that role or age,
 * the latest named before the description; for a role no one was given, the person the passage is about
 * (unless `orSalient` is off, as for "Obama's strategist", whose owner is the salient one).
 */
function describedPerson(description: string, offset: number, context: Context, orSalient = true): Resolution | null {
  const words = description.toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, '').split(/\s+/);
  const age = words.map((w) => /^(\d{1,3})-year-old$/.exec(w)).find(Boolean);
  const head = words.slice(1).find((_, i, rest) => rest[i + 1] === 'of') ?? words[words.length - 1];
  // "the authors", "the officials": a plural is no one person.
  if (!age && (!isRoleNoun(head) || isPluralNoun(head))) return null;
  const mentions = context.table.mentionsWithin(offset - 4 * SALIENCE_WINDOW, offset);
  for (let i = mentions.length - 1; i >= 0; i--) {
    const entity = context.table.entity(mentions[i].entity);
    if (entity.kind !== 'person' || mentions[i].end > offset) continue;
    if (age ? entity.age === Number(age[1]) : entity.roles.some((role) => role === head || role.endsWith(` ${head}`))) return personResolution(entity);
  }
  // No one was given that role: the person the passage is about, as for a pronoun of the description's gender.
  return age || !orSalient ? null : salientPerson(offset, /woman$/.test(head) ? 'female' : /man$/.test(head) ? 'male' : null, context);
}
