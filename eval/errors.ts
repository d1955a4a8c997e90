/**
 * Error listings for `npm run eval -- --errors N`: misses, false alarms and boundary errors of each type,
 * wrong date values and wrong quote speakers, grouped so that the most frequent (and so most profitable)
 * mistakes come first, each with one example in context.
 */
import type { Matching, Span } from './metrics';

type EvalType = 'date' | 'agency' | 'quote';

export interface ErrorEntry {
  key: string;
  count: number;
  /** In how many documents: a group from one document is a poor guide to a general rule. */
  docs: number;
  /** e.g. the gold and system values of a wrong date. */
  detail?: string;
  /** One occurrence in context: the span marked with ⟦ ⟧, ~40 characters either side. */
  example: string;
  docId: string;
}

export interface ErrorReport {
  type: EvalType;
  title: string;
  /** Occurrences in all, before grouping. */
  total: number;
  /** Distinct groups, of which `entries` lists the most frequent. */
  groups: number;
  entries: ErrorEntry[];
}

export interface DocumentContext {
  text: string;
  docId: string;
  corpus: string;
  dct: string | null;
}

interface TextSpan extends Span {
  text?: string;
  /** Gold dates: the TIMEX3 value, shown with a miss. */
  value?: string;
  /** Gold quotes: direct or mixed (a quoted phrase inside a paraphrase). */
  quoteKind?: string;
}

const CONTEXT = 40;
const LONGEST_SPAN_SHOWN = 100;

/** One line: newlines shown as ¶, long spans shortened in the middle. */
export function inContext(text: string, span: Span, context = CONTEXT): string {
  const flat = (s: string): string => s.replace(/\s*\n\s*/g, ' ¶ ').replace(/\s+/g, ' ');
  const before = text.slice(Math.max(0, span.start - context), span.start);
  const after = text.slice(span.end, span.end + context);
  let inside = flat(text.slice(span.start, span.end));
  if (inside.length > LONGEST_SPAN_SHOWN) {
    const half = Math.floor(LONGEST_SPAN_SHOWN / 2) - 2;
    inside = `${inside.slice(0, half)} … ${inside.slice(-half)}`;
  }
  const lead = span.start > context ? '…' : '';
  const tail = span.end + context < text.length ? '…' : '';
  return `${lead}${flat(before)}⟦${inside}⟧${flat(after)}${tail}`;
}

function surfaceKey(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Quotes are almost never repeated word for word, so grouping them by text would list N singletons. They are
 * grouped by shape instead: the quotation marks that open and close them and their length class, which says
 * which kind of quote a tagger misses (curly vs straight, single, unclosed, one-word scare quotes…).
 */
export function quoteShape(text: string): string {
  const trimmed = text.trim();
  // Up to two marks, so the doubled apostrophes some newspapers use ('' … '') show as such.
  const open = /^[\p{Pi}\p{Ps}"'`]{1,2}/u.exec(trimmed)?.[0] ?? 'no mark';
  const close = /[\p{Pf}\p{Pe}"'`]{1,2}$/u.exec(trimmed)?.[0] ?? 'no mark';
  const words = trimmed.split(/\s+/).length;
  const size = words <= 3 ? '1–3 words' : words <= 15 ? '4–15 words' : words <= 60 ? '16–60 words' : '60+ words';
  const paragraphs = /\n/.test(trimmed) ? ', spans paragraphs' : '';
  return `opens ${open}, closes ${close}, ${size}${paragraphs}`;
}

/** A TIMEX3 value's shape: 1998-08-07 → YYYY-MM-DD, 1998-W32 → YYYY-WNN, PRESENT_REF stays. */
export function valueShape(value: string): string {
  return value.replace(/\d{4}/g, 'YYYY').replace(/\d{2}/g, 'NN').replace(/\d/g, 'N');
}

function dayNumber(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000 : null;
}

/** Gold → ours as shapes, plus the day offset when both are full dates (a weekday resolved a week off shows as ±7). */
export function valueErrorKind(gold: string, ours: string): string {
  const g = dayNumber(gold);
  const o = dayNumber(ours);
  if (g !== null && o !== null) return `YYYY-MM-DD off by ${o - g > 0 ? '+' : ''}${o - g} days`;
  return `${valueShape(gold) || '(empty)'} → ${valueShape(ours) || '(empty)'}`;
}

class Tally {
  private readonly groups = new Map<string, { count: number; docIds: Set<string>; detail?: string; example: string; docId: string }>();
  total = 0;

  add(key: string, example: () => string, docId: string, detail?: string): void {
    this.total++;
    const group = this.groups.get(key);
    if (group) {
      group.count++;
      group.docIds.add(docId);
    } else {
      this.groups.set(key, { count: 1, docIds: new Set([docId]), detail, example: example(), docId });
    }
  }

  top(n: number): { groups: number; entries: ErrorEntry[] } {
    const entries = [...this.groups.entries()]
      .sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))
      .slice(0, n)
      .map(([key, g]) => ({ key, count: g.count, docs: g.docIds.size, ...(g.detail ? { detail: g.detail } : {}), example: g.example, docId: g.docId }));
    return { groups: this.groups.size, entries };
  }
}

const SECTIONS = {
  misses: 'misses (gold spans no system span overlaps)',
  falseAlarms: 'false alarms (system spans overlapping no gold span)',
  boundaries: 'boundary errors (overlapping, not exact: gold → ours)',
  wrongValues: 'wrong values (found, but no overlapping date has the gold value)',
  wrongValueKinds: 'wrong values by kind (gold shape → ours)',
  speakerMisses: 'speaker misses (quote found, speaker wrong or absent: gold → ours)',
  speakerMissKinds: 'speaker misses by kind (gold mention → ours)',
  resolutionMisses: 'resolution misses (gold entity → our resolved), by kind: surname only, other entity, none',
} as const;
type Section = keyof typeof SECTIONS;
const SECTIONS_OF: Record<EvalType, readonly Section[]> = {
  date: ['misses', 'falseAlarms', 'boundaries', 'wrongValues', 'wrongValueKinds'],
  agency: ['misses', 'falseAlarms', 'boundaries'],
  quote: ['misses', 'falseAlarms', 'boundaries', 'speakerMisses', 'speakerMissKinds', 'resolutionMisses'],
};

/** Collects errors while documents are scored; cheap when disabled (limit 0). */
export class ErrorLog {
  private readonly tallies = new Map<string, Tally>();

  constructor(private readonly limit: number) {}

  private tally(type: EvalType, section: Section): Tally {
    const key = `${type}/${section}`;
    let t = this.tallies.get(key);
    if (!t) this.tallies.set(key, (t = new Tally()));
    return t;
  }

  private keyOf(type: EvalType, text: string, quoteKind?: string): string {
    if (type !== 'quote') return surfaceKey(text);
    return quoteKind ? `${quoteKind} quote, ${quoteShape(text)}` : quoteShape(text);
  }


  recordSpans(
    type: EvalType,
    doc: DocumentContext,
    gold: readonly TextSpan[],
    system: readonly TextSpan[],
    matching: Matching,
    goldIsExhaustive = true,
  ): void {
    if (this.limit === 0) return;
    const textOf = (s: Span): string => doc.text.slice(s.start, s.end);
    gold.forEach((g, gi) => {
      const si = matching.goldToSystem[gi];
      if (si === -1) {
        const detail = g.value !== undefined ? `gold value ${g.value || '(none)'}, dct ${doc.dct ?? 'none'}` : undefined;
        this.tally(type, 'misses').add(this.keyOf(type, textOf(g), g.quoteKind), () => inContext(doc.text, g), doc.docId, detail);
        return;
      }
      const s = system[si];
      if (s.start === g.start && s.end === g.end) return;
      const key = type === 'quote' ? boundaryKind(g, s) : `${surfaceKey(textOf(g))} → ${surfaceKey(textOf(s))}`;
      this.tally(type, 'boundaries').add(key, () => `gold ${inContext(doc.text, g)}\n       ours ${inContext(doc.text, s)}`, doc.docId);
    });
    if (!goldIsExhaustive) return;
    system.forEach((s, si) => {
      if (matching.systemToGold[si] !== -1) return;
      this.tally(type, 'falseAlarms').add(this.keyOf(type, textOf(s)), () => inContext(doc.text, s), doc.docId);
    });
  }

  recordWrongValue(doc: DocumentContext, gold: TextSpan & { value?: string }, ours: TextSpan & { value: string }): void {
    if (this.limit === 0) return;
    const goldValue = gold.value ?? '';
    const detail = `gold ${goldValue || '(none)'}, ours ${ours.value} (ours "${doc.text.slice(ours.start, ours.end)}", dct ${doc.dct ?? 'none'})`;
    const example = (): string => inContext(doc.text, gold);
    this.tally('date', 'wrongValues').add(surfaceKey(doc.text.slice(gold.start, gold.end)), example, doc.docId, detail);
    this.tally('date', 'wrongValueKinds').add(valueErrorKind(goldValue, ours.value), example, doc.docId, detail);
  }

  recordSpeakerMiss(doc: DocumentContext, goldSpeaker: TextSpan, ours: { speaker: TextSpan | null }): void {
    if (this.limit === 0) return;
    const goldText = surfaceKey(doc.text.slice(goldSpeaker.start, goldSpeaker.end));
    const oursText = ours.speaker ? surfaceKey(doc.text.slice(ours.speaker.start, ours.speaker.end)) : '(none)';
    const example = (): string =>
      `gold ${inContext(doc.text, goldSpeaker)}` + (ours.speaker ? `\n       ours ${inContext(doc.text, ours.speaker)}` : '');
    this.tally('quote', 'speakerMisses').add(`${goldText} → ${oursText}`, example, doc.docId);
    const oursKind = ours.speaker ? mentionKind(doc.text.slice(ours.speaker.start, ours.speaker.end)) : 'none';
    const where = ours.speaker ? ` (${ours.speaker.start < goldSpeaker.start ? 'before' : 'after'} the gold mention)` : '';
    const kind = `${mentionKind(doc.text.slice(goldSpeaker.start, goldSpeaker.end))} → ${oursKind}${where}`;
    this.tally('quote', 'speakerMissKinds').add(kind, example, doc.docId, `gold "${goldText}", ours "${oursText}"`);
  }

  recordResolutionMiss(
    doc: DocumentContext,
    outcome: string,
    gold: { speakerEntity?: string | null; speaker?: string },
    ours: { speaker: TextSpan | null; resolved: string | null } | undefined,
  ): void {
    if (this.limit === 0) return;
    const mention = ours?.speaker ? doc.text.slice(ours.speaker.start, ours.speaker.end) : '(no speaker)';
    this.tally('quote', 'resolutionMisses').add(
      `${outcome}: ${gold.speakerEntity} → ${ours?.resolved ?? '(none)'}`,
      () => `gold mention "${gold.speaker ?? ''}", ours "${mention}"`,
      doc.docId,
    );
  }

  /** Every section that applies to each type, empty ones included (an empty list is news too). */
  report(types: readonly EvalType[]): ErrorReport[] {
    const out: ErrorReport[] = [];
    for (const type of types) {
      for (const section of SECTIONS_OF[type]) {
        const tally = this.tallies.get(`${type}/${section}`) ?? new Tally();
        out.push({ type, title: SECTIONS[section], total: tally.total, ...tally.top(this.limit) });
      }
    }
    return out;
  }
}

const PRONOUNS = new Set(['i', 'we', 'you', 'he', 'she', 'it', 'they', 'him', 'her', 'them', 'us', 'me', 'who', 'this', 'that']);

/** A speaker mention's kind: pronoun, name (every word capitalised, a leading "the" aside) or other noun phrase. */
export function mentionKind(mention: string): 'pronoun' | 'name' | 'noun phrase' {
  const words = mention.trim().split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length === 1 && PRONOUNS.has(words[0].toLowerCase().replace(/[^\p{L}]/gu, ''))) return 'pronoun';
  const content = words[0]?.toLowerCase() === 'the' ? words.slice(1) : words;
  return content.length > 0 && content.every((w) => /^[\p{Lu}\p{N}]/u.test(w)) ? 'name' : 'noun phrase';
}

/** How a found quote's boundaries differ: per side, whether ours starts/ends earlier or later than gold. */
function boundaryKind(gold: Span, ours: Span): string {
  const side = (delta: number, earlier: string, later: string): string | null => (delta < 0 ? earlier : delta > 0 ? later : null);
  const parts = [
    side(ours.start - gold.start, 'starts earlier', 'starts later'),
    side(ours.end - gold.end, 'ends earlier', 'ends later'),
  ].filter((p): p is string => p !== null);
  return `ours ${parts.join(' and ')}`;
}
