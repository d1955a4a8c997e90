/**
 * The quotes of the articles as a spreadsheet: one row per quote. Written for Excel and LibreOffice as much
 * as for scripts: UTF-8 with a byte order mark (without it Excel reads the file as the local code page),
 * CRLF row ends and fields quoted per RFC 4180.
 */
import type { DateAnnotation, QuoteAnnotation } from '../analysis/annotation';
import { splitParagraphs } from '../analysis/text/paragraphs';
import type { ExportedFile } from '../protocol/newsRequests';
import type { ArticleToExport } from './exportArticles';

export const CSV_FILE_NAME = 'quotes.csv';

export const CSV_COLUMNS = ['article', 'quote', 'speaker mention', 'resolved entity', 'resolved kind', 'cue', 'dates in paragraph', 'start', 'end'] as const;

const BYTE_ORDER_MARK = '\uFEFF';
const ROW_END = '\r\n';

export function exportQuotesCsv(articles: readonly ArticleToExport[]): ExportedFile {
  return { name: CSV_FILE_NAME, content: `${csvFileStart()}${articles.map(csvRowsOf).join('')}` };
}

/** The byte order mark and the header row: what the file starts with, before the rows of each article. */
export function csvFileStart(): string {
  return `${BYTE_ORDER_MARK}${CSV_COLUMNS.map(csvTextField).join(',')}${ROW_END}`;
}

/** One article's rows, each ending with CRLF. */
export function csvRowsOf(article: ArticleToExport): string {
  return quoteRows(article).map((row) => `${row.join(',')}${ROW_END}`).join('');
}

function quoteRows({ uri, text, analysis }: ArticleToExport): string[][] {
  const quotes = analysis.annotations.filter((a): a is QuoteAnnotation => a.type === 'quote');
  if (quotes.length === 0) return [];
  const dates = analysis.annotations.filter((a): a is DateAnnotation => a.type === 'date');
  const paragraphs = splitParagraphs(text);
  return quotes.map((quote) => {
    // A quote over several paragraphs takes the dates of each of them.
    const first = paragraphs[lastIndexAtOrBefore(paragraphs, quote.start)];
    const last = paragraphs[lastIndexAtOrBefore(paragraphs, Math.max(quote.start, quote.end - 1))];
    const from = first && first.end > quote.start ? first.start : quote.start;
    const to = last && last.end > quote.start ? Math.max(last.end, quote.end) : quote.end;
    const paragraphDates: DateAnnotation[] = [];
    for (let i = Math.max(0, lastIndexAtOrBefore(dates, from)); i < dates.length && dates[i].start < to; i++) {
      if (dates[i].start >= from && dates[i].end <= to) paragraphDates.push(dates[i]);
    }
    return [
      csvTextField(uri),
      csvTextField(quote.text),
      csvTextField(quote.speaker?.text ?? ''),
      csvTextField(quote.resolved ?? ''),
      csvTextField(quote.resolvedKind ?? ''),
      csvTextField(quote.cue ?? ''),
      csvTextField(paragraphDates.map((date) => `${date.text} (${date.value})`).join('; ')),
      String(quote.start),
      String(quote.end),
    ];
  });
}

/** The index of the last span starting at or before `offset` in spans sorted by start; -1 if none. */
function lastIndexAtOrBefore(spans: ReadonlyArray<{ start: number }>, offset: number): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (spans[middle].start <= offset) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

/**
 * A text cell. A spreadsheet runs a cell that starts with =, +, -, @ (and, in some, a tab or CR before them) as
 * a formula, so an article could smuggle `=HYPERLINK(…)` into the reader's spreadsheet: such a cell gets a
 * leading apostrophe, as OWASP recommends ("CSV Injection"). The guard applies to every text cell, "-" too:
 * a quote cell starts with its quotation mark, so in practice it touches speaker mentions, cues and article
 * names; only the start and end columns, which are numbers, are written as they are. A text that already starts
 * with apostrophes before one of those characters gets one more, so that the rule for getting the exact text
 * back has no exception: drop one leading apostrophe when apostrophes and one of those characters follow it.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

export function csvTextField(value: string): string {
  return rfc4180Field(FORMULA_START.test(value) ? `'${value}` : value);
}

/** Quoted when it holds a comma, a quotation mark, CR or LF, with inner quotation marks doubled (RFC 4180). */
function rfc4180Field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
