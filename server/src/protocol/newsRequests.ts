/**
 * The server's own requests and notifications, beyond the standard LSP: a public interface that any
 * editor may call, documented in README.md. Ranges are LSP ranges (UTF-16 code units).
 * The VS Code client imports these types; keep them free of runtime dependencies.
 */

export interface WireRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface WireLocation {
  uri: string;
  range: WireRange;
}

/** Every request that can ask about "this article" or "the workspace". */
export type Scope = { scope: 'document'; uri: string } | { scope: 'workspace' };

// ── newsAnnotator/timeline ──────────────────────────────────────────────────────────────
export const TIMELINE_REQUEST = 'newsAnnotator/timeline';
export type TimelineParams = Scope;

export interface TimelineEntry extends WireLocation {
  /** TIMEX3 value as resolved: 2022-03-03, 2022-03, 2022-W09, 2022 … */
  value: string;
  /** The value in words: "Thursday, 3 March 2022", "March 2022". */
  label: string;
  /** First and last day the value covers (YYYY-MM-DD), for drawing it on an axis; null for PAST_REF and the like. */
  from: string | null;
  to: string | null;
  /** The date as written. */
  text: string;
  /** The sentence around it. */
  context: string;
  articleTitle: string;
  /** The quote that holds the date or shares its paragraph, with who said it. */
  quote?: { speaker: string | null; preview: string; location: WireLocation };
  /** Agencies named in the same paragraph. */
  agencies: string[];
}

/**
 * Chronological: by `from`, a longer period before the days inside it (a month before its days), then by
 * article and offset. Entries without a calendar value (PAST_REF …) come last.
 */
export interface TimelineResult {
  entries: TimelineEntry[];
}

// ── newsAnnotator/quotesBySpeaker ───────────────────────────────────────────────────────
export const QUOTES_BY_SPEAKER_REQUEST = 'newsAnnotator/quotesBySpeaker';
export interface QuotesBySpeakerParams {
  /** Case-insensitive; matches the speaker's name or a quote's words. Empty or absent: everything. */
  filter?: string;
  /** Absent: the workspace. */
  uri?: string;
}

export interface SpeakerQuote extends WireLocation {
  preview: string;
  cue: string | null;
  /** The speaker mention as written ("she"). */
  mention: string | null;
  articleTitle: string;
}

export interface SpeakerEntry {
  name: string;
  kind: 'person' | 'agency' | 'group';
  quoteCount: number;
  articleCount: number;
  /** In article order (by uri), then by position. */
  quotes: SpeakerQuote[];
}

/** Speakers by quote count, most first, then by name. Quotes with no resolved speaker are not listed. */
export interface QuotesBySpeakerResult {
  speakers: SpeakerEntry[];
}

// ── newsAnnotator/agencies ──────────────────────────────────────────────────────────────
export const AGENCIES_REQUEST = 'newsAnnotator/agencies';
export interface AgenciesParams {
  filter?: string;
  uri?: string;
}

export interface AgencyArticle {
  uri: string;
  articleTitle: string;
  mentionCount: number;
  /** The first mention in that article. */
  range: WireRange;
}

export interface AgencyEntry {
  name: string;
  category: string;
  mentionCount: number;
  articles: AgencyArticle[];
}

/** Agencies by mention count, most first, then by name. */
export interface AgenciesResult {
  agencies: AgencyEntry[];
}

// ── newsAnnotator/export ────────────────────────────────────────────────────────────────
export const EXPORT_REQUEST = 'newsAnnotator/export';
export type ExportFormat = 'jsonl' | 'csv' | 'brat';
export type ExportParams = Scope & { format: ExportFormat };

export interface ExportedFile {
  /** A file name relative to the folder the user picks: "annotations.csv", "article-1.ann" … */
  name: string;
  content: string;
}

export interface ExportResult {
  files: ExportedFile[];
  /** Articles that could not be exported (unreadable, too large), with why. */
  skipped: Array<{ uri: string; reason: string }>;
}

// ── newsAnnotator/indexStatus (notification, server → client) ────────────────────────────
export const INDEX_STATUS_NOTIFICATION = 'newsAnnotator/indexStatus';

export interface IndexStatus {
  state: 'disabled' | 'indexing' | 'ready';
  indexed: number;
  total: number;
  /** Files left out, with why: "over newsAnnotator.maxFileSize (6.2 MB)", "binary", "not UTF-8". */
  skipped: Array<{ uri: string; reason: string }>;
}

/** Sent by the server when the index changed, so that views refresh (no params). */
export const INDEX_CHANGED_NOTIFICATION = 'newsAnnotator/indexChanged';
