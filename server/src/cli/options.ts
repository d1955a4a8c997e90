import { availableParallelism } from 'node:os';
import { EXPORT_FORMATS } from '../export/exportArticles';
import { isCalendarDate } from '../isoDate';
import type { ExportFormat } from '../protocol/newsRequests';

export const USAGE = `Usage:
  news-annotate [--published YYYY-MM-DD] FILE…         print each article with its annotations coloured, and a summary
  news-annotate --json [--published YYYY-MM-DD] FILE…  print {publicationDate, annotations} as JSON
  news-annotate --jsonl [--published YYYY-MM-DD]       a stream filter: JSON lines {id, text, published?} on stdin,
                [--jobs N]                             one line {id, annotations} (or {id, error}) per input line on stdout
  news-annotate --format jsonl|csv|brat [--out DIR] [FILE…]
                                                       export the articles (standard input when no FILE) as JSON lines,
                                                       a CSV of quotes or brat standoff (brat needs --out)
Options:
  --published YYYY-MM-DD   publication date when an article names none of its own
  --jobs N, -j N           --jsonl: annotate on N threads (default: the number of cores, here ${availableParallelism()});
                           the output is the same, in the same order, for every N
  --format FORMAT          jsonl: {id, annotations} per article; csv: quotes.csv, one row per quote;
                           brat: FILE.txt and FILE.ann per article, annotation.conf and visual.conf
  --out DIR, -o DIR        --format: write the files into DIR (created if missing) instead of standard output
  --max-line-bytes N       --jsonl: answer longer lines with an error line instead of reading them (default 268435456)
  --exit-zero-on-bad-lines --jsonl: exit 0 even if some lines were rejected (they still get an error line)
  --no-color               plain text output (also when NO_COLOR is set or output is not a terminal)
  --help, --version`;

/** A mistake on the command line: reported with the usage, exit code 2. */
export class UsageError extends Error {}

export interface CliOptions {
  mode: 'report' | 'json' | 'jsonl' | 'help' | 'version';
  published?: string;
  color: boolean;
  files: string[];
  jobs: number;
  maxLineBytes: number;
  exitZeroOnBadLines: boolean;
  /** `--format`: export the articles instead of reporting them. */
  format?: ExportFormat;
  /** `--out`: the folder the export is written to; standard output when absent (not for brat). */
  out?: string;
}

// V8 strings hold at most about 512 M UTF-16 units; half of that leaves room for JSON.parse's copy.
export const DEFAULT_MAX_LINE_BYTES = 256 * 1024 * 1024;

export function parseArguments(argv: readonly string[], stdoutIsTerminal: boolean): CliOptions {
  const options: CliOptions = {
    mode: 'report',
    color: stdoutIsTerminal && !process.env.NO_COLOR,
    files: [],
    jobs: availableParallelism(),
    maxLineBytes: DEFAULT_MAX_LINE_BYTES,
    exitZeroOnBadLines: false,
  };
  let jsonLinesOnly: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const valueOf = (name: string): string | undefined => (arg.startsWith(`${name}=`) ? arg.slice(name.length + 1) : argv[++i]);
    const flag = arg.includes('=') ? arg.slice(0, arg.indexOf('=')) : arg;
    if (arg === '--json') options.mode = 'json';
    else if (arg === '--jsonl') options.mode = 'jsonl';
    else if (arg === '--no-color') options.color = false;
    else if (arg === '--color') options.color = true;
    else if (flag === '--published') {
      const value = valueOf(flag);
      if (!value || !isCalendarDate(value)) throw new UsageError(`--published needs a date written YYYY-MM-DD, got ${JSON.stringify(value ?? '')}.`);
      options.published = value;
    } else if (flag === '--jobs' || arg === '-j') {
      options.jobs = positiveInteger(flag, valueOf(flag));
      jsonLinesOnly = flag;
    } else if (flag === '--max-line-bytes') {
      options.maxLineBytes = positiveInteger(flag, valueOf(flag));
      jsonLinesOnly = flag;
    } else if (flag === '--format') {
      const value = valueOf(flag);
      if (!EXPORT_FORMATS.includes(value as ExportFormat)) throw new UsageError(`--format needs one of ${EXPORT_FORMATS.join(', ')}, got ${JSON.stringify(value ?? '')}.`);
      options.format = value as ExportFormat;
    } else if (flag === '--out' || arg === '-o') {
      const value = valueOf(flag);
      if (!value) throw new UsageError(`${flag} needs a folder.`);
      options.out = value;
    } else if (arg === '--exit-zero-on-bad-lines') {
      options.exitZeroOnBadLines = true;
      jsonLinesOnly = arg;
    } else if (arg === '--help' || arg === '-h') return { ...options, mode: 'help' };
    else if (arg === '--version') return { ...options, mode: 'version' };
    else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}.`);
    else options.files.push(arg);
  }
  if (options.mode === 'jsonl' && options.files.length > 0) throw new UsageError('--jsonl reads standard input; it takes no files.');
  if (options.format && options.mode !== 'report') throw new UsageError(`--format cannot be combined with --${options.mode}; use --format jsonl for JSON lines.`);
  if (options.out !== undefined && !options.format) throw new UsageError('--out applies to --format only.');
  if (options.format === 'brat' && options.out === undefined) throw new UsageError('--format brat writes a folder of files: name it with --out DIR.');
  if (jsonLinesOnly && options.mode !== 'jsonl') throw new UsageError(`${jsonLinesOnly} applies to --jsonl only.`);
  return options;
}

function positiveInteger(flag: string, value: string | undefined): number {
  const number = Number(value);
  if (!value || !Number.isSafeInteger(number) || number < 1) throw new UsageError(`${flag} needs a whole number of at least 1, got ${JSON.stringify(value ?? '')}.`);
  return number;
}
