/**
 * An archive streamed through `news-annotate --jsonl`: a generator process writes articles as JSON lines
 * (1 GB by default, made on the fly, never on disk), the CLI annotates them, and the bench counts the
 * output without keeping it. What it shows: throughput at scale, and a resident set that stays flat
 * because the CLI holds only its bounded window of lines, whatever the length of the input.
 */
import { spawn } from 'node:child_process';
import type { BenchRow } from './benchRow';
import { runCli } from './cliProcess';
import { generatedArticleLine } from './cliThroughput';

export interface ArchiveStreamOptions {
  bytes: number;
  jobs: number;
  seed: number;
}

/**
 * Flat: the highest RSS over the second half of the input may exceed the highest over 10–50% by at most this
 * much. Highs over long stretches, because the garbage collector makes RSS swing by a few hundred MB.
 */
const FLAT_RSS_TOLERANCE = 1.2;

export async function benchArchiveStream(options: ArchiveStreamOptions, rows: BenchRow[], repoRoot: string, log: (line: string) => void): Promise<void> {
  const megabytes = options.bytes / 1e6;
  log(`archive stream: ${megabytes.toFixed(0)} MB generated on the fly through news-annotate --jsonl --jobs ${options.jobs} (about ${Math.ceil(megabytes / 2 / 60)} min)…`);
  const generator = spawn(process.execPath, [process.argv[1], '--stream-generator', '--bytes', String(options.bytes), '--seed', String(options.seed)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let inputBytes = 0;
  generator.stdout.on('data', (chunk: Buffer) => (inputBytes += chunk.length));
  const generatorExit = new Promise<number | null>((resolve) => generator.once('close', resolve));
  const run = await runCli(repoRoot, ['--jobs', String(options.jobs)], generator.stdout, () => inputBytes);
  const generatorStatus = await generatorExit;
  if (run.status !== 0 || generatorStatus !== 0) throw new Error(`archive stream: generator exited ${generatorStatus}, news-annotate ${run.status}: ${run.stderr}`);

  const rssBetween = (from: number, to: number): number =>
    Math.max(0, ...run.rssSamples.filter((s) => s.atInputBytes >= from * inputBytes && s.atInputBytes <= to * inputBytes).map((s) => s.rssBytes)) / 2 ** 20;
  const early = rssBetween(0.1, 0.5);
  const late = rssBetween(0.5, 1);
  const seconds = run.ms / 1000;
  rows.push({
    section: '7 archive',
    metric: `news-annotate --jsonl --jobs ${options.jobs}, generated on the fly: peak RSS`,
    size: `${megabytes >= 1000 ? `${(megabytes / 1000).toFixed(1)} GB` : `${megabytes.toFixed(0)} MB`}, ${run.outputLines} docs`,
    unit: 'MB',
    median: run.peakRssBytes / 2 ** 20,
    derived: `${(run.outputLines / seconds).toFixed(0)} docs/s, ${(inputBytes / 1e6 / seconds).toFixed(2)} MB/s, ${seconds.toFixed(0)} s`,
    target: `flat: max RSS over 50–100% ≤ ${FLAT_RSS_TOLERANCE}× over 10–50%`,
    status: late <= early * FLAT_RSS_TOLERANCE ? 'PASS' : 'MISS',
    note: `max RSS ${rssBetween(0, 0.1).toFixed(0)} MB over the first 10% of the input, ${early.toFixed(0)} MB over 10–50%, ${late.toFixed(0)} MB over 50–100%; ${(run.outputBytes / 1e6).toFixed(0)} MB out, counted not stored`,
  });
}

/** Child mode: writes generated article lines to stdout until `bytes`, at the pace the reader takes them. */
export async function streamGeneratorMain(argv: readonly string[]): Promise<void> {
  const bytes = Number(argv[argv.indexOf('--bytes') + 1]);
  const seed = Number(argv[argv.indexOf('--seed') + 1]) || 1;
  process.stdout.on('error', () => process.exit(0));
  let written = 0;
  for (let index = 0; written < bytes; index++) {
    const line = `${generatedArticleLine(index, seed)}\n`;
    written += Buffer.byteLength(line);
    if (!process.stdout.write(line)) await new Promise((resolve) => process.stdout.once('drain', resolve));
  }
}
