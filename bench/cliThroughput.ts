/**
 * `news-annotate --jsonl` with `--jobs 1` against `--jobs N`: documents per second and MB/s over the
 * evaluation corpora (when their folder is there) and over articles generated for the bench, and the
 * check that both write the same bytes.
 */
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import * as path from 'node:path';
import type { BenchRow } from './benchRow';
import { runCli, type CliRun } from './cliProcess';
import { generateBenchText } from './corpus';
import { SeededRandom } from './random';
import { summarise } from './stats';

export const SPEED_UP_TARGET = 1.8;

export interface CliThroughputOptions {
  runs: number;
  jobs: number;
  seed: number;
  generatedArticles: number;
  /** The evaluation corpora again this many times in one input, to measure past each thread's warm-up. */
  evalRepeat: number;
}

/** A set of `{id, text, published}` lines for the CLI. */
interface LineSet {
  name: string;
  lines: string[];
}

/** `<repo>/../shared/eval` (or $NEWS_ANNOTATOR_EVAL_DIR), as `npm run eval` finds it; undefined when absent. */
export function evalDirectory(repoRoot: string): string | undefined {
  const dir = process.env.NEWS_ANNOTATOR_EVAL_DIR ?? path.resolve(repoRoot, '..', 'shared', 'eval');
  return existsSync(dir) && readdirSync(dir).some((name) => name.endsWith('.jsonl')) ? dir : undefined;
}

/** Every gold document of the evaluation corpora as a CLI input line: its id, its text and its date. */
export function evalCorpusLines(dir: string): string[] {
  const lines: string[] = [];
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.jsonl')).sort()) {
    for (const line of readFileSync(path.join(dir, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const document = JSON.parse(line) as { id: unknown; text: string; dct?: string | null };
      lines.push(JSON.stringify({ id: document.id, text: document.text, published: document.dct ?? undefined }));
    }
  }
  return lines;
}

/** One article of 1.5–8 KB per line, each from its own seed, as a wire archive would hold them. */
export function generatedArticleLine(index: number, seed: number): string {
  const bytes = new SeededRandom(seed * 1_000_003 + index).int(1_500, 8_000);
  return JSON.stringify({ id: `generated-${seed}-${index}`, text: generateBenchText(bytes, seed * 1_000_003 + index) });
}

export async function benchCliThroughput(options: CliThroughputOptions, repoRoot: string, rows: BenchRow[], log: (line: string) => void): Promise<void> {
  const sets: LineSet[] = [];
  const evalDir = evalDirectory(repoRoot);
  if (evalDir) {
    const lines = evalCorpusLines(evalDir);
    sets.push({ name: 'eval corpora', lines });
    // The CLI forgets its paragraph memo every 2 M characters, so a corpus of 5 M characters repeated is analysed
    // afresh each time: what the repeat removes is only the share of each thread's warm-up.
    if (options.evalRepeat > 1) sets.push({ name: `eval corpora ×${options.evalRepeat}`, lines: Array.from({ length: options.evalRepeat }, () => lines).flat() });
  }
  else log('no evaluation corpora (../shared/eval or $NEWS_ANNOTATOR_EVAL_DIR): that part is skipped');
  if (options.generatedArticles > 0) {
    sets.push({ name: 'generated articles', lines: Array.from({ length: options.generatedArticles }, (_, i) => generatedArticleLine(i, options.seed)) });
  }
  const folder = mkdtempSync(path.join(tmpdir(), 'news-annotator-bench-cli-'));
  try {
    for (const set of sets) {
      const file = path.join(folder, `${set.name.replace(/\W+/g, '-')}.jsonl`);
      const content = `${set.lines.join('\n')}\n`;
      writeFileSync(file, content);
      const bytes = Buffer.byteLength(content);
      const size = `${set.lines.length} docs, ${(bytes / 1e6).toFixed(1)} MB`;
      const byJobs = new Map<number, CliRun[]>([[1, []], [options.jobs, []]]);
      // Alternating the two settings spreads any other load on the machine over both alike.
      for (let run = 0; run < options.runs; run++) {
        for (const jobs of byJobs.keys()) {
          log(`CLI ${set.name}, --jobs ${jobs}, run ${run + 1}/${options.runs}…`);
          const input = openSync(file, 'r');
          try {
            const result = await runCli(repoRoot, ['--jobs', String(jobs), '--exit-zero-on-bad-lines'], input);
            if (result.status !== 0) throw new Error(`news-annotate --jobs ${jobs} exited ${result.status}: ${result.stderr}`);
            if (result.outputLines !== set.lines.length) throw new Error(`news-annotate --jobs ${jobs} wrote ${result.outputLines} lines for ${set.lines.length}`);
            byJobs.get(jobs)!.push(result);
          } finally {
            closeSync(input);
          }
        }
      }
      const hashes = new Set([...byJobs.values()].flat().map((r) => r.outputSha1));
      const medians = new Map([...byJobs].map(([jobs, runs]) => [jobs, summarise(runs.map((r) => r.ms))]));
      const cpuMedians = new Map([...byJobs].map(([jobs, runs]) => [jobs, medianCpuMs(runs)]));
      for (const [jobs, timing] of medians) {
        const cpuMs = cpuMedians.get(jobs);
        rows.push({
          section: '6 cli',
          metric: `news-annotate --jsonl --jobs ${jobs}, ${set.name}`,
          size,
          unit: 'ms',
          ...timing,
          derived: `${(set.lines.length / (timing.median / 1000)).toFixed(0)} docs/s, ${(bytes / 1e6 / (timing.median / 1000)).toFixed(2)} MB/s`,
          note: `peak RSS ${Math.max(...byJobs.get(jobs)!.map((r) => r.peakRssBytes)) >> 20} MB; process start to exit${cpuMs === undefined ? '' : `; CPU ${(cpuMs / 1000).toFixed(2)} s (user + sys, all threads: ${(cpuMs / timing.median).toFixed(2)} cores busy)`}`,
        });
      }
      const speedUp = medians.get(1)!.median / medians.get(options.jobs)!.median;
      rows.push({
        section: '6 cli',
        metric: `speed-up --jobs ${options.jobs} / --jobs 1 (docs/s), ${set.name}`,
        size,
        unit: '×',
        median: speedUp,
        target: `≥ ${SPEED_UP_TARGET}×`,
        status: speedUp >= SPEED_UP_TARGET ? 'PASS' : 'MISS',
        note: hashes.size === 1 ? 'output byte for byte the same in every run' : `OUTPUTS DIFFER (${hashes.size} different hashes)`,
      });
      const cpuOfJobs = cpuMedians.get(options.jobs);
      if (cpuOfJobs !== undefined) {
        // However well the work is spread, --jobs N cannot finish before its CPU time fills the cores it can use:
        // this ceiling says whether a miss is in the CLI's scheduling or in the CPU the threads spend.
        const usableCores = Math.min(options.jobs, availableParallelism());
        const floorMs = cpuOfJobs / usableCores;
        rows.push({
          section: '6 cli',
          metric: `ceiling of that speed-up from CPU time, ${set.name}`,
          size,
          unit: '×',
          median: medians.get(1)!.median / floorMs,
          derived: `--jobs ${options.jobs} spends ${(cpuOfJobs / 1000).toFixed(2)} s of CPU (--jobs 1: ${(cpuMedians.get(1)! / 1000).toFixed(2)} s), so needs ≥ ${(floorMs / 1000).toFixed(2)} s on ${usableCores} cores`,
        });
      }
      if (hashes.size !== 1) throw new Error(`news-annotate wrote different output for --jobs 1 and --jobs ${options.jobs} on ${set.name}`);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

export const DEFAULT_JOBS = availableParallelism();

function medianCpuMs(runs: readonly CliRun[]): number | undefined {
  const cpu = runs.map((run) => run.cpuMs);
  return cpu.every((ms): ms is number => ms !== undefined) ? summarise(cpu).median : undefined;
}
