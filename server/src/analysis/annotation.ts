/**
 * The annotation types shared by the analysis, the LSP features and the CLI.
 * All offsets are UTF-16 code units into the analysed text; `end` is exclusive.
 */

export type AgencyCategory =
  | 'space agency'
  | 'government'
  | 'ministry'
  | 'news agency'
  | 'media'
  | 'court'
  | 'military'
  | 'international'
  | 'party'
  | 'company'
  | 'university'
  | 'ngo'
  | 'sports'
  | 'organisation';

export interface TextSpan {
  start: number;
  end: number;
  text: string;
}

export interface AgencyAnnotation extends TextSpan {
  type: 'agency';
  /** One name for every mention of the same agency. */
  canonical: string;
  category: AgencyCategory;
  /** Known acronym, when the agency has one. */
  acronym?: string;
  country?: string;
  /** Other names the agency goes by (from the lexicon or the user's agency list), for the hover. */
  aliases?: readonly string[];
  /** How the mention was recognised, for the hover. */
  source: 'lexicon' | 'custom' | 'acronym-definition' | 'pattern' | 'nlp';
}

export type DateResolution =
  | 'explicit'      // the text names the full date
  | 'relative'      // resolved against the publication date ("yesterday", "last week")
  | 'weekday'       // a weekday name resolved to the nearest matching day in the sentence's tense
  | 'year-inferred' // a month/day without year; year taken from the publication date
  | 'reference';    // PAST_REF / PRESENT_REF / FUTURE_REF

export interface DateAnnotation extends TextSpan {
  type: 'date';
  /** TIMEX3-style value at the granularity written: 2022-03-03, 2022-03, 2022, 2022-W09, 2022-Q1, PAST_REF … */
  value: string;
  resolution: DateResolution;
}

export interface QuoteAnnotation extends TextSpan {
  type: 'quote';
  /** The mention in the attribution ("Roscosmos", "the agency", "it"), or null. */
  speaker: TextSpan | null;
  /** Canonical name of the agency or person the speaker mention stands for, or null. */
  resolved: string | null;
  /** The attribution verb ("said", "wrote", "according to"), when found. */
  cue: string | null;
  /** 'post' for an embedded social-media post. */
  kind: 'direct' | 'partial' | 'post';
}

export type Annotation = AgencyAnnotation | DateAnnotation | QuoteAnnotation;

export type PublicationDateSource = 'front-matter' | 'dateline' | 'setting' | 'first-date' | 'none';

export interface PublicationDate {
  /** YYYY-MM-DD */
  value: string;
  source: PublicationDateSource;
  /** Where in the text it was found (front matter, dateline, first date), if anywhere. */
  span?: { start: number; end: number };
}

export interface CustomAgency {
  name: string;
  aliases?: string[];
  acronym?: string;
  category?: AgencyCategory;
  country?: string;
}

export interface AnnotateOptions {
  /** YYYY-MM-DD: used when the text names no publication date of its own (front matter, dateline). */
  publicationDate?: string;
  /** Agencies added by the user (settings, workspace file). */
  customAgencies?: readonly CustomAgency[];
}

export interface AnalysisResult {
  publicationDate: PublicationDate;
  /** Sorted by start, then by end. */
  annotations: Annotation[];
}
