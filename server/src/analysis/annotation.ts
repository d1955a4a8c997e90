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

/** Every category, in the order a user is offered them. */
export const AGENCY_CATEGORIES: readonly AgencyCategory[] = [
  'organisation', 'government', 'ministry', 'company', 'media', 'news agency', 'court', 'party', 'military',
  'international', 'university', 'ngo', 'sports', 'space agency',
];

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
  /**
   * Who the speaker mention stands for, as a clean name: the person's fullest name in the article ("Hillary
   * Clinton" for "she" or "Mrs. Clinton") or the agency's canonical name. Null when nothing fits: a wrong name
   * is worse than none.
   */
  resolved: string | null;
  /** What `resolved` names: a person, an agency, or a group of people ("environmental groups"). */
  resolvedKind: EntityKind | null;
  /** Index of the resolved entity in `AnalysisResult.entities`, when it is one of them. */
  entity?: number;
  /** The attribution verb ("said", "wrote", "according to"), when found. */
  cue: string | null;
  /** 'post' for an embedded social-media post. */
  kind: 'direct' | 'partial' | 'post';
}

export type EntityKind = 'person' | 'agency' | 'group';

export interface EntityMention {
  start: number;
  end: number;
  /** Index into `AnalysisResult.entities`. */
  entity: number;
}

/** A person or agency of the article with every mention of it. */
export interface Entity {
  id: number;
  kind: EntityKind;
  /** The fullest name the article gives, without title or possessive; an agency's canonical name. */
  name: string;
  gender: 'male' | 'female' | null;
  /** Roles the article gives a person: "senator", "campaign manager". */
  roles: string[];
  age?: number;
  category?: AgencyCategory;
  country?: string;
  /** Names, titled names and speaking pronouns that stand for it, sorted by start. */
  mentions: EntityMention[];
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
  /** Names the user said are not agencies: never tagged as one. */
  ignoredAgencies?: readonly string[];
}

export interface AnalysisResult {
  publicationDate: PublicationDate;
  /** Sorted by start, then by end. */
  annotations: Annotation[];
  /** Who is who: the people and agencies of the article; quotes point here with `entity`. */
  entities: Entity[];
}
