/**
 * The checks of an article as LSP diagnostics, source `news`: each finding gets the severity the user
 * chose for its code (`newsAnnotator.checks`), or none at all when the code is switched off.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { AnalysisResult, DateAnnotation } from '../analysis/annotation';
import { splitParagraphs } from '../analysis/text/paragraphs';
import { acronymsBeforeDefinition } from './checks/acronymBeforeDefinition';
import type { CheckCode, CheckLevel, Finding } from './checks/check';
import { missingPublicationDate } from './checks/missingPublicationDate';
import { unattributedQuotes } from './checks/unattributedQuotes';
import { unbalancedQuotes } from './checks/unbalancedQuotes';
import { weekdayMismatches } from './checks/weekdayMismatch';
import { findHeadline } from '../analysis/text/headline';
import type { NewsDocument } from './newsDocument';

export const DIAGNOSTIC_SOURCE = 'news';

export interface CheckContext {
  /** The user set `newsAnnotator.publicationDate` (or the caller passed a date). */
  publicationDateFromSetting: boolean;
}

/** Every finding of every check, in text order; independent of the user's severities, so it can be cached per analysis. */
export function runChecks(text: string, analysis: AnalysisResult, context: CheckContext): Finding[] {
  const steps = runChecksInSteps(text, analysis, context);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The same findings, one check per step: together they cost 40 ms on a wire file, so that a server can answer between them. */
export function* runChecksInSteps(text: string, analysis: AnalysisResult, context: CheckContext): Generator<void, Finding[], void> {
  const dates = analysis.annotations.filter((a): a is DateAnnotation => a.type === 'date');
  const quotes = analysis.annotations.filter((a) => a.type === 'quote');
  const paragraphs = splitParagraphs(text);
  const headline = findHeadline(text);
  const exempt = (offset: number): boolean => (headline !== undefined && offset >= headline.start && offset < headline.end) || onCapitalisedLine(text, offset);
  const findings = [
    ...missingPublicationDate(text, analysis.publicationDate, dates, context.publicationDateFromSetting),
    ...weekdayMismatches(text, dates, analysis.publicationDate),
  ];
  yield;
  findings.push(...unbalancedQuotes(paragraphs));
  yield;
  findings.push(...unattributedQuotes(text, paragraphs, quotes));
  yield;
  findings.push(...acronymsBeforeDefinition(text, exempt));
  return findings.sort((a, b) => a.start - b.start || a.end - b.end);
}

const SEVERITIES: Record<Exclude<CheckLevel, 'off'>, DiagnosticSeverity> = {
  hint: DiagnosticSeverity.Hint,
  information: DiagnosticSeverity.Information,
  warning: DiagnosticSeverity.Warning,
  error: DiagnosticSeverity.Error,
};

export function toDiagnostics(document: NewsDocument, findings: readonly Finding[], levels: Readonly<Record<CheckCode, CheckLevel>>): Diagnostic[] {
  const range = (span: { start: number; end: number }) => ({ start: document.positionAt(span.start), end: document.positionAt(span.end) });
  const diagnostics: Diagnostic[] = [];
  for (const finding of findings) {
    const level = levels[finding.code];
    if (level === 'off') continue;
    const diagnostic: Diagnostic = {
      range: range(finding),
      severity: SEVERITIES[level],
      source: DIAGNOSTIC_SOURCE,
      code: finding.code,
      message: finding.message,
    };
    if (finding.related?.length) {
      diagnostic.relatedInformation = finding.related.map((related) => ({ location: { uri: document.uri, range: range(related) }, message: related.message }));
    }
    if (finding.fix) diagnostic.data = finding.fix;
    diagnostics.push(diagnostic);
  }
  return diagnostics;
}

/** A line in capitals (a wire headline, a section heading), where acronyms are house style. */
function onCapitalisedLine(text: string, offset: number): boolean {
  const lineStart = Math.max(text.lastIndexOf('\n', offset), text.lastIndexOf('\r', offset)) + 1;
  let lineEnd = text.length;
  for (let i = offset; i < text.length && i < offset + 400; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lineEnd = i;
      break;
    }
  }
  let upper = 0;
  let lower = 0;
  for (let i = lineStart; i < Math.min(lineEnd, lineStart + 400); i++) {
    const c = text[i];
    if (c !== c.toLowerCase()) upper++;
    else if (c !== c.toUpperCase()) lower++;
  }
  return upper >= 6 && lower <= upper / 4;
}
