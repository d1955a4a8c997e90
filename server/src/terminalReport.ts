import type { AgencyAnnotation, AnalysisResult, DateAnnotation, QuoteAnnotation } from './analysis/annotation';
import { chronologicalKey } from './features/documentSymbols';
import { quoteLabel } from './features/quoteText';
import { tokenSegments, type TokenType } from './features/semanticTokens';

const RESET = '\x1b[0m';
const STYLE: Record<TokenType, string> = {
  agency: '\x1b[1;36m', // bold cyan
  date: '\x1b[32m', // green
  quote: '\x1b[33m', // yellow
  speaker: '\x1b[1;35m', // bold magenta
};
const HEADING = '\x1b[1m';

/** The article with each annotation coloured; without colour, annotations are bracketed: [NASA]{agency}. */
export function renderArticle(name: string, text: string, result: AnalysisResult, color: boolean): string {
  let out = color ? `${HEADING}== ${name} ==${RESET}\n` : `== ${name} ==\n`;
  let cursor = 0;
  for (const segment of tokenSegments(text, result)) {
    out += text.slice(cursor, segment.start);
    const piece = text.slice(segment.start, segment.end);
    out += color ? `${STYLE[segment.type]}${piece}${RESET}` : segment.type === 'quote' ? piece : `[${piece}]{${segment.type}}`;
    cursor = segment.end;
  }
  return `${out}${text.slice(cursor)}\n`;
}

/** Agencies with their mentions, the timeline, and who said what. */
export function renderSummary(result: AnalysisResult, color: boolean): string {
  const heading = (title: string): string => (color ? `${HEADING}${title}${RESET}` : title);
  const paint = (type: TokenType, value: string): string => (color ? `${STYLE[type]}${value}${RESET}` : value);
  const agencies = new Map<string, AgencyAnnotation[]>();
  const dates: DateAnnotation[] = [];
  const quotes: QuoteAnnotation[] = [];
  for (const annotation of result.annotations) {
    if (annotation.type === 'agency') agencies.set(annotation.canonical, [...(agencies.get(annotation.canonical) ?? []), annotation]);
    else if (annotation.type === 'date') dates.push(annotation);
    else quotes.push(annotation);
  }
  const lines = [
    `Published ${result.publicationDate.value} (${result.publicationDate.source})`,
    `${agencies.size} agencies · ${dates.length} dates · ${quotes.length} quotes`,
    '',
    heading('Agencies'),
  ];
  for (const [canonical, mentions] of agencies) {
    const forms = [...new Set(mentions.map((m) => m.text))].join(', ');
    lines.push(`  ${paint('agency', canonical)} (${mentions[0].category}) ×${mentions.length}: ${forms}`);
  }
  lines.push('', heading('Timeline'));
  for (const date of [...dates].sort((a, b) => chronologicalKey(a.value) - chronologicalKey(b.value) || a.start - b.start)) {
    lines.push(`  ${paint('date', date.value.padEnd(11))} ${date.text}`);
  }
  lines.push('', heading('Quotes'));
  for (const quote of quotes) {
    const who = quote.speaker ? `${quote.speaker.text}${quote.resolved && quote.resolved !== quote.speaker.text ? ` → ${quote.resolved}` : ''}` : quote.resolved ?? '(no speaker)';
    lines.push(`  ${paint('speaker', who)}${quote.cue ? ` [${quote.cue}]` : ''}: ${paint('quote', quoteLabel(quote.text, 14))}`);
  }
  return `${lines.join('\n')}\n`;
}
