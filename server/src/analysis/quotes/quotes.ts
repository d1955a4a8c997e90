/**
 * Quoted statements: per paragraph, the quotation-mark pairs (quoteScanner.ts) merged into statements
 * and attributed to speakers (speakers.ts); at document level, quotes that run over several paragraphs
 * are joined and pasted social-media posts are added (embeddedPosts.ts). Which person or agency a speaker
 * mention stands for is decided later, against the article's entity table (entities/speakerResolution.ts).
 */
import type { QuoteAnnotation, TextSpan } from '../annotation';
import { findPostSignature, findEmbeddedPosts, measurePostText, type PostSignature, type PostText } from './embeddedPosts';
import type { Paragraph } from '../text/paragraphs';
import { scanQuotes, type QuotePair } from './quoteScanner';
import { isQuotedNickname, isQuotedTitle } from './quoteTitles';
import { attributeQuotes, isCueWord, type Attribution } from './speakers';
import { findTranscriptTurns, findTurnLabels, type TurnLabel } from './transcripts';

/** A quote of one paragraph, offsets relative to the paragraph. */
export interface LocalQuote {
  start: number;
  end: number;
  kind: 'direct' | 'partial';
  attribution: Attribution | null;
}

/** What one paragraph contributes; offsets relative to the paragraph. Opaque outside this module. */
export interface ParagraphQuotes {
  /** Complete quotes, in order. */
  quotes: LocalQuote[];
  /** A quote opened and not closed in this paragraph (it runs to the paragraph's end), if any. */
  openTail: LocalQuote | null;
  /** The mark the paragraph starts with, so it may continue an open quote of the previous one; or null. */
  opensWithMark: string | null;
  /** The mark that opened `openTail`. */
  openTailMark: string | null;
  /** If `openTail`'s mark turns out stray (no paragraph continues it): the quotes after it, paired without it. */
  quotesAfterStrayMark: LocalQuote[];
  /** The paragraph ends in a colon after a cue ("He said:"): an introduction for a quote in the next one. */
  introduces: Attribution | null;
  /** `— Name (@handle) Month D, YYYY` closing the paragraph. */
  postSignature: PostSignature | null;
  /** Ends with sentence punctuation, a link, a hashtag or an emoji (as post text does), not like a headline. */
  endsLikePostText: boolean;
  /** Measured when the paragraph ends like post text and holds no quote: it may be the text of a post below it. */
  postText: PostText | null;
  /** Lines opening with a speaker label (`NAME: …`, `Q: …`): transcript turns if the document has enough. */
  turns: TurnLabel[];
  /** The paragraph is only a signature, `- Dana Holt.`: the name, which signs the quote just before. */
  signsAbove: { start: number; end: number } | null;
}

export function findQuotesInParagraph(paragraph: string): ParagraphQuotes {
  const scan = scanQuotes(paragraph);
  const pairs = mergeFragments(paragraph, scan.pairs.filter((p) => isStatementPair(paragraph, p)));
  const spans: Array<{ start: number; end: number }> = pairs.map((p) => ({ start: p.start, end: p.end }));
  const tail = scan.unclosedOpen ? { start: scan.unclosedOpen.start, end: paragraph.length } : null;
  if (tail) spans.push(tail);
  const attributions = attributeQuotes(paragraph, spans);
  const quotes: LocalQuote[] = pairs.map((p, i) => ({ start: p.start, end: p.end, kind: kindOf(paragraph, p), attribution: attributions[i] }));
  const openTail: LocalQuote | null = tail ? { ...tail, kind: 'direct', attribution: attributions[attributions.length - 1] } : null;
  let quotesAfterStrayMark: LocalQuote[] = [];
  if (scan.unclosedOpen && scan.unclosedOpen.pairsIfStray.length) {
    const inner = mergeFragments(paragraph, scan.unclosedOpen.pairsIfStray.filter((p) => isStatementPair(paragraph, p)));
    const all = [...pairs, ...inner];
    const innerAttributions = attributeQuotes(paragraph, all).slice(pairs.length);
    quotesAfterStrayMark = inner.map((p, i) => ({ start: p.start, end: p.end, kind: kindOf(paragraph, p), attribution: innerAttributions[i] }));
  }
  const mayBePostText = endsLikePostText(paragraph);
  return {
    quotes,
    openTail,
    opensWithMark: scan.opensWithMark,
    openTailMark: scan.unclosedOpen?.mark ?? null,
    quotesAfterStrayMark,
    introduces: introductionAtEnd(paragraph),
    postSignature: findPostSignature(paragraph),
    endsLikePostText: mayBePostText,
    postText: mayBePostText && quotes.length === 0 ? measurePostText(paragraph) : null,
    turns: findTurnLabels(paragraph),
    signsAbove: signatureParagraph(paragraph),
  };
}

const POST_TEXT_ENDING = /(?:[.!?…]["'”’)]?|https?:\/\/\S+|#\w+|\p{Extended_Pictographic}\uFE0F?|[\u{1F1E6}-\u{1F1FF}]{2})$/u;

function endsLikePostText(paragraph: string): boolean {
  // Only the end matters; testing a slice keeps the anchored pattern from scanning the whole paragraph.
  const tail = paragraph.slice(-64);
  return POST_TEXT_ENDING.test(tail) || /https?:\/\/\S+$/.test(paragraph.slice(-300));
}

/** Marks that may delimit a statement: not markup attributes, titles, nicknames or a pronoun talked about. */
function isStatementPair(paragraph: string, pair: QuotePair): boolean {
  return !isMarkupAttribute(paragraph, pair) && !namesSomething(paragraph, pair) && !QUOTED_PRONOUN.test(paragraph.slice(pair.contentStart, pair.contentEnd));
}

/** `because "she" is a "he"`: a lone pronoun in marks is the word itself under discussion, not words someone said. */
const QUOTED_PRONOUN = /^\s*(?:he|she|him|her|it|they|them|we|us|i|me|you)[.,!?]?\s*$/i;

/** A quoted title or nickname: marks around a name, not a statement. */
function namesSomething(paragraph: string, pair: QuotePair): boolean {
  return isQuotedTitle(paragraph, pair.start, pair.end, pair.contentStart, pair.contentEnd) || isQuotedNickname(paragraph, pair.start, pair.end, pair.contentStart, pair.contentEnd);
}

/** `<tweet author="…">`: attribute values of pasted markup are not quotes. */
function isMarkupAttribute(paragraph: string, pair: QuotePair): boolean {
  return paragraph.charCodeAt(pair.start - 1) === 61; // =
}

/**
 * Fragments quoted from one statement within one sentence (`was "disgusting" and "a con"`) form one
 * quote from the first mark to the last, unless a cue or a sentence end separates them.
 */
function mergeFragments(paragraph: string, pairs: readonly QuotePair[]): QuotePair[] {
  const merged: QuotePair[] = [];
  for (const pair of pairs) {
    const previous = merged[merged.length - 1];
    if (previous && sameStatement(paragraph, previous, pair)) {
      merged[merged.length - 1] = { ...previous, end: pair.end, contentEnd: pair.contentEnd };
    } else {
      merged.push(pair);
    }
  }
  return merged;
}

const SEPARATING_GAP = /[.!?:;]\s|[.!?]$|^\s*[.!?]|\n|\baccording\b|^\W*(?:as|or)\W*$|^\W*(?:he|she|they|I|we)\b/;

function sameStatement(paragraph: string, first: QuotePair, second: QuotePair): boolean {
  const gap = paragraph.slice(first.end, second.start);
  if (gap.length > 400 || gap.length === 0) return false;
  const lastQuoted = paragraph.slice(Math.max(first.contentStart, first.contentEnd - 2), first.contentEnd);
  if (/[.!?]\s*$/.test(lastQuoted)) return false;
  return !SEPARATING_GAP.test(gap) && !gap.split(/[^\p{L}]+/u).some(isCueWord);
}

/** 'partial' when the quote sits inside the sentence's own words rather than standing as a statement. */
function kindOf(paragraph: string, pair: QuotePair): 'direct' | 'partial' {
  let i = pair.start - 1;
  while (i >= 0 && (paragraph.charCodeAt(i) === 32 || paragraph.charCodeAt(i) === 0xa0)) i--;
  if (i < 0) return 'direct';
  const before = paragraph[i];
  if (before === ':' || before === ',' || /[.!?"”'’\n—–-]/.test(before)) return 'direct';
  return 'partial';
}

const SIGNATURE_PARAGRAPH = /^[-—―–]+\s*(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3})(?:[,.]|$)/u;

/** `- Dana Holt.` or `—Mayor Clara Diaz, writing after the vote.` as a paragraph of its own. */
function signatureParagraph(paragraph: string): { start: number; end: number } | null {
  if (paragraph.length > 120) return null;
  const m = SIGNATURE_PARAGRAPH.exec(paragraph);
  if (!m) return null;
  const start = m.index + m[0].indexOf(m[1]);
  const name = m[1].replace(/\.$/, '');
  return { start, end: start + name.length };
}

function quoteless(local: ParagraphQuotes): boolean {
  return local.quotes.length === 0 && !local.openTail && !local.postSignature && local.turns.length === 0;
}

/**
 * `Holt said that the pier would stay open all winter.` closing a paragraph with no quote, and a
 * quote opening the next: the reported speaker goes on in her own words. Only when the cue and its
 * subject are in the paragraph's last sentence and the cue is its verb (`X said`, `X told …`).
 */
function reportedAtEnd(paragraph: string): Attribution | null {
  let lineStart = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(paragraph); m; m = SENTENCE_END.exec(paragraph)) lineStart = m.index + m[0].length;
  if (!paragraph.slice(lineStart).split(/[^\p{L}]+/u).some(isCueWord)) return null;
  const found = attributeQuotes(paragraph, [{ start: paragraph.length, end: paragraph.length }])[0];
  if (!found || found.route !== 'before' || found.speaker.start < lineStart) return null;
  return { ...found, route: 'continuation' };
}

/** `X said:` (or `according to X:`) closing a paragraph: the quote follows in the next paragraph. */
function introductionAtEnd(paragraph: string): Attribution | null {
  if (!paragraph.endsWith(':')) return null;
  // The introduction is the last sentence; "Dr. Lee stated:" has a period that ends no sentence.
  let lineStart = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(paragraph); m; m = SENTENCE_END.exec(paragraph)) lineStart = m.index + m[0].length;
  const found = attributeQuotes(paragraph, [{ start: paragraph.length, end: paragraph.length }])[0];
  return found && found.speaker.start >= lineStart ? found : null;
}

/** Document-level pass: joins multi-paragraph quotes and adds embedded posts. */
export function assembleQuotes(
  text: string,
  paragraphs: readonly Paragraph[],
  locals: readonly ParagraphQuotes[],
): QuoteAnnotation[] {
  const out: QuoteAnnotation[] = [];
  let skipFirstOf = -1; // paragraph whose first quote was absorbed into a multi-paragraph quote
  for (let i = 0; i < locals.length; i++) {
    const local = locals[i];
    const offset = paragraphs[i].start;
    local.quotes.forEach((q, qi) => {
      if (qi === 0 && skipFirstOf === i) return;
      let attribution = q.attribution;
      let attributionOffset = offset;
      if (!attribution && qi === 0 && q.start === 0 && i > 0 && locals[i - 1].introduces) {
        attribution = locals[i - 1].introduces;
        attributionOffset = paragraphs[i - 1].start;
      }
      if (!attribution && qi === 0 && q.start === 0 && i > 0 && q.kind === 'direct' && quoteless(locals[i - 1]) && !locals[i + 1]?.signsAbove) {
        attribution = reportedAtEnd(paragraphs[i - 1].text);
        attributionOffset = paragraphs[i - 1].start;
      }
      const annotation = toAnnotation(text, offset + q.start, offset + q.end, q.kind, attribution, attributionOffset);
      if (!attribution && qi === 0 && q.start === 0 && i > 0) continueFromPreviousParagraph(annotation, out, paragraphs[i - 1], text);
      out.push(annotation);
    });
    signLastQuote(out, paragraphs, locals, i, text);
    if (local.openTail) {
      const joined = joinContinuation(locals, i);
      const start = offset + local.openTail.start;
      // Prefer the attribution after the closing mark ("…," she said), then the one before the opening.
      let attribution: Attribution | null = null;
      let attributionOffset = offset;
      if (joined) {
        const closing = locals[joined.paragraph].quotes[0];
        if (closing.attribution && closing.attribution.route !== 'continuation') {
          attribution = closing.attribution;
          attributionOffset = paragraphs[joined.paragraph].start;
        }
      }
      if (!attribution && local.openTail.attribution) attribution = local.openTail.attribution;
      if (!attribution && local.openTail.start === 0 && i > 0 && locals[i - 1].introduces) {
        attribution = locals[i - 1].introduces;
        attributionOffset = paragraphs[i - 1].start;
      }
      if (!joined) {
        // Nothing continues the quote: the mark was stray, and the quotes after it stand on their own.
        for (const q of local.quotesAfterStrayMark) out.push(toAnnotation(text, offset + q.start, offset + q.end, q.kind, q.attribution, offset));
        continue;
      }
      const end = paragraphs[joined.paragraph].start + joined.end;
      out.push(toAnnotation(text, start, end, 'direct', attribution, attributionOffset));
      // The paragraphs in between are inside the quote; the closing one's other quotes come next.
      skipFirstOf = joined.paragraph;
      i = joined.paragraph - 1;
    }
  }
  const posts = findEmbeddedPosts(text, paragraphs, locals);
  const headlineEnd = paragraphs.length > 1 && paragraphs[0].start === firstTextOffset(text) && isHeadline(paragraphs[0].text) ? paragraphs[0].end : -1;
  const doubleStyle = quotesInDoubleMarks(out);
  const kept = out.filter(
    (q) =>
      (q.start >= headlineEnd || isHeadlineStatement(q, text)) &&
      !(doubleStyle && q.cue === null && isSingleMarked(q)) &&
      !posts.some((p) => p.start <= q.start && q.end <= p.end),
  );
  // A transcript turn is one statement: quotes inside it (or a quote run over its lines) are part of it.
  const turns = findTranscriptTurns(text, paragraphs, locals);
  const outsideTurns = turns.length ? kept.filter((q) => !turns.some((t) => t.start < q.end && q.start < t.end)) : kept;
  const quotes = [...outsideTurns, ...turns, ...posts];
  quotes.sort((a, b) => a.start - b.start || a.end - b.end);
  return quotes;
}

/** An unattributed quote closing paragraph `i`, signed by the paragraph after it (`- Dana Holt.`). */
function signLastQuote(out: QuoteAnnotation[], paragraphs: readonly Paragraph[], locals: readonly ParagraphQuotes[], i: number, text: string): void {
  const signature = locals[i + 1]?.signsAbove;
  const last = out[out.length - 1];
  if (!signature || !last || last.speaker || last.end !== paragraphs[i].end) return;
  const start = paragraphs[i + 1].start + signature.start;
  const end = paragraphs[i + 1].start + signature.end;
  last.speaker = { start, end, text: text.slice(start, end) };
}

function isSingleMarked(quote: QuoteAnnotation): boolean {
  return /^['‘‚‹](?!')/.test(quote.text);
}

/**
 * American style: statements in double marks, single marks only inside them and in headlines. In a
 * text written so, an unattributed single-marked phrase at the top level is headline shorthand or a label.
 */
function quotesInDoubleMarks(quotes: readonly QuoteAnnotation[]): boolean {
  let single = 0;
  for (const q of quotes) if (isSingleMarked(q)) single++;
  return quotes.length - single > 2 * single;
}

function firstTextOffset(text: string): number {
  return text.length - text.trimStart().length;
}

/**
 * Headlines quote in single marks; a double-quoted quote in one is a statement still when it is
 * attributed or opens its line (a file that starts with a quote: `"We will not cooperate," …`), and
 * so is a single-quoted one that does both (`'We will not cooperate,' the agency said.`).
 */
function isHeadlineStatement(quote: QuoteAnnotation, text: string): boolean {
  if (/^['‘‚‹]/.test(quote.text)) return quote.cue !== null && startsLine(text, quote.start);
  return quote.cue !== null || startsLine(text, quote.start);
}

function startsLine(text: string, index: number): boolean {
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  return text.slice(lineStart, index).trim() === '';
}

/**
 * A headline quotes in shorthand ('Terrifying'), a word or a phrase lifted from the story below, so
 * its marks do not delimit a statement. A headline: the first paragraph, one short line of one
 * sentence, perhaps with a deck of one or two more such lines ("Trump tries new 'chapter'; \nAs nominee …").
 */
function isHeadline(paragraph: string): boolean {
  if (paragraph.length > 400) return false;
  const lines = paragraph.split('\n');
  return lines.length <= 3 && lines.every((line) => line.length <= 160 && !SENTENCE_INSIDE_LINE.test(line));
}

const SENTENCE_END = /(?<!\b(?:Dr|Mr|Mrs|Ms|St|Sen|Rep|Gov|Gen|Lt|Col|Jr|Sr|Rev|Prof|No|vs|\p{Lu}))[.!?]["'”’]?\s+(?=\S)/gu;

/** A sentence end followed by more words; "Dr. Ben Carson" and "U.S. troops" are abbreviations, not ends. */
const SENTENCE_INSIDE_LINE = /(?<!\b(?:Dr|Mr|Mrs|Ms|St|Sen|Rep|Gov|Gen|Lt|Col|Jr|Sr|Rev|Prof|No|vs|\p{Lu}))[.!?]["'”’]?\s+\S/u;

/**
 * `"…," he said.` closing one paragraph and an unattributed quote opening the next: the speaker goes on.
 * Only when the previous paragraph ends with that attributed quote and its attribution.
 */
function continueFromPreviousParagraph(quote: QuoteAnnotation, earlier: readonly QuoteAnnotation[], previous: Paragraph, text: string): void {
  const last = earlier[earlier.length - 1];
  if (!last || !last.speaker || last.cue === null || last.start < previous.start || last.speaker.start < previous.start) return;
  // A single-marked line after double-marked quotes is a subhead ('A hard winter.'), not more of the same voice.
  if (isSingleMarked(quote) !== isSingleMarked(last)) return;
  // The attribution's sentence must close the paragraph (`…," said X, the author of a book.`): no new sentence after it.
  const after = text.slice(last.end, previous.end);
  if (after.length > 400 || SENTENCE_INSIDE_LINE.test(after)) return;
  quote.speaker = { ...last.speaker };
  quote.cue = last.cue;
}

/** Where the quote left open in paragraph `i` closes: the first quote of a later paragraph that opens with a mark. */
function joinContinuation(locals: readonly ParagraphQuotes[], i: number): { paragraph: number; end: number } | null {
  // Continuation paragraphs re-open with the same mark; a different one ('"' after '“') starts a new quote.
  const mark = locals[i].openTailMark;
  for (let j = i + 1; j < locals.length && locals[j].opensWithMark === mark; j++) {
    const first = locals[j].quotes[0];
    if (first && first.start === 0) return { paragraph: j, end: first.end };
    if (!locals[j].openTail || locals[j].openTail!.start !== 0) return null;
  }
  return null;
}

function toAnnotation(
  text: string,
  start: number,
  end: number,
  kind: 'direct' | 'partial',
  attribution: Attribution | null,
  attributionOffset: number,
): QuoteAnnotation {
  let speaker: TextSpan | null = null;
  if (attribution) {
    const s = attribution.speaker.start + attributionOffset;
    speaker = { start: s, end: s + attribution.speaker.text.length, text: attribution.speaker.text };
  }
  return { type: 'quote', start, end, text: text.slice(start, end), speaker, resolved: null, resolvedKind: null, cue: attribution?.cue ?? null, kind };
}
