/**
 * `news-annotate`: the same analysis as the language server, in a terminal.
 *   news-annotate FILE…                       the articles with annotations coloured, and a summary
 *   news-annotate --json FILE…                {publicationDate, annotations}
 *   news-annotate --jsonl [--published DATE]  JSON lines {id, text, published?|dct?} in, {id, annotations} out
 */
import { readFileSync, statSync } from 'node:fs';
import { annotate, type AnalysisResult, type Annotation } from './analysis/annotate';
import { isCalendarDate } from './isoDate';
import { toPublicAnnotation, toPublicResult } from './publicSchema';
import { renderArticle, renderSummary } from './terminalReport';

const USAGE = `Usage:
  news-annotate [--published YYYY-MM-DD] FILE…         print each article with its annotations coloured, and a summary
  news-annotate --json [--published YYYY-MM-DD] FILE…  print {publicationDate, annotations} as JSON
  news-annotate --jsonl [--published YYYY-MM-DD]       read JSON lines {id, text, published?} on stdin,
                                                       write {id, annotations} per line
Options:
  --published YYYY-MM-DD   publication date when an article names none of its own
  --no-color               plain text output (also when NO_COLOR is set or output is not a terminal)
  --help, --version`;

class UsageError extends Error {}
class InputError extends Error {}

interface CliOptions {
  mode: 'report' | 'json' | 'jsonl';
  published?: string;
  color: boolean;
  files: string[];
}

export async function main(argv: string[]): Promise<number> {
  let options: CliOptions;
  try {
    options = parseArguments(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`news-annotate: ${error.message}\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
  if (options.mode === 'jsonl') return runJsonLines(options);
  if (options.files.length === 0) {
    process.stderr.write(`news-annotate: no file given.\n${USAGE}\n`);
    return 2;
  }
  let failures = 0;
  const results: Array<{ file: string; result: AnalysisResult }> = [];
  for (const file of options.files) {
    try {
      const text = readArticle(file);
      const result = annotate(text, { publicationDate: options.published });
      if (options.mode === 'json') results.push({ file, result });
      else process.stdout.write(`${renderArticle(file, text, result, options.color)}\n${renderSummary(result, options.color)}\n`);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      process.stderr.write(`news-annotate: ${error.message}\n`);
      failures++;
    }
  }
  if (options.mode === 'json' && results.length > 0) {
    const json = results.length === 1 && options.files.length === 1
      ? toPublicResult(results[0].result)
      : results.map(({ file, result }) => ({ file, ...toPublicResult(result) }));
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  }
  return failures > 0 ? 1 : 0;
}

function parseArguments(argv: string[]): CliOptions {
  const options: CliOptions = { mode: 'report', color: !!process.stdout.isTTY && !process.env.NO_COLOR, files: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') options.mode = 'json';
    else if (arg === '--jsonl') options.mode = 'jsonl';
    else if (arg === '--no-color') options.color = false;
    else if (arg === '--color') options.color = true;
    else if (arg === '--published' || arg.startsWith('--published=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (!value || !isCalendarDate(value)) throw new UsageError(`--published needs a date written YYYY-MM-DD, got ${JSON.stringify(value ?? '')}.`);
      options.published = value;
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (arg === '--version') {
      process.stdout.write('news-annotate 0.1.0\n');
      process.exit(0);
    } else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}.`);
    else options.files.push(arg);
  }
  if (options.mode === 'jsonl' && options.files.length > 0) throw new UsageError('--jsonl reads standard input; it takes no files.');
  return options;
}

/** The article's text, or an InputError that says plainly what is wrong with the file. */
function readArticle(file: string): string {
  let bytes: Buffer;
  try {
    if (file === '-') bytes = readFileSync(0);
    else {
      if (statSync(file).isDirectory()) throw new InputError(`${file} is a folder, not an article.`);
      bytes = readFileSync(file);
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`${file}: no such file.`);
    if (code === 'EACCES') throw new InputError(`${file}: permission denied.`);
    throw new InputError(`${file}: cannot be read (${code ?? String(error)}).`);
  }
  return decodeArticle(bytes, file);
}

export function decodeArticle(bytes: Uint8Array, name: string): string {
  if (bytes.length === 0) throw new InputError(`${name} is empty.`);
  if (bytes.includes(0)) throw new InputError(`${name} looks like a binary file (it contains NUL bytes), not an article.`);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new InputError(`${name} is not valid UTF-8 text; convert it first (for example: iconv -f latin1 -t utf-8).`);
  }
}

async function runJsonLines(options: CliOptions): Promise<number> {
  let failures = 0;
  let lineNumber = 0;
  // Lines are decoded one by one, strictly: a line that is not UTF-8 is reported, not silently altered.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for await (const bytes of byteLines(process.stdin)) {
    lineNumber++;
    let output: { id: unknown; annotations: ReturnType<typeof toPublicAnnotation>[] };
    try {
      let line: string;
      try {
        line = decoder.decode(bytes);
      } catch {
        throw new InputError('not valid UTF-8 text.');
      }
      if (line.trim() === '') continue;
      const { id, text, published } = parseInputLine(line, options.published);
      output = { id, annotations: annotate(text, { publicationDate: published }).annotations.map((a: Annotation) => toPublicAnnotation(a)) };
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      process.stderr.write(`news-annotate: line ${lineNumber}: ${error.message}\n`);
      failures++;
      continue;
    }
    if (!process.stdout.write(`${JSON.stringify(output)}\n`)) await new Promise((resolve) => process.stdout.once('drain', resolve));
  }
  return failures > 0 ? 1 : 0;
}

/** The lines of a byte stream, without their line ends (LF or CRLF), as bytes. */
async function* byteLines(stream: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let pending: Buffer = Buffer.alloc(0);
  for await (const chunk of stream) {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    let start = 0;
    for (let newline = pending.indexOf(10, start); newline >= 0; newline = pending.indexOf(10, start)) {
      yield withoutCarriageReturn(pending.subarray(start, newline));
      start = newline + 1;
    }
    pending = pending.subarray(start);
  }
  if (pending.length > 0) yield withoutCarriageReturn(pending);
}

function withoutCarriageReturn(line: Buffer): Buffer {
  return line.length > 0 && line[line.length - 1] === 13 ? line.subarray(0, line.length - 1) : line;
}

function parseInputLine(line: string, defaultPublished?: string): { id: unknown; text: string; published?: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new InputError(`not valid JSON (${(error as Error).message}).`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new InputError('expected a JSON object {id, text, published?}.');
  const record = value as Record<string, unknown>;
  if (typeof record.text !== 'string') throw new InputError('"text" must be a string.');
  const published = record.published ?? record.dct ?? defaultPublished;
  if (published !== undefined && published !== null && !isCalendarDate(published)) {
    throw new InputError(`"published" must be a date written YYYY-MM-DD, got ${JSON.stringify(published)}.`);
  }
  return { id: record.id ?? null, text: record.text, published: (published as string | null) ?? undefined };
}


/** Runs the CLI and sets the exit code; the `news-annotate` bin script calls this. */
export function run(argv: string[]): void {
  main(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`news-annotate: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 70;
    },
  );
}
