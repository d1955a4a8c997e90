/**
 * Pure scoring functions for the evaluation harness: span matching, precision/recall/F1,
 * date value accuracy and quote speaker accuracy. No I/O here, so they can be unit-tested
 * on tiny synthetic span lists (test/unit/evalMetrics.test.ts).
 */

export interface Span {
  start: number;
  end: number;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

/** Counts behind precision/recall; kept raw so that corpora and documents can be summed before dividing. */
export interface MatchCounts {
  gold: number;
  system: number;
  /** Gold spans with a system span of exactly the same offsets. */
  strict: number;
  /** Gold spans paired one-to-one with an overlapping system span. */
  relaxed: number;
}

export function emptyCounts(): MatchCounts {
  return { gold: 0, system: 0, strict: 0, relaxed: 0 };
}

export function addCounts(into: MatchCounts, more: MatchCounts): MatchCounts {
  into.gold += more.gold;
  into.system += more.system;
  into.strict += more.strict;
  into.relaxed += more.relaxed;
  return into;
}

/** Precision, recall and F1 from a true-positive count; an empty denominator scores 0 (not NaN, so JSON stays valid). */
export function prf(truePositives: number, gold: number, system: number): Prf {
  const precision = system === 0 ? 0 : truePositives / system;
  const recall = gold === 0 ? 0 : truePositives / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

function overlapLength(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

function byStart(a: Span, b: Span): number {
  return a.start - b.start || a.end - b.end;
}

/** Every (gold, system) index pair whose spans overlap; a sweep over both lists sorted by start. */
export function overlappingPairs(gold: readonly Span[], system: readonly Span[]): Array<[number, number]> {
  const g = gold.map((_, i) => i).sort((a, b) => byStart(gold[a], gold[b]));
  const s = system.map((_, i) => i).sort((a, b) => byStart(system[a], system[b]));
  const pairs: Array<[number, number]> = [];
  let first = 0; // first system span (in start order) that may still overlap the current gold span
  for (const gi of g) {
    const gs = gold[gi];
    // Gold spans come in start order, so a system span ending before this one starts can never overlap a later
    // one. Only a prefix is dropped (ends are not sorted); the overlap test below rejects any stragglers.
    while (first < s.length && system[s[first]].end <= gs.start) first++;
    for (let k = first; k < s.length && system[s[k]].start < gs.end; k++) {
      if (overlaps(gs, system[s[k]])) pairs.push([gi, s[k]]);
    }
  }
  return pairs;
}

export interface Matching {
  /** For each gold index, the paired system index or -1. */
  goldToSystem: number[];
  /** For each system index, the paired gold index or -1. */
  systemToGold: number[];
}

/**
 * One-to-one greedy matching of overlapping spans: exact matches are paired first, then the pairs with the
 * largest overlap, ties broken by position. So one long system span over two gold spans pairs with one of
 * them only; the other gold span is a miss.
 */
export function matchSpans(gold: readonly Span[], system: readonly Span[]): Matching {
  const goldToSystem = new Array<number>(gold.length).fill(-1);
  const systemToGold = new Array<number>(system.length).fill(-1);
  const candidates = overlappingPairs(gold, system).map(([gi, si]) => ({
    gi,
    si,
    exact: gold[gi].start === system[si].start && gold[gi].end === system[si].end,
    overlap: overlapLength(gold[gi], system[si]),
  }));
  candidates.sort(
    (a, b) =>
      Number(b.exact) - Number(a.exact) ||
      b.overlap - a.overlap ||
      gold[a.gi].start - gold[b.gi].start ||
      system[a.si].start - system[b.si].start,
  );
  for (const { gi, si } of candidates) {
    if (goldToSystem[gi] !== -1 || systemToGold[si] !== -1) continue;
    goldToSystem[gi] = si;
    systemToGold[si] = gi;
  }
  return { goldToSystem, systemToGold };
}

/** Exact-offset matches, each system span used once (duplicates in the system output count as false alarms). */
export function countStrictMatches(gold: readonly Span[], system: readonly Span[]): number {
  const available = new Map<string, number>();
  for (const s of system) available.set(`${s.start}:${s.end}`, (available.get(`${s.start}:${s.end}`) ?? 0) + 1);
  let matched = 0;
  for (const g of gold) {
    const key = `${g.start}:${g.end}`;
    const n = available.get(key) ?? 0;
    if (n > 0) {
      matched++;
      available.set(key, n - 1);
    }
  }
  return matched;
}

/**
 * System spans that overlap a "neutral" gold region (e.g. a TIMEX3 duration or set, which the project need not
 * tag) and no scored gold span are dropped before scoring, so they count neither as hits nor as false alarms.
 */
export function dropNeutral<T extends Span>(system: readonly T[], gold: readonly Span[], neutral: readonly Span[]): T[] {
  if (neutral.length === 0) return [...system];
  const touchesNeutral = new Set(overlappingPairs(system, neutral).map(([si]) => si));
  const touchesGold = new Set(overlappingPairs(system, gold).map(([si]) => si));
  return system.filter((_, i) => !touchesNeutral.has(i) || touchesGold.has(i));
}

export interface SpanScore {
  counts: MatchCounts;
  matching: Matching;
}

/** Strict and relaxed counts for one document and one type (neutral system spans already dropped). */
export function scoreSpans(gold: readonly Span[], system: readonly Span[]): SpanScore {
  const matching = matchSpans(gold, system);
  const relaxed = matching.goldToSystem.filter((si) => si !== -1).length;
  return {
    counts: { gold: gold.length, system: system.length, strict: countStrictMatches(gold, system), relaxed },
    matching,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Dates: value accuracy

export interface ValuedSpan extends Span {
  value: string;
}

/**
 * A gold date is correct when any overlapping system date carries exactly its TIMEX3 value. "Any", not only the
 * one-to-one partner: the question here is whether the value was resolved, not whether the boundaries agree.
 * Returns, per gold index, the system index that proves it correct, or -1.
 */
export function correctValues(gold: readonly ValuedSpan[], system: readonly ValuedSpan[]): number[] {
  const result = new Array<number>(gold.length).fill(-1);
  for (const [gi, si] of overlappingPairs(gold, system)) {
    if (result[gi] === -1 && gold[gi].value === system[si].value) result[gi] = si;
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------------------
// Quotes: speaker accuracy

export interface SpeakerSpan extends Span {
  text: string;
}

/** Words of a phrase without surrounding punctuation ("Clinton," → "Clinton", "Obama's" → "Obama's"). */
export function phraseWords(phrase: string): string[] {
  return phrase
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => w.length > 0);
}

/** Head of a phrase: its last word ignoring punctuation, lower-cased ("the U.S. State Department" → "department"). */
export function headWord(phrase: string): string | null {
  const words = phraseWords(phrase);
  return words.length ? stripPossessive(words[words.length - 1].toLowerCase()) : null;
}

function stripPossessive(word: string): string {
  return word.replace(/['’]s$/u, '');
}

/** Capitalised words that are not names: a sentence-initial article or title would otherwise match anything. */
const NOT_A_HEAD = new Set([
  'the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'my', 'this', 'that', 'these', 'those',
  'mr', 'mrs', 'ms', 'dr', 'sen', 'rep', 'gov', 'gen', 'president', 'former', 'and', 'of',
]);

/** Appositives and parentheticals are set off by these: "Maria Lopez, the mayor", "a senator -- Ruth Okafor --". */
const APPOSITIVE_BREAK = /[,;:()[\]\u2013\u2014]|\s--?\s/u;
/** Where a noun phrase's post-modifiers begin: after these, words describe the head rather than being it. */
const POSTMODIFIER = /(?:^|\s)(?:of|in|at|from|for|with|on|to|by|who|whom|whose|which|that|and)(?:\s|$)/iu;

/**
 * The words of a gold speaker phrase that may count as its head. PolNeAR speakers are often long noun phrases
 * ("Hillary Clinton, the former secretary of state", "Joel Pollak of Breitbart California"), so the last word of
 * the phrase is often not its head ("state", "California"). We split the phrase into its appositives (at commas,
 * dashes, brackets), drop each one's post-modifier (from the first preposition or relative pronoun on), and from
 * what is left accept the last word ("secretary") and the capitalised name that ends it ("Hillary Clinton" →
 * hillary, clinton; "Dave Leip's Atlas" → atlas only, a possessive is not the head), minus articles and titles.
 * After "of" between capitalised words the trailing name also counts, since "of" may sit inside a title
 * ("Secretary of State Ann Lee"); that makes "Joel Pollak of Breitbart California" accept "california" too,
 * a price worth paying.
 * A system speaker matches when its own last word is one of these. Deliberately not the phrase's very last
 * word: in "a former candidate -- John McCain, who lost to Obama --" that would credit "Obama".
 */
export function goldSpeakerHeads(phrase: string): Set<string> {
  const heads = new Set<string>();
  for (const appositive of phrase.split(APPOSITIVE_BREAK)) {
    const cut = appositive.search(POSTMODIFIER);
    const core = phraseWords(cut >= 0 ? appositive.slice(0, cut) : appositive);
    if (core.length === 0) continue;
    const last = headWord(core[core.length - 1]);
    if (last && !NOT_A_HEAD.has(last)) heads.add(last);
    addTrailingName(core, heads);
    // "of" between capitalised words may sit inside a title ("Secretary of State Ann Lee"): the name after it counts.
    if (cut >= 0 && /^\p{Lu}/u.test(core[core.length - 1]) && /^\s*of\s+\p{Lu}/u.test(appositive.slice(cut))) {
      addTrailingName(phraseWords(appositive), heads);
    }
  }
  // A phrase that is all modifier or title ("The", "Mr.") still has a last word: better that than no head at all.
  if (heads.size === 0) {
    const last = headWord(phrase);
    if (last) heads.add(last);
  }
  return heads;
}

/** Adds the run of capitalised words that ends `words`, stopping at a possessive (which is not the head). */
function addTrailingName(words: readonly string[], heads: Set<string>): void {
  for (let i = words.length - 1; i >= 0 && /^\p{Lu}/u.test(words[i]); i--) {
    if (/['’]s$/u.test(words[i])) break;
    const lower = words[i].toLowerCase();
    if (!NOT_A_HEAD.has(lower)) heads.add(lower);
  }
}

/** Whether a system speaker mention agrees with a gold speaker span: overlapping offsets or a shared head word. */
export function speakerAgrees(gold: SpeakerSpan, system: SpeakerSpan | null): boolean {
  if (!system) return false;
  if (overlaps(gold, system)) return true;
  const head = headWord(system.text);
  return head !== null && goldSpeakerHeads(gold.text).has(head);
}

export interface GoldQuote extends Span {
  speaker: SpeakerSpan | null;
}

export interface SystemQuote extends Span {
  speaker: SpeakerSpan | null;
}

export type SpeakerOutcome = 'correct' | 'quote-missed' | 'no-speaker' | 'wrong-speaker';

/**
 * Speaker outcome of every gold quote that has a speaker (null for the others): correct when some overlapping
 * system quote has an agreeing speaker; otherwise why not, with the system quote to show in error listings.
 */
export function speakerOutcomes(
  gold: readonly GoldQuote[],
  system: readonly SystemQuote[],
): Array<{ outcome: SpeakerOutcome; systemIndex: number } | null> {
  const overlapping = new Map<number, number[]>();
  for (const [gi, si] of overlappingPairs(gold, system)) {
    const list = overlapping.get(gi) ?? [];
    list.push(si);
    overlapping.set(gi, list);
  }
  return gold.map((g, gi) => {
    if (!g.speaker) return null;
    const candidates = overlapping.get(gi) ?? [];
    if (candidates.length === 0) return { outcome: 'quote-missed', systemIndex: -1 };
    const right = candidates.find((si) => speakerAgrees(g.speaker!, system[si].speaker));
    if (right !== undefined) return { outcome: 'correct', systemIndex: right };
    const withSpeaker = candidates.find((si) => system[si].speaker !== null);
    return withSpeaker === undefined
      ? { outcome: 'no-speaker', systemIndex: candidates[0] }
      : { outcome: 'wrong-speaker', systemIndex: withSpeaker };
  });
}

/**
 * The words of an entity name as the gold compares them: no accents, case, possessive, leading "the" or
 * title ("Mr.", "Sen.", "President").
 */
function entityWords(name: string): string[] {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .filter((w, i) => !(i === 0 && w === 'the'))
    .filter((w) => !/^(?:mr|mrs|ms|miss|dr|sen|senator|rep|gov|governor|president|secretary|sir|prof)$/.test(w));
}

export type ResolutionOutcome = 'right' | 'surname-only' | 'other-entity' | 'none' | 'quote-missed';

/**
 * Whether a resolved speaker names the gold entity: the same name (`right`), or only by surname or one
 * organisation name inside the other (`surname-only`, the lenient match), or another entity.
 */
export function resolutionOutcome(resolved: string | null, gold: string, goldKind: string | undefined): Exclude<ResolutionOutcome, 'quote-missed'> {
  if (resolved === null) return 'none';
  const a = entityWords(resolved);
  const b = entityWords(gold);
  if (a.length === 0 || b.length === 0) return 'other-entity';
  if (a.join(' ') === b.join(' ')) return 'right';
  const inside = (x: string[], y: string[]) => x.length <= y.length && y.join(' ').includes(x.join(' '));
  const lenient = goldKind === 'person' ? a[a.length - 1] === b[b.length - 1] : inside(a, b) || inside(b, a);
  return lenient ? 'surname-only' : 'other-entity';
}

/** A share as a number in [0, 1]; 0 when there is nothing to count. */
export function share(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}
