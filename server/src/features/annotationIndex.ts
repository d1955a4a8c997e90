import type { AgencyAnnotation, AnalysisResult, Annotation, Entity, EntityMention, QuoteAnnotation, TextSpan } from '../analysis/annotation';

/** What sits under the cursor: an annotation, or the speaker mention of a quote. */
export type Target =
  | { kind: 'annotation'; annotation: Annotation }
  | { kind: 'speaker'; quote: QuoteAnnotation; speaker: TextSpan }
  | { kind: 'person'; entity: Entity; mention: EntityMention };

/**
 * Lookups over one analysis: built once per analysed document version, because hover and
 * highlights ask for them on every mouse move.
 */
export class AnnotationIndex {
  readonly agencies: AgencyAnnotation[] = [];
  readonly quotes: QuoteAnnotation[] = [];
  private readonly byCanonical = new Map<string, AgencyAnnotation[]>();
  private readonly quotesByResolved = new Map<string, QuoteAnnotation[]>();
  private readonly speakerSpans: Array<{ quote: QuoteAnnotation; speaker: TextSpan }> = [];
  private readonly quotesByEntity = new Map<number, QuoteAnnotation[]>();
  /** Mentions of people (names, and the pronouns that speak for them), sorted by start. */
  private readonly personMentions: EntityMention[] = [];
  /** The agency entity of each agency mention, by the mention's start: a hover asks on every mouse move. */
  private readonly agencyEntityAt = new Map<number, Entity>();

  constructor(readonly analysis: AnalysisResult) {
    for (const annotation of analysis.annotations) {
      if (annotation.type === 'agency') {
        this.agencies.push(annotation);
        push(this.byCanonical, annotation.canonical, annotation);
      } else if (annotation.type === 'quote') {
        this.quotes.push(annotation);
        if (annotation.resolved) push(this.quotesByResolved, annotation.resolved, annotation);
        if (annotation.entity !== undefined) push(this.quotesByEntity, annotation.entity, annotation);
        if (annotation.speaker) this.speakerSpans.push({ quote: annotation, speaker: annotation.speaker });
      }
    }
    this.speakerSpans.sort((a, b) => a.speaker.start - b.speaker.start);
    for (const entity of analysis.entities) {
      if (entity.kind === 'person') this.personMentions.push(...entity.mentions);
      else if (entity.kind === 'agency') for (const mention of entity.mentions) this.agencyEntityAt.set(mention.start, entity);
    }
    this.personMentions.sort((a, b) => a.start - b.start);
  }

  entity(id: number | undefined): Entity | undefined {
    return id === undefined ? undefined : this.analysis.entities[id];
  }

  /** The entity an agency mention belongs to (its short forms and acronyms included). */
  entityOfAgency(agency: AgencyAnnotation): Entity | undefined {
    return this.agencyEntityAt.get(agency.start);
  }

  /** Quotes credited to an entity: those resolved to it, else (for an analysis without entities) by name. */
  quotesOf(entity: Entity): readonly QuoteAnnotation[] {
    return this.quotesByEntity.get(entity.id) ?? this.quotesBy(entity.name);
  }

  mentionsOf(canonical: string): readonly AgencyAnnotation[] {
    return this.byCanonical.get(canonical) ?? [];
  }

  quotesBy(resolvedOrCanonical: string): readonly QuoteAnnotation[] {
    return this.quotesByResolved.get(resolvedOrCanonical) ?? [];
  }

  /** Quotes whose speaker mention is exactly this span. */
  quotesWithSpeakerAt(start: number, end: number): QuoteAnnotation[] {
    return this.speakerSpans.filter((s) => s.speaker.start === start && s.speaker.end === end).map((s) => s.quote);
  }

  /**
   * The innermost thing at `offset`: a speaker or agency/date beats the quote around it. A hover asks
   * about the character at `offset`; a cursor right after a word (`endInclusive`) still belongs to it.
   */
  targetAt(offset: number, endInclusive = false): Target | undefined {
    const speaker = findContaining(this.speakerSpans, (s) => s.speaker, offset, endInclusive);
    if (speaker) return { kind: 'speaker', quote: speaker.quote, speaker: speaker.speaker };
    let best: Annotation | undefined;
    for (const annotation of containing(this.analysis.annotations, offset, endInclusive)) {
      if (!best || annotation.end - annotation.start < best.end - best.start) best = annotation;
    }
    // A person named inside a quote, or outside any annotation, is the person.
    if (!best || best.type === 'quote') {
      const mention = findContaining(this.personMentions, (m) => m, offset, endInclusive);
      if (mention) return { kind: 'person', entity: this.analysis.entities[mention.entity], mention };
    }
    return best ? { kind: 'annotation', annotation: best } : undefined;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Annotations are sorted by start; only those starting before `offset` can contain it, and quotes are long. */
function containing(sorted: readonly Annotation[], offset: number, endInclusive: boolean): Annotation[] {
  const found: Annotation[] = [];
  const upper = upperBound(sorted, offset, (a) => a.start);
  for (let i = upper - 1; i >= 0; i--) {
    const annotation = sorted[i];
    if (annotation.start <= offset && (offset < annotation.end || (endInclusive && offset === annotation.end))) found.push(annotation);
    // Quotes may be long; stop once we are far behind any plausible container.
    if (offset - annotation.start > 200_000) break;
  }
  return found;
}

function findContaining<T>(sorted: readonly T[], span: (item: T) => { start: number; end: number }, offset: number, endInclusive: boolean): T | undefined {
  const upper = upperBound(sorted, offset, (item) => span(item).start);
  for (let i = upper - 1; i >= 0 && i >= upper - 4; i--) {
    const s = span(sorted[i]);
    if (s.start <= offset && (offset < s.end || (endInclusive && offset === s.end))) return sorted[i];
  }
  return undefined;
}

/** First index whose key is greater than `value`. */
function upperBound<T>(sorted: readonly T[], value: number, key: (item: T) => number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (key(sorted[mid]) <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}
