/**
 * Transcripts and interviews: lines that open with a speaker label, `SMITH: …`, `MR. JONES: …`,
 * `Anna Lee: …`, or `Q: …` / `A: …`. Each turn is a statement of the labelled speaker, whether or not
 * it is in quotation marks. One label line alone is read by the ordinary attribution (`HOST: "…"`);
 * only a document with two or more turns is a transcript, so that a headline such as `Survey: …`
 * or a tally line `Smith: 547` stays what it is.
 */
import type { QuoteAnnotation } from '../annotation';
import { isGivenName } from '../nlp';
import type { Paragraph } from '../text/paragraphs';

/** A labelled line of one paragraph; offsets relative to the paragraph. */
export interface TurnLabel {
  labelStart: number;
  labelEnd: number;
  /** Where the turn's words start (after the colon and spaces) and end (the end of its line). */
  textStart: number;
  textEnd: number;
  /** 'question' and 'answer' are `Q:` and `A:`; 'name' is any other label. */
  role: 'question' | 'answer' | 'name';
  /** Written in capitals or after a title (`SMITH`, `MR. JONES`, `Mr. Jones`): a label in any document. */
  certain: boolean;
}

/** A name written with an initial capital that a person may carry: for the interviewee an intro names. */
export interface NamedPerson {
  start: number;
  end: number;
}

const TITLE = '(?:MR|MRS|MS|DR|SEN|REP|GOV|GEN|PRES|Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Pres)\\.?\\s+';
const CAPS_WORD = "\\p{Lu}[\\p{Lu}'’.-]*\\p{Lu}";
const NAME_WORD = "\\p{Lu}[\\p{Ll}'’-]+";
/** At a line start, after an optional opening mark: the label, a colon, then the turn's words. */
const LABEL_LINE = new RegExp(
  `^([ \\t]*["“'‘]?)(?:(Q|A)|(${TITLE}(?:${CAPS_WORD}|${NAME_WORD})|${CAPS_WORD}(?:[ \\t]+${CAPS_WORD}){0,3})|(${NAME_WORD}(?:[ \\t]+${NAME_WORD}){0,2})):[ \\t]+(?=[^\\s\\d])`,
  'gmu',
);

export function findTurnLabels(paragraph: string): TurnLabel[] {
  const turns: TurnLabel[] = [];
  LABEL_LINE.lastIndex = 0;
  for (let m = LABEL_LINE.exec(paragraph); m; m = LABEL_LINE.exec(paragraph)) {
    const labelStart = m.index + m[1].length;
    const label = m[2] ?? m[3] ?? m[4];
    const labelEnd = labelStart + label.length;
    let textEnd = paragraph.indexOf('\n', m.index + m[0].length);
    if (textEnd < 0) textEnd = paragraph.length;
    while (textEnd > labelEnd && /\s/.test(paragraph[textEnd - 1])) textEnd--;
    const role = m[2] === 'Q' ? 'question' : m[2] === 'A' ? 'answer' : 'name';
    turns.push({ labelStart, labelEnd, textStart: m.index + m[0].length, textEnd, role, certain: m[4] === undefined });
  }
  return turns;
}

const GIVEN_NAME_RUN = /\p{Lu}[\p{Ll}'’-]+(?:[ \t]+\p{Lu}\.)?(?:[ \t]+\p{Lu}[\p{Ll}'’-]+){1,2}/gu;

/** The first "Given Surname" in a paragraph, as compromise's lexicon knows given names. */
export function firstNamedPerson(paragraph: string): NamedPerson | null {
  GIVEN_NAME_RUN.lastIndex = 0;
  for (let m = GIVEN_NAME_RUN.exec(paragraph); m; m = GIVEN_NAME_RUN.exec(paragraph)) {
    const first = /^\p{Lu}[\p{Ll}'’-]+/u.exec(m[0])![0];
    if (isGivenName(first)) return { start: m.index, end: m.index + m[0].length };
    // "Harbour Master Anna Lee": the given name may be a later word of the run.
    const words = m[0].split(/[ \t]+/);
    for (let w = 1; w < words.length - 1; w++) {
      if (!isGivenName(words[w])) continue;
      const start = m.index + m[0].indexOf(words[w], words.slice(0, w).join(' ').length);
      return { start, end: m.index + m[0].length };
    }
  }
  return null;
}

/** What the transcript pass needs of each paragraph. */
export interface TranscriptParagraphInfo {
  turns: readonly TurnLabel[];
}

/**
 * The turns of a transcript as direct quotes, absolute offsets, sorted; none unless the document has
 * two turns or more. `A:` answers are credited to the person the introduction names first; `Q:`
 * questions to no one the text names; other turns to their label.
 */
export function findTranscriptTurns(text: string, paragraphs: readonly Paragraph[], locals: readonly TranscriptParagraphInfo[]): QuoteAnnotation[] {
  const candidates: Array<{ turn: TurnLabel; offset: number; paragraph: number }> = [];
  // The first paragraph is the headline: "Smith: …" there is a headline's shorthand.
  for (let i = 1; i < locals.length; i++) {
    for (const turn of locals[i].turns) candidates.push({ turn, offset: paragraphs[i].start, paragraph: i });
  }
  const accepted = candidates.filter((c, _, all) => c.turn.certain || isKnownSpeaker(text, c, all));
  if (!isExchange(text, accepted)) return [];
  // Only an interview needs its interviewee, so the introduction is read only then.
  let interviewee: NamedPerson | null = null;
  if (accepted.some((c) => c.turn.role === 'answer')) {
    for (let i = 0; i < accepted[0].paragraph && !interviewee; i++) {
      const named = firstNamedPerson(paragraphs[i].text);
      if (named) interviewee = { start: named.start + paragraphs[i].start, end: named.end + paragraphs[i].start };
    }
  }
  return accepted.map(({ turn, offset }) => {
    const start = offset + turn.textStart;
    const end = offset + turn.textEnd;
    let speaker: { start: number; end: number } | null = { start: offset + turn.labelStart, end: offset + turn.labelEnd };
    if (turn.role === 'answer') speaker = interviewee;
    if (turn.role === 'question') speaker = null;
    return {
      type: 'quote',
      start,
      end,
      text: text.slice(start, end),
      speaker: speaker ? { ...speaker, text: text.slice(speaker.start, speaker.end) } : null,
      resolved: null,
      resolvedKind: null,
      cue: ':',
      kind: 'direct',
    };
  });
}

/**
 * Speakers take turns: two labels or more, and a label comes back or three speakers each have a
 * line. Two one-off labels (`UPDATE:`, `CORRECTION:`) are notes, and one label over and over
 * (`UPDATE:` in a live blog) is a heading, not an exchange.
 */
function isExchange(text: string, turns: ReadonlyArray<{ turn: TurnLabel; offset: number }>): boolean {
  if (turns.length < 2) return false;
  const labels = new Set(turns.map(({ turn, offset }) => text.slice(offset + turn.labelStart, offset + turn.labelEnd)));
  return labels.size >= 2 && (labels.size < turns.length || labels.size >= 3);
}

/**
 * A label in Title Case (`Anna Lee:`, `Lee:`) is a speaker when it starts with a given name, or
 * when it is the surname of a labelled speaker of the same document ("Anna Lee:", later "Lee:").
 */
function isKnownSpeaker(text: string, candidate: { turn: TurnLabel; offset: number }, all: ReadonlyArray<{ turn: TurnLabel; offset: number }>): boolean {
  const label = text.slice(candidate.offset + candidate.turn.labelStart, candidate.offset + candidate.turn.labelEnd);
  const words = label.split(/[ \t]+/);
  if (words.length >= 2 && isGivenName(words[0])) return true;
  if (words.length !== 1) return false;
  return all.some((other) => {
    if (other === candidate) return false;
    const otherWords = text.slice(other.offset + other.turn.labelStart, other.offset + other.turn.labelEnd).split(/[ \t]+/);
    return otherWords.length >= 2 && otherWords[otherWords.length - 1] === label && isGivenName(otherWords[0]);
  });
}
