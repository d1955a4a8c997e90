import { DocumentHighlightKind, type DocumentHighlight, type Position } from 'vscode-languageserver-types';
import type { AnnotationIndex } from './annotationIndex';
import type { NewsDocument } from './newsDocument';

/**
 * On an agency or a person: every mention of it, pronouns that speak for it included. On a speaker: every
 * mention of who it stands for, and the quotes said here.
 */
export function documentHighlights(document: NewsDocument, index: AnnotationIndex, position: Position): DocumentHighlight[] {
  const target = index.targetAt(document.offsetAt(position), true);
  if (!target) return [];
  let spans: Array<{ start: number; end: number }> = [];
  if (target.kind === 'speaker') {
    const quotes = index.quotesWithSpeakerAt(target.speaker.start, target.speaker.end);
    const entity = index.entity(quotes.find((q) => q.entity !== undefined)?.entity);
    spans = [...(entity ? entity.mentions.filter((m) => m.start !== target.speaker.start) : []), target.speaker, ...quotes];
  } else if (target.kind === 'person') {
    spans = target.entity.mentions;
  } else if (target.annotation.type === 'agency') {
    spans = index.entityOfAgency(target.annotation)?.mentions ?? [...index.mentionsOf(target.annotation.canonical)];
  } else {
    return [];
  }
  return spans.map((span) => ({
    range: { start: document.positionAt(span.start), end: document.positionAt(span.end) },
    kind: DocumentHighlightKind.Text,
  }));
}
