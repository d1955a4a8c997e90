/**
 * brat standoff (https://brat.nlplab.org/standoff.html), which brat and INCEpTION open for correction by hand:
 * per article the text as it is (`story.txt`) and its annotations (`story.ann`), and for the folder the
 * annotation scheme (`annotation.conf`) and its colours (`visual.conf`).
 *
 * Two things differ from the analysis: offsets are Unicode code points, not UTF-16 code units, and a span
 * may not cross a line break, so a quote over several lines is written as discontinuous fragments, one per line.
 */
import { AGENCY_CATEGORIES, type AnalysisResult, type EntityKind, type QuoteAnnotation } from '../analysis/annotation';
import type { ExportedFile } from '../protocol/newsRequests';
import { CodePointOffsets } from './codePointOffsets';
import type { ArticleToExport } from './exportArticles';
import { articleBaseName, UniqueNames } from './exportFileNames';

export type BratEntityType = 'Agency' | 'Date' | 'Quote' | 'Person';

// Python's str.splitlines() breaks lines at each of these (LF, VT, FF, CR, the file, group and record
// separators, NEL, U+2028, U+2029), and brat reads .ann files line by line with it: none of them may appear
// inside a fragment or on an annotation line.
const LINE_BREAKS_GLOBAL = /[\n\v\f\r\u001c-\u001e\u0085\u2028\u2029]/g;

export function exportBrat(articles: readonly ArticleToExport[]): ExportedFile[] {
  const names = new UniqueNames();
  return [...articles.flatMap((article) => bratArticleFiles(article, names.claim(articleBaseName(article.uri)))), ...bratConfigurationFiles()];
}

/** The .txt and .ann of one article, named `baseName`. */
export function bratArticleFiles(article: ArticleToExport, baseName: string): ExportedFile[] {
  return [
    { name: `${baseName}.txt`, content: article.text },
    { name: `${baseName}.ann`, content: bratAnnotations(article.text, article.analysis) },
  ];
}

/** The folder's annotation scheme and colours, the same for every export. */
export function bratConfigurationFiles(): ExportedFile[] {
  return [{ name: 'annotation.conf', content: ANNOTATION_CONF }, { name: 'visual.conf', content: VISUAL_CONF }];
}

interface Span {
  type: BratEntityType;
  start: number;
  end: number;
  /** What the AnnotatorNotes line says: a date's value, an agency's canonical name, who a person is. */
  note?: string;
  attribute?: { name: string; value: string };
}

/** The .ann file of one article: T (text-bound), R (relation), A (attribute) and # (note) lines. */
export function bratAnnotations(text: string, analysis: AnalysisResult): string {
  const spans = new Map<string, Span>();
  const add = (span: Span): string => {
    const key = spanKey(span.type, span.start, span.end);
    if (!spans.has(key)) spans.set(key, span);
    return key;
  };
  const quotes: QuoteAnnotation[] = [];
  for (const annotation of analysis.annotations) {
    if (annotation.type === 'agency') {
      add({ type: 'Agency', start: annotation.start, end: annotation.end, note: annotation.canonical, attribute: { name: 'Category', value: attributeValue(annotation.category) } });
    } else if (annotation.type === 'date') {
      add({ type: 'Date', start: annotation.start, end: annotation.end, note: annotation.value });
    } else {
      add({ type: 'Quote', start: annotation.start, end: annotation.end, ...(annotation.cue ? { note: `cue: ${annotation.cue}` } : {}), attribute: { name: 'QuoteKind', value: annotation.kind } });
      quotes.push(annotation);
    }
  }
  for (const entity of analysis.entities) {
    if (entity.kind !== 'person') continue;
    for (const mention of entity.mentions) add({ type: 'Person', start: mention.start, end: mention.end, note: entity.name });
  }
  // Each quote points at its speaker mention: the Agency or Person span already there, or a new one.
  const attributions: Array<{ quote: string; speaker: string }> = [];
  for (const quote of quotes) {
    const speaker = quote.speaker;
    if (!speaker || speaker.start >= speaker.end) continue;
    const existing = (['Person', 'Agency'] as const).map((type) => spanKey(type, speaker.start, speaker.end)).find((key) => spans.has(key));
    const key = existing ?? add({ type: speakerType(quote.resolvedKind), start: speaker.start, end: speaker.end, ...(quote.resolved ? { note: resolvedNote(quote.resolved, quote.resolvedKind) } : {}) });
    attributions.push({ quote: spanKey('Quote', quote.start, quote.end), speaker: key });
  }

  const codePoints = new CodePointOffsets(text);
  const ordered = [...spans.entries()]
    .map(([key, span]) => ({ key, span, fragments: fragmentsOf(text, span.start, span.end) }))
    .filter(({ fragments }) => fragments.length > 0)
    .sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end || TYPE_ORDER[a.span.type] - TYPE_ORDER[b.span.type]);
  const ids = new Map<string, string>();
  const textBound: string[] = [];
  const attributes: string[] = [];
  const notes: string[] = [];
  for (const { key, span, fragments } of ordered) {
    const id = `T${ids.size + 1}`;
    ids.set(key, id);
    const offsets = fragments.map(([start, end]) => `${codePoints.of(start)} ${codePoints.of(end)}`).join(';');
    // brat shows the fragments joined by a space.
    const covered = fragments.map(([start, end]) => text.slice(start, end)).join(' ');
    textBound.push(`${id}\t${span.type} ${offsets}\t${covered}`);
    if (span.attribute) attributes.push(`A${attributes.length + 1}\t${span.attribute.name} ${id} ${span.attribute.value}`);
    if (span.note) notes.push(`#${notes.length + 1}\tAnnotatorNotes ${id}\t${oneLine(span.note)}`);
  }
  const relations: string[] = [];
  for (const { quote, speaker } of attributions) {
    const quoteId = ids.get(quote);
    const speakerId = ids.get(speaker);
    if (quoteId && speakerId) relations.push(`R${relations.length + 1}\tAttribution Arg1:${quoteId} Arg2:${speakerId}`);
  }
  return [...textBound, ...relations, ...attributes, ...notes].map((line) => `${line}\n`).join('');
}

const TYPE_ORDER: Record<BratEntityType, number> = { Quote: 0, Agency: 1, Person: 2, Date: 3 };

function spanKey(type: BratEntityType, start: number, end: number): string {
  return `${type}:${start}:${end}`;
}

/** A group that speaks ("environmental groups") has no type of its own: it is marked as a Person, and its note says so. */
function speakerType(kind: EntityKind | null): BratEntityType {
  return kind === 'agency' ? 'Agency' : 'Person';
}

function resolvedNote(resolved: string, kind: EntityKind | null): string {
  return kind === 'group' ? `${resolved} (group)` : resolved;
}

/** The pieces of [start, end) between line breaks, empty pieces left out, as UTF-16 offsets. */
export function fragmentsOf(text: string, start: number, end: number): Array<[number, number]> {
  const fragments: Array<[number, number]> = [];
  let from = start;
  for (let i = start; i <= end; i++) {
    if (i === end || isLineBreak(text.charCodeAt(i))) {
      if (i > from) fragments.push([from, i]);
      from = i + 1;
    }
  }
  return fragments;
}

function isLineBreak(code: number): boolean {
  return (code >= 0x0a && code <= 0x0d) || (code >= 0x1c && code <= 0x1e) || code === 0x85 || code === 0x2028 || code === 0x2029;
}

function oneLine(note: string): string {
  return note.replace(LINE_BREAKS_GLOBAL, ' ').replace(/\t/g, ' ');
}

/** brat attribute values are single words: "space agency" becomes "space-agency". */
function attributeValue(value: string): string {
  return value.replace(/\s+/g, '-');
}

const ANNOTATION_CONF = `# News Annotator export: the types and relations of the .ann files in this folder.
# Offsets in the .ann files count Unicode code points; a span over several lines is written as fragments.

[entities]
Agency
Date
Quote
Person

[relations]
# A quote and who said it: the speaker mention ("she", "the agency", "Roscosmos").
Attribution\tArg1:Quote, Arg2:Person|Agency
# Spans may overlap: a person named inside a quote, a date inside a quote.
<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>

[events]

[attributes]
Category\tArg:Agency, Value:${AGENCY_CATEGORIES.map(attributeValue).join('|')}
QuoteKind\tArg:Quote, Value:direct|partial|post
`;

const VISUAL_CONF = `[labels]
Agency | Agency | Ag
Date | Date | D
Quote | Quote | Q
Person | Person | P
Attribution | said by | said

[drawing]
Agency\tbgColor:#8fb8f0
Date\tbgColor:#f3c77b
Quote\tbgColor:#c6e5b1
Person\tbgColor:#e8a9c9
Attribution\tcolor:#3a7d2c
`;
