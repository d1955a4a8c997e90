/**
 * `unbalanced-quote`: a quotation mark that opens and is never closed in its paragraph, or a pair whose
 * closing mark belongs to another style (“ … »). The pairing is the quote scanner's, so apostrophes,
 * elisions ('90s, rock 'n' roll) and inch and foot marks (5'10", a 12" pipe) are already told apart from
 * quotation marks. A quote that runs over several paragraphs is not unbalanced: by convention each new
 * paragraph opens again with a mark and only the last one closes.
 */
import { StringMemo } from '../../analysis/memo';
import { scanQuotes, type ScannedParagraph } from '../../analysis/quotes/quoteScanner';
import type { Paragraph } from '../../analysis/text/paragraphs';
import type { Finding } from './check';

/** Closing marks each typographic opening mark may take: English, German and Polish, French, Swedish and Danish usage. */
const CLOSERS: Record<string, string> = {
  '“': '”“',
  '„': '“”',
  '«': '»«',
  '»': '«»',
  '”': '”',
  '‘': '’‘',
  '‚': '‘’',
  '‹': '›‹',
  '›': '‹›',
};

/** Paragraph scans by paragraph text: an edit rescans only the paragraphs it touches. */
const scans = new StringMemo(scanQuotes, 20_000);

function scanOf(paragraph: string): ScannedParagraph {
  return scans.get(paragraph);
}

/** A mark that can open a double quotation or belong to a typographic pair; a paragraph with only apostrophes has none. */
const MARK_THAT_MATTERS = /["`«»‹›\u201a\u2018\u201c-\u201e]|''/;

export function unbalancedQuotes(paragraphs: readonly Paragraph[]): Finding[] {
  const findings: Finding[] = [];
  paragraphs.forEach((paragraph, i) => {
    if (!MARK_THAT_MATTERS.test(paragraph.text)) return;
    const scan = scanOf(paragraph.text);
    for (const pair of scan.pairs) {
      const opener = paragraph.text.charAt(pair.start);
      const closer = paragraph.text.charAt(pair.end - 1);
      const allowed = CLOSERS[opener];
      // Straight marks mixed with curly ones are sloppy, not ambiguous; only two typographic styles clash.
      if (!allowed || !(closer in CLOSERS || '”’»›'.includes(closer)) || allowed.includes(closer)) continue;
      findings.push({
        code: 'unbalanced-quote',
        start: paragraph.start + pair.end - 1,
        end: paragraph.start + pair.end,
        message: `${closer} closes a quotation opened with ${opener}; ${opener} is closed with ${[...allowed].join(' or ')}.`,
        related: [{ start: paragraph.start + pair.start, end: paragraph.start + pair.start + 1, message: `The quotation opens here with ${opener}.` }],
      });
    }
    const open = scan.unclosedOpen;
    if (!open || open.family !== 'double') return;
    const next = paragraphs[i + 1];
    if (next && scanOf(next.text).opensWithMark) return; // continued in the next paragraph
    const start = paragraph.start + open.start;
    findings.push({
      code: 'unbalanced-quote',
      start,
      end: start + open.mark.length,
      message: `This ${open.mark} opens a quotation that is not closed in its paragraph${next ? ', and the next paragraph does not continue it' : ''}.`,
    });
  });
  return findings;
}
