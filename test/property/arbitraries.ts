/**
 * Generators of hostile news articles: realistic fragments (agencies, dates, attributions, quotes)
 * so that every tagger fires, interleaved with the characters that break offset arithmetic
 * (surrogate pairs, lone surrogates, combining marks, CR/CRLF, BOM, bidi and zero-width marks, NUL)
 * and with unbalanced, nested and mixed quotation marks.
 */
import fc from 'fast-check';
import type { AnnotateOptions, CustomAgency } from '../../server/src/analysis/annotation';

const AGENCIES = [
  'NASA',
  'Roscosmos',
  'the German Aerospace Center (DLR)',
  'German Aerospace Center',
  'DLR',
  'the European Space Agency',
  'ESA',
  'Reuters',
  'the Associated Press',
  'AP',
  'the Kremlin',
  'the Pentagon',
  'the United Nations',
  'the State Department',
  'the Federal Reserve',
  'Acme Robotics Inc.',
  'the Ministry of Defence',
  'the World Health Organization (WHO)',
  'JAXA',
  'the Supreme Court',
];

const PEOPLE = ['Dmitry Rogozin', 'Bill Nelson', 'Josef Aschbacher', 'Anna Schmidt', 'a spokeswoman', 'the agency', 'he', 'she', 'officials', 'It'];

const DATES = [
  'March 3, 2022',
  '3 March 2022',
  'on Thursday',
  'last week',
  'yesterday',
  'next month',
  'in 2021',
  'on March 3',
  '2022-03-03',
  'earlier this year',
  'on Feb. 24',
  'in the spring of 2023',
  'two days ago',
  'today',
  'last Friday',
  'in the 1990s',
  'Q1 2022',
  'tomorrow',
  'recently',
  'now',
  'in the past',
  'in the coming years',
];

const CUES = ['said', 'said on Thursday', 'told Reuters', 'wrote on Twitter', 'added', 'according to', 'announced', 'said in a statement', 'stated'];

const WORDS = [
  'The', 'space', 'station', 'will', 'keep', 'flying', 'sanctions', 'cooperation', 'experiments', 'joint', 'mission',
  'launch', 'we', 'are', 'not', 'going', 'to', 'stop', 'partnership', 'satellite', 'orbit', 'program', 'budget', 'and', 'of', 'the',
];

/** Opening/closing marks, deliberately mismatched as often as matched. */
const QUOTE_MARKS = ['"', '“', '”', '‘', '’', '«', '»', '‹', '›', '„', '‚', '``', "''", "'", '« ', ' »'];

/** Characters that break naive offset handling. */
const HOSTILE = [
  '😀', '🚀', '👩‍🚀', '🇩🇪', '𝒜', '𝕹𝕬𝕾𝕬', // surrogate pairs, ZWJ sequences, flags
  '\uD800', '\uDBFF', '\uDC00', '\uDFFF', 'x\uD83D', '\uDE80y', // lone surrogates
  'e\u0301', '\u0308', 'N\u0323A\u0323', // combining marks
  '\r\n', '\r', '\n', '\n\n', '\r\n\r\n', '\r\r', '\n\r', // line breaks of every kind
  '\uFEFF', // BOM (anywhere, not only at the start)
  'وكالة الفضاء', 'סוכנות החלל', '\u202E', '\u202D', '\u200F', '\u200E', '\u2067', '\u2069', // right-to-left
  '\u200B', '\u200C', '\u200D', '\u2060', '\u00AD', // zero-width
  '\u0000', '\u0001', '\u007F', '\u2028', '\u2029', '\u0085', '\u000B', '\u000C', '\t', '\u00A0', '\u3000',
  '---', '***', '#', '> ', '- ', '@roscosmos', '#NASA', 'https://t.co/abc',
];

const SEPARATORS = [' ', ' ', ' ', '', '\n', '\n\n', '\r\n', '\r\n\r\n', '\r', ', ', '. ', ' — ', '\t'];

const pick = <T>(values: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...values);

/** Any UTF-16 code unit, so lone surrogates appear in random text as well. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
const randomText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: codeUnit, maxLength: 8 }),
);

const words = fc.array(pick(WORDS), { minLength: 1, maxLength: 10 }).map((list) => list.join(' '));

const quoteMark = pick(QUOTE_MARKS);

/** A quotation, well-formed or not: matched, mismatched, unclosed, or with a quote nested inside. */
const quotation: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(quoteMark, words, quoteMark).map(([open, body, close]) => `${open}${body}${close}`),
  fc.tuple(pick(['"', '“', '«', '„']), words).map(([open, body]) => `${open}${body}`),
  fc.tuple(words, pick(['"', '”', '»', '’'])).map(([body, close]) => `${body}${close}`),
  fc.tuple(quoteMark, words, quoteMark, words, quoteMark, quoteMark).map(([a, b, c, d, e, f]) => `${a}${b} ${c}${d}${e} more${f}`),
  fc.tuple(pick(['"', '“']), words, pick(['\n\n', '\r\n\r\n']), pick(['"', '“']), words, pick(['"', '”'])).map((parts) => parts.join('')),
);

/** Sentences shaped like news: attributions before or after quotes, dates, agencies. */
const newsSentence: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(quotation, pick(AGENCIES), pick(CUES), pick(DATES)).map(([q, who, cue, when]) => `${q}, ${who} ${cue} ${when}.`),
  fc.tuple(pick(AGENCIES), pick(CUES), quotation).map(([who, cue, q]) => `${who} ${cue}: ${q}`),
  fc.tuple(pick(PEOPLE), pick(AGENCIES), pick(CUES), quotation).map(([who, org, cue, q]) => `${who}, head of ${org}, ${cue} ${q}`),
  fc.tuple(pick(AGENCIES), words, pick(DATES)).map(([who, what, when]) => `${who} ${what} ${when}.`),
  fc.tuple(pick(['MOSCOW', 'BERLIN', 'WASHINGTON', 'CAPE CANAVERAL, Fla.']), pick(DATES), pick(['Reuters', 'AP', 'AFP'])).map(
    ([city, when, wire]) => `${city}, ${when} (${wire}) - `,
  ),
  fc.tuple(pick(DATES), pick(['published', 'date', 'title'])).map(([when, key]) => `---\n${key}: ${when}\n---\n`),
  fc.tuple(quotation, pick(PEOPLE), pick(CUES)).map(([q, who, cue]) => `${q} ${who} ${cue}.`),
  fc.tuple(pick(PEOPLE), pick(CUES), pick(AGENCIES), words).map(([who, cue, org, w]) => `${who} ${cue} ${org} would ${w}.`),
  // An embedded social-media post: its text, then the signature line with a handle and a date.
  fc.tuple(words, pick(['— ', '— ', '– ', '- ', '']), pick(['Roscosmos', 'NASA', 'ДЛР']), pick(['@roscosmos', '@NASA', '@x_1', '@']), pick(['March 3, 2022', '3 March 2022', 'Feb 24, 2022', 'yesterday']), pick(['', ' pic.twitter.com/AbC1', ' https://t.co/zz']), pick([' ', '\n', '\r\n', '\n\n'])).map(
    ([text, dash, name, handle, when, link, gap]) => `\n\n${text}${link}${gap}${dash}${name} (${handle}) ${when}\n\n`,
  ),
  // An acronym defined in the text, then used alone.
  fc.tuple(pick(['Orbital Freight Service', 'Lunar Mining Board', 'Agence Spatiale Nouvelle']), pick(['OFS', 'LMB', 'ASN', 'X'])).map(
    ([name, acronym]) => `the ${name} (${acronym}) said; ${acronym} officials declined to comment.`,
  ),
);

const fragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: newsSentence },
  { weight: 3, arbitrary: pick(HOSTILE) },
  { weight: 2, arbitrary: pick([...AGENCIES, ...DATES, ...CUES, ...PEOPLE]) },
  { weight: 2, arbitrary: quoteMark },
  { weight: 2, arbitrary: randomText },
  { weight: 1, arbitrary: words },
);

/** A whole line of a few thousand characters, without a single line break. */
const longLine: fc.Arbitrary<string> = fc
  .tuple(fc.array(fragment, { minLength: 1, maxLength: 4 }), fc.integer({ min: 50, max: 400 }))
  .map(([pieces, times]) => pieces.join(' ').replace(/[\r\n\u2028\u2029\u0085]/g, ' ').repeat(times));

/** A news article made of fragments joined by assorted separators; sometimes with a BOM or a very long line. */
export const article: fc.Arbitrary<string> = fc
  .tuple(
    fc.boolean(),
    fc.array(fc.tuple(fragment, pick(SEPARATORS)), { minLength: 0, maxLength: 30 }),
    fc.oneof({ weight: 1, arbitrary: longLine }, { weight: 15, arbitrary: fc.constant(null) }),
    fc.nat(),
  )
  .map(([bom, pieces, long, at]) => {
    const parts = pieces.map(([piece, separator]) => piece + separator);
    if (long !== null) parts.splice(at % (parts.length + 1), 0, long, '\n');
    return (bom ? '\uFEFF' : '') + parts.join('');
  });

const customAgency: fc.Arbitrary<CustomAgency> = fc.record(
  {
    name: fc.oneof(pick(['Orbital Freight Ltd', 'Space Kitty 🐱', 'NASA', 'Ѳ Agency', '"Quoted" Org']), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 })),
    aliases: fc.array(fc.oneof(pick(['OFL', '@orbitalfreight', 'the freight company', 'e\u0301']), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 })), { maxLength: 3 }),
    acronym: pick(['OFL', 'SK', 'X', '']),
    category: pick(['company', 'space agency', 'ngo'] as const),
  },
  { requiredKeys: ['name'] },
);

const publicationDateSetting = pick(['2022-03-03', '1999-12-31', '2024-02-29', '2000-01-01']);

/** Options as the server passes them without custom agencies: a publication date setting, or none. */
export const annotateOptions: fc.Arbitrary<AnnotateOptions> = fc.record({ publicationDate: publicationDateSetting }, { requiredKeys: [] });

/**
 * Options with the user's own agencies. Kept apart because each new agency list rebuilds the agency
 * tagger (tens of milliseconds), which would dominate the time of every other property.
 */
export const customAgencyOptions: fc.Arbitrary<AnnotateOptions> = fc.record(
  {
    publicationDate: publicationDateSetting,
    customAgencies: fc.array(customAgency, { minLength: 1, maxLength: 2 }),
    ignoredAgencies: fc.array(fc.oneof(pick(['NASA', 'the freight company', 'Orbital Freight Ltd', 'Space Kitty 🐱']), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 })), { maxLength: 2 }),
  },
  { requiredKeys: ['customAgencies'] },
);

export interface Edit {
  /** Where the edit starts, as a fraction of the current length (0..1). */
  at: number;
  /** Characters removed from there. */
  remove: number;
  insert: string;
}

export const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 200 })),
  insert: fc.oneof(fc.constant(''), fragment, fc.tuple(fragment, pick(SEPARATORS), fragment).map((p) => p.join(''))),
});

/** The [start, end) an edit replaces in `text`; it may cut a surrogate pair or a CRLF, as editors sometimes do. */
export function editRange(text: string, change: Edit): { start: number; end: number } {
  const start = Math.min(text.length, Math.floor(change.at * (text.length + 1)));
  return { start, end: Math.min(text.length, start + change.remove) };
}

export function applyEdit(text: string, change: Edit): string {
  const { start, end } = editRange(text, change);
  return text.slice(0, start) + change.insert + text.slice(end);
}
