import type { SemanticTokens, SemanticTokensDelta, SemanticTokensEdit, SemanticTokensLegend } from 'vscode-languageserver-types';
import type { AnalysisResult, Annotation } from '../analysis/annotation';
import { firstStartingAtOrAfter } from '../analysis/text/sortedSpans';
import type { NewsDocument } from './newsDocument';

/** Token types, in legend order; the manifest declares the same names in `semanticTokenTypes`. */
export const TOKEN_TYPES = ['agency', 'date', 'quote', 'speaker'] as const;
export type TokenType = (typeof TOKEN_TYPES)[number];
/**
 * `relative`: a date resolved against the publication date; `partial`/`post`: kinds of quote; `speaker`: an
 * agency that speaks, which keeps the agency colour (a person who speaks is a `speaker` token).
 */
export const TOKEN_MODIFIERS = ['relative', 'partial', 'post', 'speaker'] as const;
const SPEAKER_MODIFIER = 1 << TOKEN_MODIFIERS.indexOf('speaker');

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = {
  tokenTypes: [...TOKEN_TYPES],
  tokenModifiers: [...TOKEN_MODIFIERS],
};

export interface TokenSegment {
  start: number;
  end: number;
  type: TokenType;
  modifiers: number;
}

const TYPE_INDEX: Record<TokenType, number> = { agency: 0, date: 1, quote: 2, speaker: 3 };
const OVERLAY_PRIORITY: Record<TokenType, number> = { speaker: 3, agency: 2, date: 1, quote: 0 };

/**
 * Non-overlapping, single-line segments in document order. Tokens cannot overlap, so mentions
 * inside a quote (a speaker, an agency, a date) cut the quote's token around them.
 */
export function tokenSegments(text: string, analysis: Pick<AnalysisResult, 'annotations'>): TokenSegment[] {
  const overlays: TokenSegment[] = [];
  const quotes: TokenSegment[] = [];
  const agencyNames = new Set<string>();
  // The agencies in document order, searched for a speaker's span: a set of span keys cost a heap number per agency.
  const agencies: Annotation[] = [];
  for (const annotation of analysis.annotations) {
    if (annotation.type !== 'agency') continue;
    agencyNames.add(annotation.canonical);
    agencies.push(annotation);
  }
  for (const annotation of analysis.annotations) {
    if (annotation.type === 'quote') {
      quotes.push({ start: annotation.start, end: annotation.end, type: 'quote', modifiers: modifiersOf(annotation) });
      const speaker = annotation.speaker;
      if (speaker) {
        const isAgency = (annotation.resolved !== null && agencyNames.has(annotation.resolved)) || spansAgency(agencies, speaker.start, speaker.end);
        overlays.push(
          isAgency
            ? { start: speaker.start, end: speaker.end, type: 'agency', modifiers: SPEAKER_MODIFIER }
            : { start: speaker.start, end: speaker.end, type: 'speaker', modifiers: 0 },
        );
      }
    } else {
      overlays.push({ start: annotation.start, end: annotation.end, type: annotation.type, modifiers: modifiersOf(annotation) });
    }
  }
  const mentions = withoutOverlaps(overlays.sort(byStartThenPriority));
  const segments = cutAround(withoutOverlaps(quotes.sort(byStartThenPriority)), mentions);
  return splitAtLineBreaks(text, segments);
}

/** An agency annotation covers exactly this span. `agencies` are in document order (by start), as every analysis gives them. */
function spansAgency(agencies: readonly Annotation[], start: number, end: number): boolean {
  for (let i = firstStartingAtOrAfter(agencies, start); i < agencies.length && agencies[i].start === start; i++) if (agencies[i].end === end) return true;
  return false;
}

export function encodeSemanticTokens(document: NewsDocument, segments: readonly TokenSegment[], resultId?: string): SemanticTokens {
  // Written by index into an array of its final length: pushing five numbers at a time cost four times as
  // much on 1 MB (19,000 tokens), most of it growing the array.
  const data: number[] = new Array<number>(segments.length * 5);
  // Segments come in document order (as tokenSegments and segmentsInRange give them; LSP tokens must be), so their
  // lines are found by walking the line starts once, not by a binary search for each.
  const lineCount = document.lineCount;
  let line = 0;
  let lineStart = 0;
  let nextLineStart = lineCount > 1 ? document.offsetAt({ line: 1, character: 0 }) : Infinity;
  let previousLine = 0;
  let previousCharacter = 0;
  let at = 0;
  for (const segment of segments) {
    while (segment.start >= nextLineStart) {
      line++;
      lineStart = nextLineStart;
      nextLineStart = line + 1 < lineCount ? document.offsetAt({ line: line + 1, character: 0 }) : Infinity;
    }
    const character = segment.start - lineStart;
    const deltaLine = line - previousLine;
    data[at++] = deltaLine;
    data[at++] = deltaLine === 0 ? character - previousCharacter : character;
    data[at++] = segment.end - segment.start;
    data[at++] = TYPE_INDEX[segment.type];
    data[at++] = segment.modifiers;
    previousLine = line;
    previousCharacter = character;
  }
  return resultId === undefined ? { data } : { resultId, data };
}

/** Segments that intersect [start, end). */
export function segmentsInRange(segments: readonly TokenSegment[], start: number, end: number): TokenSegment[] {
  let low = 0;
  let high = segments.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (segments[mid].end <= start) low = mid + 1;
    else high = mid;
  }
  const found: TokenSegment[] = [];
  for (let i = low; i < segments.length && segments[i].start < end; i++) found.push(segments[i]);
  return found;
}

/** One edit that replaces the differing middle of two token arrays; small edits give small deltas. */
export function semanticTokensDelta(previous: readonly number[], current: readonly number[], resultId: string): SemanticTokensDelta {
  let prefix = 0;
  const shorter = Math.min(previous.length, current.length);
  while (prefix < shorter && previous[prefix] === current[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < shorter - prefix &&
    previous[previous.length - 1 - suffix] === current[current.length - 1 - suffix]
  ) suffix++;
  // Keep edits aligned to whole tokens (5 integers each) so clients that apply them literally stay sane.
  prefix -= prefix % 5;
  suffix -= suffix % 5;
  const deleteCount = previous.length - prefix - suffix;
  const data = current.slice(prefix, current.length - suffix);
  const edits: SemanticTokensEdit[] = deleteCount === 0 && data.length === 0 ? [] : [{ start: prefix, deleteCount, data }];
  return { resultId, edits };
}

function modifiersOf(annotation: Annotation): number {
  if (annotation.type === 'date') return annotation.resolution === 'explicit' ? 0 : 1;
  if (annotation.type === 'quote') return annotation.kind === 'partial' ? 2 : annotation.kind === 'post' ? 4 : 0;
  return 0;
}

function byStartThenPriority(a: TokenSegment, b: TokenSegment): number {
  return a.start - b.start || priorityOf(b) - priorityOf(a) || b.end - a.end;
}

/** A speaking agency ranks with speakers, so the agency mention under it does not hide that it speaks. */
function priorityOf(segment: TokenSegment): number {
  return segment.modifiers & SPEAKER_MODIFIER ? OVERLAY_PRIORITY.speaker : OVERLAY_PRIORITY[segment.type];
}

function withoutOverlaps(sorted: readonly TokenSegment[]): TokenSegment[] {
  const kept: TokenSegment[] = [];
  for (const segment of sorted) {
    if (segment.end <= segment.start) continue;
    const last = kept[kept.length - 1];
    if (last && segment.start < last.end) continue;
    kept.push(segment);
  }
  return kept;
}

/** Quote segments with the mention segments cut out of them, merged with the mentions, in order. */
function cutAround(quotes: readonly TokenSegment[], mentions: readonly TokenSegment[]): TokenSegment[] {
  const out: TokenSegment[] = [];
  let m = 0;
  // A mention may run past the end of its quote into the next one; no quote piece may start before it ends.
  let mentionsEnd = 0;
  for (const quote of quotes) {
    while (m < mentions.length && mentions[m].end <= quote.start) out.push(mentions[m++]);
    let cursor = Math.max(quote.start, mentionsEnd);
    while (m < mentions.length && mentions[m].start < quote.end) {
      const mention = mentions[m++];
      if (mention.start > cursor) out.push({ ...quote, start: cursor, end: mention.start });
      out.push(mention);
      cursor = Math.max(cursor, mention.end);
      mentionsEnd = mention.end;
    }
    if (cursor < quote.end) out.push({ ...quote, start: cursor, end: quote.end });
  }
  while (m < mentions.length) out.push(mentions[m++]);
  return out;
}

/** LSP tokens live on one line; trailing and leading whitespace of each line piece is dropped. */
function splitAtLineBreaks(text: string, segments: readonly TokenSegment[]): TokenSegment[] {
  const out: TokenSegment[] = [];
  // The next \n and \r at or after the current segment, found by the engine's own search and kept while the
  // segments (in document order) stay before them: each search starts past the last, so together they read
  // the text once, and a segment without a break needs no scan of its own.
  let nextLineFeed = -1;
  let nextReturn = -1;
  for (const segment of segments) {
    if (nextLineFeed < segment.start) nextLineFeed = indexOrLength(text, '\n', segment.start);
    if (nextReturn < segment.start) nextReturn = indexOrLength(text, '\r', segment.start);
    const nextBreak = Math.min(nextLineFeed, nextReturn);
    if (nextBreak >= segment.end) {
      pushTrimmed(text, segment, segment.start, segment.end, out);
      continue;
    }
    let pieceStart = segment.start;
    for (let i = segment.start; i <= segment.end; i++) {
      const code = i < segment.end ? text.charCodeAt(i) : -1;
      if (code === 10 || code === 13 || code === -1) {
        pushTrimmed(text, segment, pieceStart, i, out);
        pieceStart = i + 1;
      }
    }
  }
  return out;
}

function indexOrLength(text: string, character: string, from: number): number {
  const found = text.indexOf(character, from);
  return found < 0 ? text.length : found;
}

function pushTrimmed(text: string, segment: TokenSegment, start: number, end: number, out: TokenSegment[]): void {
  let s = start;
  let e = end;
  while (s < e && isBlank(text.charCodeAt(s))) s++;
  while (e > s && isBlank(text.charCodeAt(e - 1))) e--;
  if (e > s) out.push(s === segment.start && e === segment.end ? segment : { ...segment, start: s, end: e });
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0;
}
