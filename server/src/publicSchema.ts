import type { AnalysisResult, Annotation } from './analysis/annotation';

/**
 * The CLI's JSON: a public interface, documented in README.md. Keep it stable: add fields only
 * with a new version of the schema.
 */
export type PublicAnnotation =
  | { type: 'agency'; start: number; end: number; text: string; canonical: string; category: string }
  | { type: 'date'; start: number; end: number; text: string; value: string }
  | {
      type: 'quote';
      start: number;
      end: number;
      text: string;
      speaker: { start: number; end: number; text: string } | null;
      resolved: string | null;
      resolvedKind: 'person' | 'agency' | 'group' | null;
    };

/** Who is who in the article: each person and agency with the spans that name it (pronouns that speak included). */
export interface PublicEntity {
  name: string;
  kind: 'person' | 'agency' | 'group';
  mentions: Array<{ start: number; end: number }>;
}

export function toPublicAnnotation(annotation: Annotation): PublicAnnotation {
  const { start, end, text } = annotation;
  switch (annotation.type) {
    case 'agency':
      return { type: 'agency', start, end, text, canonical: annotation.canonical, category: annotation.category };
    case 'date':
      return { type: 'date', start, end, text, value: annotation.value };
    case 'quote':
      return {
        type: 'quote',
        start,
        end,
        text,
        speaker: annotation.speaker ? { start: annotation.speaker.start, end: annotation.speaker.end, text: annotation.speaker.text } : null,
        resolved: annotation.resolved,
        resolvedKind: annotation.resolvedKind,
      };
  }
}

export function toPublicResult(result: AnalysisResult): { publicationDate: string; annotations: PublicAnnotation[]; entities: PublicEntity[] } {
  return {
    publicationDate: result.publicationDate.value,
    annotations: result.annotations.map(toPublicAnnotation),
    entities: result.entities.map((e) => ({ name: e.name, kind: e.kind, mentions: e.mentions.map(({ start, end }) => ({ start, end })) })),
  };
}
