import { DocumentHighlightKind, type DocumentHighlight, type Position } from 'vscode-languageserver-types';
import type { TextSpan } from '../analysis/annotation';
import type { AnnotationIndex } from './annotationIndex';
import type { NewsDocument } from './newsDocument';

/** On an agency: every mention of it. On a speaker: the speaker and the quotes it said. */
export function documentHighlights(document: NewsDocument, index: AnnotationIndex, position: Position): DocumentHighlight[] {
  const target = index.targetAt(document.offsetAt(position), true);
  if (!target) return [];
  let spans: TextSpan[] = [];
  if (target.kind === 'speaker') {
    const quotes = index.quotesWithSpeakerAt(target.speaker.start, target.speaker.end);
    spans = [target.speaker, ...quotes];
  } else if (target.annotation.type === 'agency') {
    spans = [...index.mentionsOf(target.annotation.canonical)];
  } else {
    return [];
  }
  return spans.map((span) => ({
    range: { start: document.positionAt(span.start), end: document.positionAt(span.end) },
    kind: DocumentHighlightKind.Text,
  }));
}
