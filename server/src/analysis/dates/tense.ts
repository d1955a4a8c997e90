/**
 * Which way a date without a year or week ("Friday", "March 3", "in April") points from the publication
 * date, read from the tense of the words around it: "planned to leave on Thursday" points ahead, "said
 * Thursday" back. Regexes over the mention's sentence only, so it stays cheap.
 */
import { pastTenseReading } from '../nlp';
import type { Direction } from './timex';

/** Words that put an event after the time of writing. */
const FUTURE_CUE =
  /\b(?:will|won['’]t|shall|would|wouldn['’]t|going to|plans? to|planned|planning|scheduled|schedules?|expected|expects?|due|set to|slated|until|till|as soon as|as early as|intends?|intended|is to|are to|to be|postponed|delayed|upcoming|tomorrow|deadline|hopes? to|ready to|starting)\b|['’]ll\b/gi;

/**
 * Words that put an event before the time of writing: these adverbs, regular "-ed" forms and any other word
 * compromise's lexicon knows as a past tense ("sent", "was", "began"); see isCue.
 */
const PAST_CUE = /\b(?:since|ago|last|earlier|yesterday|previously|already|as of)\b|\b[a-z]{2,}ed\b|\b[a-z]{2,}\b/g;
const PAST_ADVERB_OR_ED = /^(?:since|ago|last|earlier|yesterday|previously|already|as of|[a-z]{2,}ed)$/;

/**
 * Before an irregular past spelt like its present ("set", "put", "cut"), words that make it a noun, an
 * infinitive or a present: "a cut on Friday", "to set a date", "will put", "they don't hit".
 */
const NOT_PAST_BEFORE = /\b(?:a|an|the|to|will|would|can|could|may|might|must|shall|should|do|does|don['’]t|doesn['’]t|not|let['’]s|this|that|its|their|his|her|our|your|my|is|are|am)\s+$/i;

const NOT_PAST_ED = new Set(['planned', 'scheduled', 'expected', 'intended', 'postponed', 'delayed', 'needed', 'proposed', 'anticipated', 'slated']);

/** A preposition right before the date that fixes its direction. */
// Not "by": "was used a million times by Thursday night" looks back.
const DEADLINE_BEFORE = /\b(?:until|till|as soon as|as early as)\s+(?:the\s+)?$/i;
/** "had" with a participle ("had not called", "had been"), not "had to" nor "had a …". */
const PAST_PERFECT = /\bhad(?:n['’]t)?\s+(?:(?:not|never|just|already|long|still)\s+)?[a-z]+(?:ed|en|wn|ne|de|ld|lt|nt|pt|ght|id|et|ut)\b/i;
const SINCE_BEFORE = /\b(?:since|as of)\s+(?:the\s+)?$/i;

/** A cue after the mention counts as this many times farther away: the words before a date usually govern it. */
const AFTER_PENALTY = 2;

/**
 * 'past' or 'future' by the tense cue nearest to the mention in its sentence ("planned to leave on Thursday",
 * "said Thursday"), else 'nearest'.
 */
export function directionAround(paragraph: string, start: number, end: number): Direction {
  const { from, to } = sentenceAround(paragraph, start, end);
  const before = withinQuotation(paragraph.slice(from, start), 'before');
  const after = withinQuotation(paragraph.slice(end, to), 'after');
  // "until Thursday" looks ahead, unless the clause is in the past perfect: "until Thursday, they had not …".
  if (DEADLINE_BEFORE.test(before)) return PAST_PERFECT.test(before) || PAST_PERFECT.test(after) ? 'past' : 'future';
  if (SINCE_BEFORE.test(before) || /^['’]s\b/.test(after)) return 'past'; // "since Friday", "Friday's ruling"
  const future = Math.min(distanceBefore(FUTURE_CUE, before), AFTER_PENALTY * distanceAfter(FUTURE_CUE, after));
  const past = Math.min(distanceBefore(PAST_CUE, before), AFTER_PENALTY * distanceAfter(PAST_CUE, after));
  if (future === Infinity && past === Infinity) return 'nearest';
  return future < past ? 'future' : 'past';
}

/**
 * Whether a past-tense verb stands within the few words before the mention ("was in April", "bought it in
 * February"): close enough to govern it, unlike a "said" that opens the sentence and reports a plan.
 */
export function pastTenseJustBefore(paragraph: string, start: number): boolean {
  const before = withinQuotation(paragraph.slice(Math.max(0, start - CLOSE_REACH), start), 'before');
  const words = /(?:\S+\s+){0,3}$/.exec(before)?.[0] ?? '';
  const distance = distanceBefore(PAST_CUE, words);
  return distance !== Infinity && distanceBefore(FUTURE_CUE, words) === Infinity;
}

const CLOSE_REACH = 40;

const QUOTE_MARK = /``|''|[“”"]/g;

/**
 * The part of `text` on the mention's side of the nearest quotation mark: a quotation and the clause that
 * reports it have their own tenses ("''He will leave Thursday,'' Castro said": "said" does not date Thursday).
 */
function withinQuotation(text: string, side: 'before' | 'after'): string {
  QUOTE_MARK.lastIndex = 0;
  let last = -1;
  for (let m = QUOTE_MARK.exec(text); m; m = QUOTE_MARK.exec(text)) {
    if (side === 'after') return text.slice(0, m.index);
    last = m.index + m[0].length;
  }
  return last < 0 ? text : text.slice(last);
}

/**
 * "announced" is a past cue; "planned" and the participle in "will be held" are not. Nor are two looking-ahead
 * forms: an adjectival participle ("the hastily planned trip") and the future in the past ("was about to be
 * deported", "were planning to"), which looks ahead from a past moment, not from the time of writing.
 */
function isCue(pattern: RegExp, text: string, m: RegExpExecArray): boolean {
  if (pattern !== PAST_CUE) {
    const before = text.slice(Math.max(0, m.index - 16), m.index);
    if (ADVERB_BEFORE.test(before) && m[0].endsWith('ed')) return false;
    return !FUTURE_IN_THE_PAST.test(before);
  }
  // Most words are no past form: the cached lexicon lookup goes first, before any slicing.
  const reading = PAST_ADVERB_OR_ED.test(m[0]) ? 'past' : pastTenseReading(m[0]);
  if (reading === null) return false;
  if (NOT_PAST_ED.has(m[0]) || PASSIVE_AUXILIARY.test(text.slice(Math.max(0, m.index - 7), m.index))) return false;
  if (reading === 'same-as-present' && NOT_PAST_BEFORE.test(text.slice(Math.max(0, m.index - 10), m.index))) return false;
  // "set to", "set for": arranged for a time ahead ("the vote is set for Friday").
  if (m[0] === 'set' && /^\s+(?:to|for)\b/.test(text.slice(m.index + 3, m.index + 8))) return false;
  // "were planning to", "was due to": a past form that looks ahead.
  return !((m[0] === 'was' || m[0] === 'were') && LOOKING_AHEAD.test(text.slice(m.index + m[0].length, m.index + m[0].length + 14)));
}

const ADVERB_BEFORE = /\b[a-z]{3,}ly\s+$/i;
const FUTURE_IN_THE_PAST = /\b(?:was|were)\s+(?:about\s+)?$/i;
const LOOKING_AHEAD = /^\s+(?:planning|planned|going|expected|scheduled|due|set|about|to)\b/;

const PASSIVE_AUXILIARY = /\b(?:be|been|being|is|are)\s+$/;

/** Characters between the end of the last cue and the end of `text`. */
function distanceBefore(pattern: RegExp, text: string): number {
  let best = Infinity;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) if (isCue(pattern, text, m)) best = text.length - (m.index + m[0].length);
  return best;
}

/** Characters between the start of `text` and the first cue in it. */
function distanceAfter(pattern: RegExp, text: string): number {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) if (isCue(pattern, text, m)) return m.index;
  return Infinity;
}

const ABBREVIATION = /(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Gov|Sen|Rep|Lt|Col|Sgt|Capt|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|No|Inc|Corp|Co|Ltd|vs|U\.S|U\.N))$/;

/** The sentence holding [start, end): bounded by sentence ends that are not abbreviations, and by line breaks. */
function sentenceAround(text: string, start: number, end: number): { from: number; to: number } {
  let from = Math.max(0, start - 300);
  for (let i = start - 1; i >= from; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      from = i + 1;
      break;
    }
    if ((c === 46 || c === 33 || c === 63) && isSpaceAt(text, i + 1) && !(c === 46 && ABBREVIATION.test(text.slice(Math.max(0, i - 6), i)))) {
      from = i + 1;
      break;
    }
  }
  let to = Math.min(text.length, end + 200);
  for (let i = end; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      to = i;
      break;
    }
    if ((c === 46 || c === 33 || c === 63) && (i + 1 >= text.length || isSpaceAt(text, i + 1)) && !(c === 46 && ABBREVIATION.test(text.slice(Math.max(0, i - 6), i)))) {
      to = i;
      break;
    }
  }
  return { from, to };
}

function isSpaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 0xa0;
}
