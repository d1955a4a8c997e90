/**
 * What every check of an article reports. A check is a pure function of the text and its analysis; the
 * severity, and whether a check runs at all, are the user's choice (`newsAnnotator.checks`), applied when
 * findings become diagnostics.
 */

export const CHECK_CODES = [
  'weekday-mismatch',
  'unbalanced-quote',
  'unattributed-quote',
  'acronym-before-definition',
  'no-publication-date',
] as const;
export type CheckCode = (typeof CHECK_CODES)[number];

export const CHECK_LEVELS = ['off', 'hint', 'information', 'warning', 'error'] as const;
export type CheckLevel = (typeof CHECK_LEVELS)[number];

export const DEFAULT_CHECK_LEVELS: Readonly<Record<CheckCode, CheckLevel>> = {
  'weekday-mismatch': 'warning',
  'unbalanced-quote': 'warning',
  'unattributed-quote': 'information',
  'acronym-before-definition': 'information',
  'no-publication-date': 'information',
};

/** A place in the text that explains a finding (the definition of an acronym, the publication date …). */
export interface RelatedSpan {
  start: number;
  end: number;
  message: string;
}

/** What a quick fix needs, carried in the diagnostic's `data` so that code actions need no second analysis. */
export type FixData =
  | { kind: 'replace'; with: string }
  | { kind: 'add-publication-date'; suggested: string | null };

export interface Finding {
  code: CheckCode;
  /** UTF-16 offsets into the article; `end` is exclusive. */
  start: number;
  end: number;
  message: string;
  related?: RelatedSpan[];
  fix?: FixData;
}
