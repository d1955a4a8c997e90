/**
 * The properties themselves, shared by the mocha suite (fixed case counts) and `npm run fuzz`
 * (as many cases as asked). Each predicate counts itself so that runs report how many cases they tried.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-types';
import { annotate, clearAnalysisCache } from '../../server/src/analysis/annotate';
import type { AnalysisResult, AnnotateOptions, Annotation, TextSpan } from '../../server/src/analysis/annotation';
import { firstScreenAnnotations } from '../../server/src/analysis/firstScreen';
import { AnnotationIndex } from '../../server/src/features/annotationIndex';
import { CHECK_CODES, type CheckCode, type CheckLevel } from '../../server/src/features/checks/check';
import { quickFixes } from '../../server/src/features/codeActions';
import { runChecks, toDiagnostics } from '../../server/src/features/diagnostics';
import { documentHighlights } from '../../server/src/features/documentHighlights';
import { documentSymbols } from '../../server/src/features/documentSymbols';
import { hover } from '../../server/src/features/hover';
import { inlayHints } from '../../server/src/features/inlayHints';
import { documentHead } from '../../server/src/features/newsDocument';
import { encodeSemanticTokens, SEMANTIC_TOKENS_LEGEND, segmentsInRange, tokenSegments, type TokenSegment } from '../../server/src/features/semanticTokens';
import { annotateOptions, applyEdit, article, customAgencyOptions, edit, type Edit } from './arbitraries';
import { assertAnalysisInvariants, assertEncodedTokens, assertHover, assertRange, assertSegmentInvariants, assertSymbols, linesOf, splitsSurrogatePair } from './invariants';

let casesRun = 0;

/** Cases tried so far in this process, shrinking included. */
export function caseCount(): number {
  return casesRun;
}

export function countCase(): void {
  casesRun++;
}

/** annotate() never throws and every range it returns is a true, whole-character slice of the text. */
export function annotationRanges(optionsArbitrary = annotateOptions): fc.IProperty<[string, AnnotateOptions, number, number]> {
  return fc.property(article, optionsArbitrary, fc.nat(), fc.nat(), (text, options, a, b) => {
    countCase();
    assertAnalysisInvariants(text, annotate(text, options));
    // A partial analysis (what the server does for huge files) obeys the same rules.
    const start = a % (text.length + 1);
    const end = start + (b % (text.length - start + 1));
    assertAnalysisInvariants(text, annotate(text, { ...options, range: { start, end } }));
  });
}

/**
 * The first screen, painted before the analysis loads, shows what the whole analysis will: over the whole text
 * its dates and quotes are the analysis's own (quotes without their speakers); over a window, each of its
 * dates is one the analysis of that window finds, and so is each quote's span.
 */
export function firstScreenMatchesTheAnalysis(): fc.IProperty<[string, AnnotateOptions, number, number]> {
  return fc.property(article, annotateOptions, fc.nat(), fc.nat(), (text, options, a, b) => {
    countCase();
    const datesAndQuotes = (annotations: readonly Annotation[]): string[] =>
      annotations
        .filter((annotation) => annotation.type === 'date' || annotation.type === 'quote')
        .map((annotation) => (annotation.type === 'date' ? `date ${annotation.start}-${annotation.end} ${annotation.value}` : `quote ${annotation.start}-${annotation.end} ${annotation.kind}`));
    const whole = firstScreenAnnotations(text, 0, text.length, options.publicationDate);
    assert.deepEqual(datesAndQuotes(whole), datesAndQuotes(annotate(text, options).annotations));
    assert.ok(whole.every((annotation) => annotation.type !== 'quote' || annotation.speaker === null), 'no speakers before the analysis');
    const start = a % (text.length + 1);
    const end = start + (b % (text.length - start + 1));
    const windowed = datesAndQuotes(firstScreenAnnotations(text, start, end, options.publicationDate));
    assert.deepEqual(windowed, datesAndQuotes(annotate(text, { ...options, range: { start, end } }).annotations));
  });
}

/**
 * The head of a document that answers the first screen: every position on its lines and every offset inside it
 * is where the whole document puts it, whatever mix of \n, \r\n and lone \r the lines end with.
 */
export function documentHeadMatchesTheDocument(): fc.IProperty<[string, number, Array<{ line: number; character: number }>, number[]]> {
  const lineBreaks = fc.stringMatching(/^(?:[a-z "“”]{0,6}(?:\r\n|\r|\n)){0,12}[a-z "]{0,6}$/);
  const text = fc.oneof(lineBreaks, article);
  const position = fc.record({ line: fc.integer({ min: -1, max: 14 }), character: fc.integer({ min: -1, max: 12 }) });
  return fc.property(text, fc.integer({ min: 0, max: 14 }), fc.array(position, { maxLength: 8 }), fc.array(fc.nat(), { maxLength: 8 }), (content, lastLine, positions, offsets) => {
    countCase();
    const document = TextDocument.create('file:///head.news', 'news', 1, content);
    const head = documentHead(document, lastLine);
    const length = head.getText().length;
    assert.equal(content.slice(0, length), head.getText());
    // The head ends where a line of the document starts (or at the end): it never cuts a line or a \r\n.
    assert.ok(length === content.length || document.positionAt(length).character === 0);
    for (const { line, character } of positions) {
      if (line > lastLine) continue;
      assert.equal(head.offsetAt({ line, character }), document.offsetAt({ line, character }), `offset of ${line}:${character}`);
    }
    for (const offset of offsets) {
      if (length === 0) break;
      const inside = offset % length;
      assert.deepEqual(head.positionAt(inside), document.positionAt(inside), `position of ${inside}`);
    }
  });
}

/**
 * The encoder walks the line starts once, in the segments' order: its tokens are where the document's own
 * `positionAt` puts each segment, for the whole text and for any range of it, with \n, \r\n or a lone \r, for
 * segments as the server cuts them (inside the text, never starting in a line break).
 */
export function encodedTokensMatchPositions(): fc.IProperty<[string, number, number]> {
  const lineBreaks = fc.stringMatching(/^(?:[A-Za-z "“”]{0,12}(?:\r\n|\r|\n)){0,12}[A-Za-z "]{0,12}$/);
  return fc.property(fc.oneof(article, lineBreaks), fc.nat(), fc.nat(), (text, a, b) => {
    countCase();
    const document = TextDocument.create('file:///tokens.news', 'news', 1, text);
    const segments = tokenSegments(text, annotate(text));
    // Arbitrary single-line spans as well, so that short texts still have tokens to place.
    const spans: TokenSegment[] = [];
    for (let start = 0; start < text.length; start += 1 + ((a + start) % 7)) {
      const end = Math.min(text.length, start + 1 + ((b + start) % 3));
      if (!/[\r\n]/.test(text.slice(start, end))) spans.push({ start, end, type: 'date', modifiers: 0 });
    }
    const cut = text.length === 0 ? 0 : a % (text.length + 1);
    for (const list of [segments, spans, segmentsInRange(segments, cut, cut + (b % 200)), spans.slice(a % (spans.length + 1))]) {
      assert.deepEqual(encodeSemanticTokens(document, list).data, encodedByPositionAt(document, list));
    }
  });
}

function encodedByPositionAt(document: TextDocument, segments: readonly TokenSegment[]): number[] {
  const data: number[] = [];
  let previous = { line: 0, character: 0 };
  for (const segment of segments) {
    const position = document.positionAt(segment.start);
    const deltaLine = position.line - previous.line;
    data.push(deltaLine, deltaLine === 0 ? position.character - previous.character : position.character, segment.end - segment.start, SEMANTIC_TOKENS_LEGEND.tokenTypes.indexOf(segment.type), segment.modifiers);
    previous = position;
  }
  return data;
}

/** The same with the user's own agencies (names with quotes, emoji, combining marks) in the lexicon. */
export function annotationRangesWithCustomAgencies(): fc.IProperty<[string, AnnotateOptions, number, number]> {
  return annotationRanges(customAgencyOptions);
}

/** Semantic tokens, hovers, highlights and the outline stay inside the document for any article. */
export function featureRanges(): fc.IProperty<[string, Array<{ line: number; character: number }>]> {
  const position = fc.record({ line: fc.integer({ min: -1, max: 60 }), character: fc.integer({ min: -1, max: 400 }) });
  return fc.property(article, fc.array(position, { maxLength: 6 }), (text, positions) => {
    countCase();
    checkFeatures(text, annotate(text), positions);
  });
}

/** Checks every feature over one analysis; hovers at the given positions and at every annotation's edges. */
export function checkFeatures(text: string, analysis: AnalysisResult, positions: readonly Position[] = []): void {
  const document = TextDocument.create('file:///property.news', 'news', 1, text);
  const lines = linesOf(text);
  assert.equal(document.lineCount, lines.length, 'the test and the document agree on lines');
  const segments = tokenSegments(text, analysis);
  assertSegmentInvariants(text, segments);
  assertEncodedTokens(text, encodeSemanticTokens(document, segments).data, SEMANTIC_TOKENS_LEGEND.tokenTypes.length);
  const index = new AnnotationIndex(analysis);
  const probes: Position[] = [...positions];
  for (const annotation of analysis.annotations.slice(0, 50)) {
    probes.push(document.positionAt(annotation.start), document.positionAt(annotation.end));
    if (annotation.type === 'quote' && annotation.speaker) probes.push(document.positionAt(annotation.speaker.start));
  }
  for (const probe of probes) {
    assertHover(text, lines, hover(document, index, probe));
    for (const highlight of documentHighlights(document, index, probe)) assertRange(text, lines, highlight.range, 'highlight');
  }
  assertSymbols(text, lines, documentSymbols(document, index));
  checkDiagnosticsAndHints(text, analysis, document, lines);
}

const EVERY_CHECK_ON = Object.fromEntries(CHECK_CODES.map((code) => [code, 'warning'])) as Record<CheckCode, CheckLevel>;

/** Diagnostics (with their related locations and quick-fix edits) and inlay hints name real, whole-character places. */
function checkDiagnosticsAndHints(text: string, analysis: AnalysisResult, document: TextDocument, lines: readonly string[]): void {
  const diagnostics = toDiagnostics(document, runChecks(text, analysis, { publicationDateFromSetting: false }), EVERY_CHECK_ON);
  for (const diagnostic of diagnostics) {
    assertRange(text, lines, diagnostic.range, `diagnostic ${String(diagnostic.code)}`);
    for (const related of diagnostic.relatedInformation ?? []) assertRange(text, lines, related.location.range, `related location of ${String(diagnostic.code)}`);
  }
  for (const action of quickFixes(document, diagnostics, '2022-03-03')) {
    for (const change of action.edit?.changes?.[document.uri] ?? []) assertRange(text, lines, change.range, `quick fix ${action.title}`);
  }
  for (const hint of inlayHints(document, analysis, 0, text.length, { dates: true, speakers: true })) {
    assertRange(text, lines, { start: hint.position, end: hint.position }, `inlay hint ${String(hint.label)}`);
  }
}

/**
 * The per-paragraph memo never leaks one version's results into another: after annotating every
 * intermediate text of an edit sequence, the final text gets exactly what a cold cache gives.
 */
export function incrementalEqualsFresh(): fc.IProperty<[string, Array<[Edit, AnnotateOptions]>, AnnotateOptions]> {
  // Intermediate versions are analysed with their own options too (a publication date setting that changed), so
  // memo entries made under one publication date must not answer for another.
  return fc.property(article, fc.array(fc.tuple(edit, annotateOptions), { minLength: 1, maxLength: 6 }), annotateOptions, (initial, edits, options) => {
    countCase();
    let text = initial;
    annotate(text, options);
    for (const [change, stepOptions] of edits) {
      text = applyEdit(text, change);
      annotate(text, stepOptions);
    }
    const warm = annotate(text, options);
    clearAnalysisCache();
    const cold = annotate(text, options);
    assert.deepEqual(warm, cold);
    assertAnalysisInvariants(text, cold);
  });
}

interface RawSpan {
  type: 'agency' | 'date' | 'quote';
  a: number;
  b: number;
  speaker: { a: number; b: number } | null;
  canonical: 'NASA' | 'Roscosmos' | '';
  value: string;
}

const rawSpan: fc.Arbitrary<RawSpan> = fc.record({
  type: fc.constantFrom('agency', 'date', 'quote'),
  a: fc.nat(),
  b: fc.oneof(fc.nat({ max: 12 }), fc.nat()),
  speaker: fc.option(fc.record({ a: fc.nat(), b: fc.nat({ max: 20 }) })),
  canonical: fc.constantFrom('NASA', 'Roscosmos', ''),
  value: fc.constantFrom('2022-03-03', '2022-W09', '2022-Q1', '199', '19', 'PAST_REF', 'FUTURE_REF', '2022-SU', 'garbage', '9999-99-99'),
});

/**
 * The features accept any analysis that obeys the annotation contract, not only the ones today's
 * taggers produce: overlapping annotations, speakers outside their quote, spans across line breaks.
 */
export function featuresOverAnyAnalysis(): fc.IProperty<[string, RawSpan[]]> {
  return fc.property(article, fc.array(rawSpan, { maxLength: 12 }), (text, raws) => {
    countCase();
    // Empty annotations are outside the contract (an outline entry needs a name), so spans have a character at least.
    const annotations = (text.length === 0 ? [] : raws.map((raw) => annotationFrom(text, raw))).sort((x, y) => x.start - y.start || x.end - y.end);
    const analysis: AnalysisResult = { publicationDate: { value: '2022-03-03', source: 'setting' }, annotations, entities: [] };
    assertAnalysisInvariants(text, analysis);
    checkFeatures(text, analysis);
  });
}

function spanFrom(text: string, a: number, b: number): TextSpan {
  let start = a % text.length;
  let end = start + 1 + (b % (text.length - start));
  if (splitsSurrogatePair(text, start)) start--;
  if (splitsSurrogatePair(text, end)) end++;
  return { start, end, text: text.slice(start, end) };
}

function annotationFrom(text: string, raw: RawSpan): Annotation {
  const span = spanFrom(text, raw.a, raw.b);
  if (raw.type === 'agency') return { type: 'agency', ...span, canonical: raw.canonical || span.text || 'x', category: 'organisation', source: 'pattern' };
  if (raw.type === 'date') return { type: 'date', ...span, value: raw.value, resolution: 'relative' };
  return {
    type: 'quote',
    ...span,
    speaker: raw.speaker ? spanFrom(text, raw.speaker.a, raw.speaker.b) : null,
    resolved: raw.canonical || null,
    resolvedKind: raw.canonical ? 'agency' : null,
    cue: raw.speaker ? 'said' : null,
    kind: raw.canonical === 'NASA' ? 'partial' : 'direct',
  };
}
