/**
 * What must hold for any input, as assertion helpers shared by the property tests, the fuzz entry
 * and the huge-input tests. Each throws an AssertionError naming the offending range.
 */
import { strict as assert } from 'node:assert';
import type { DocumentSymbol, Hover, Position, Range } from 'vscode-languageserver-types';
import type { AnalysisResult, TextSpan } from '../../server/src/analysis/annotation';
import type { TokenSegment } from '../../server/src/features/semanticTokens';

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when `offset` falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset));
}

function describe(span: { start: number; end: number }, text: string): string {
  return `[${span.start}, ${span.end}) ${JSON.stringify(text.slice(Math.max(0, span.start - 10), span.end + 10))}`;
}

/** An offset range inside `text`, start ≤ end, not cutting a surrogate pair. */
export function assertOffsetRange(text: string, span: { start: number; end: number }, what: string): void {
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${what}: integer offsets ${describe(span, text)}`);
  assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, `${what}: inside the text (length ${text.length}) ${describe(span, text)}`);
  assert.ok(!splitsSurrogatePair(text, span.start), `${what}: start splits a surrogate pair ${describe(span, text)}`);
  assert.ok(!splitsSurrogatePair(text, span.end), `${what}: end splits a surrogate pair ${describe(span, text)}`);
}

export function assertTextSpan(text: string, span: TextSpan, what: string): void {
  assertOffsetRange(text, span, what);
  assert.equal(span.text, text.slice(span.start, span.end), `${what}: text equals text.slice(start, end) ${describe(span, text)}`);
}

/** Every annotation (and quote speaker) is a true slice of the text, sorted by start then end. */
export function assertAnalysisInvariants(text: string, result: AnalysisResult): void {
  assert.match(result.publicationDate.value, /^\d{4}-\d{2}-\d{2}$/, 'publication date is YYYY-MM-DD');
  if (result.publicationDate.span) assertOffsetRange(text, result.publicationDate.span, 'publication date span');
  let previous: { start: number; end: number } | undefined;
  for (const annotation of result.annotations) {
    assertTextSpan(text, annotation, annotation.type);
    assert.ok(annotation.end > annotation.start, `${annotation.type} is not empty ${describe(annotation, text)}`);
    if (previous) {
      assert.ok(previous.start < annotation.start || (previous.start === annotation.start && previous.end <= annotation.end), `annotations sorted by start, then end: ${describe(previous, text)} before ${describe(annotation, text)}`);
    }
    previous = annotation;
    if (annotation.type === 'agency') {
      assert.ok(typeof annotation.canonical === 'string' && annotation.canonical.length > 0, `agency canonical ${describe(annotation, text)}`);
      assert.equal(typeof annotation.category, 'string');
    } else if (annotation.type === 'date') {
      assert.ok(typeof annotation.value === 'string' && annotation.value.length > 0, `date value ${describe(annotation, text)}`);
    } else {
      if (annotation.speaker) {
        assertTextSpan(text, annotation.speaker, 'quote speaker');
        assert.ok(annotation.speaker.end > annotation.speaker.start, `quote speaker is not empty ${describe(annotation.speaker, text)}`);
      }
      assert.ok(annotation.resolved === null || typeof annotation.resolved === 'string', 'quote resolved is a string or null');
      assert.equal(annotation.resolvedKind === null, annotation.resolved === null, `a resolved speaker has a kind, and only then ${describe(annotation, text)}`);
      if (annotation.entity !== undefined) {
        const entity = result.entities[annotation.entity];
        assert.ok(entity && entity.id === annotation.entity, `quote entity ${annotation.entity} is in the table`);
        assert.equal(annotation.resolved, entity.name, 'a quote credited to an entity carries its name');
      }
    }
  }
  result.entities.forEach((entity, index) => {
    assert.equal(entity.id, index, 'entity ids are their indices');
    assert.ok(entity.name.length > 0, 'an entity has a name');
    let previousStart = -1;
    for (const mention of entity.mentions) {
      assertOffsetRange(text, mention, `mention of ${entity.name}`);
      assert.ok(mention.end > mention.start, `mention of ${entity.name} is not empty`);
      assert.equal(mention.entity, index, `mention of ${entity.name} points back to it`);
      assert.ok(mention.start >= previousStart, `mentions of ${entity.name} sorted by start`);
      previousStart = mention.start;
    }
  });
}

/** Lines as an LSP client counts them: split at CRLF, CR and LF only. */
export function linesOf(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Segments are in order, non-overlapping, non-empty, inside the text and free of line breaks. */
export function assertSegmentInvariants(text: string, segments: readonly TokenSegment[]): void {
  let previousEnd = 0;
  for (const segment of segments) {
    assertOffsetRange(text, segment, `${segment.type} segment`);
    assert.ok(segment.end > segment.start, `${segment.type} segment is not empty ${describe(segment, text)}`);
    assert.ok(segment.start >= previousEnd, `segments in order without overlap ${describe(segment, text)}`);
    assert.ok(!/[\r\n]/.test(text.slice(segment.start, segment.end)), `segment lies on one line ${describe(segment, text)}`);
    previousEnd = segment.end;
  }
}

/** Decodes LSP relative tokens and checks each is on one line, inside it, in order and not overlapping. */
export function assertEncodedTokens(text: string, data: readonly number[], typeCount: number): Array<{ line: number; character: number; length: number }> {
  assert.equal(data.length % 5, 0, 'tokens come in fives');
  const lines = linesOf(text);
  const lineStarts = lineStartOffsets(text, lines);
  const tokens: Array<{ line: number; character: number; length: number }> = [];
  let line = 0;
  let character = 0;
  let previousEnd = -1;
  let previousLine = -1;
  for (let i = 0; i < data.length; i += 5) {
    const [deltaLine, deltaStart, length, type] = data.slice(i, i + 5);
    assert.ok(deltaLine >= 0 && deltaStart >= 0 && length > 0, `token ${i / 5}: non-negative deltas and a positive length (${data.slice(i, i + 5)})`);
    assert.ok(type >= 0 && type < typeCount, `token ${i / 5}: known type ${type}`);
    line += deltaLine;
    character = deltaLine === 0 ? character + deltaStart : deltaStart;
    assert.ok(line < lines.length, `token ${i / 5}: line ${line} exists (${lines.length} lines)`);
    assert.ok(character + length <= lines[line].length, `token ${i / 5} at ${line}:${character}+${length} fits its line of ${lines[line].length}`);
    if (line === previousLine) assert.ok(character >= previousEnd, `token ${i / 5} at ${line}:${character} does not overlap the previous one ending at ${previousEnd}`);
    const start = lineStarts[line] + character;
    assertOffsetRange(text, { start, end: start + length }, `token ${i / 5}`);
    previousLine = line;
    previousEnd = character + length;
    tokens.push({ line, character, length });
  }
  return tokens;
}

/** A position that names a real place: an existing line, at most at its end (never inside a CRLF). */
export function assertPosition(lines: readonly string[], position: Position, what: string): void {
  assert.ok(Number.isInteger(position.line) && Number.isInteger(position.character), `${what}: integer position`);
  assert.ok(position.line >= 0 && position.line < lines.length, `${what}: line ${position.line} exists (${lines.length} lines)`);
  assert.ok(position.character >= 0 && position.character <= lines[position.line].length, `${what}: character ${position.character} inside line ${position.line} of length ${lines[position.line].length}`);
}

function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function assertRange(text: string, lines: readonly string[], range: Range, what: string): void {
  assertPosition(lines, range.start, `${what} start`);
  assertPosition(lines, range.end, `${what} end`);
  assert.ok(comparePositions(range.start, range.end) <= 0, `${what}: start ≤ end ${JSON.stringify(range)}`);
  assertRangeOffsetsWhole(text, lines, range, what);
}

/** The offsets a range stands for do not cut a surrogate pair. */
function assertRangeOffsetsWhole(text: string, lines: readonly string[], range: Range, what: string): void {
  const offsets = lineStartOffsets(text, lines);
  for (const [end, position] of [['start', range.start], ['end', range.end]] as const) {
    const offset = offsets[position.line] + position.character;
    assert.ok(!splitsSurrogatePair(text, offset), `${what} ${end} splits a surrogate pair at ${offset}`);
  }
}

const lineStartCache = new WeakMap<readonly string[], number[]>();
function lineStartOffsets(text: string, lines: readonly string[]): number[] {
  let starts = lineStartCache.get(lines);
  if (!starts) {
    starts = [];
    for (let i = 0, offset = 0; i < lines.length; i++) {
      starts.push(offset);
      offset += lines[i].length + (text.startsWith('\r\n', offset + lines[i].length) ? 2 : 1);
    }
    lineStartCache.set(lines, starts);
  }
  return starts;
}

function contains(outer: Range, inner: Range): boolean {
  return comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;
}

export function assertHover(text: string, lines: readonly string[], result: Hover | null): void {
  if (!result) return;
  const contents = result.contents as { kind?: string; value?: string };
  assert.equal(typeof contents.value, 'string', 'hover has markdown contents');
  if (result.range) assertRange(text, lines, result.range, 'hover range');
}

/** Every symbol's range lies in the document, its selection inside its range, its children inside it. */
export function assertSymbols(text: string, lines: readonly string[], symbols: readonly DocumentSymbol[], parent?: DocumentSymbol): void {
  for (const symbol of symbols) {
    assert.equal(typeof symbol.name, 'string');
    assert.ok(symbol.name.length > 0, 'a symbol has a non-empty name (VS Code rejects empty ones)');
    assertRange(text, lines, symbol.range, `symbol ${JSON.stringify(symbol.name)} range`);
    assertRange(text, lines, symbol.selectionRange, `symbol ${JSON.stringify(symbol.name)} selection`);
    assert.ok(contains(symbol.range, symbol.selectionRange), `symbol ${JSON.stringify(symbol.name)}: selection ${JSON.stringify(symbol.selectionRange)} inside range ${JSON.stringify(symbol.range)}`);
    if (parent) assert.ok(contains(parent.range, symbol.range), `symbol ${JSON.stringify(symbol.name)} inside its parent ${JSON.stringify(parent.name)}`);
    if (symbol.children) assertSymbols(text, lines, symbol.children, symbol);
  }
}
