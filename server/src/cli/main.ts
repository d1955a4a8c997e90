/**
 * `news-annotate`: the same analysis as the language server, in a terminal or as a stream filter.
 *   news-annotate FILE…                       the articles with annotations coloured, and a summary
 *   news-annotate --json FILE…                {publicationDate, annotations}
 *   news-annotate --jsonl [--jobs N]          JSON lines {id, text, published?|dct?} in, one line out per line in
 *   news-annotate --format jsonl|csv|brat     the articles exported (see exportCommand.ts)
 */
import { annotate, type AnalysisResult } from '../analysis/annotate';
import { toPublicResult } from '../publicSchema';
import { renderArticle, renderSummary } from '../terminalReport';
import { readArticle } from './articleFile';
import { reportCpuAtExit } from './cpuReport';
import { runExport } from './exportCommand';
import { InputError } from './inputError';
import { filterJsonLines } from './jsonLinesFilter';
import { parseArguments, USAGE, UsageError, type CliOptions } from './options';

export async function main(argv: string[]): Promise<number> {
  let options: CliOptions;
  try {
    options = parseArguments(argv, !!process.stdout.isTTY);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`news-annotate: ${error.message}\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
  if (options.mode === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (options.mode === 'version') {
    process.stdout.write('news-annotate 0.1.0\n');
    return 0;
  }
  if (options.mode === 'jsonl') {
    const { rejected } = await filterJsonLines(process.stdin, process.stdout, process.stderr, options);
    return rejected > 0 && !options.exitZeroOnBadLines ? 1 : 0;
  }
  if (options.format) {
    if (options.files.length === 0 && process.stdin.isTTY) {
      process.stderr.write(`news-annotate: no file given, and no article piped to standard input.\n${USAGE}\n`);
      return 2;
    }
    return await runExport({ ...options, format: options.format }, process.stdout, process.stderr);
  }
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

/**
 * Runs the CLI and sets the exit code; the `news-annotate` bin script calls this. A reader that stops
 * early (`| head`) closes standard output: that ends the run successfully, as for any Unix filter.
 */
export function run(argv: string[]): void {
  reportCpuAtExit();
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    process.stderr.write(`news-annotate: cannot write the output (${error.code ?? error.message}).\n`);
    process.exit(74);
  });
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
