/**
 * `npm run bench`: how fast News Annotator is on long articles, against the targets of the issue
 * "Fast on long articles". Prints a table (or JSON with --json). Options:
 *   --json             the rows as JSON instead of a table
 *   --runs N           measured runs per figure (default 5), after --warmups N (default 1)
 *   --naive-runs-large N  runs of the naive pipeline on 100 KB and 1 MB (default 1, no warm-up:
 *                      compromise-dates makes it ~0.25 s per KB of this text)
 *   --naive-1mb-sample K  on 1 MB, time the naive pipeline on every K-th paragraph and scale by
 *                      bytes (default 10; 1 = the whole text, about 4 minutes a run)
 *   --sizes 5KB,100KB  only these sizes (names without spaces)
 *   --profile          also CPU-profile one cold analysis of the largest size and the server while it
 *                      opens and edits that text; print self time by file and by function
 *   --profile-only     only the profiles, none of the timings
 *   --cli-only         only the command line: --jobs 1 against --jobs N, and the archive stream
 *   --no-cli           everything but the command line
 *   --jobs N           the N to compare with --jobs 1 (default: the number of cores)
 *   --cli-runs N       runs of each CLI setting (default 3)
 *   --generated-articles N  articles generated for the CLI comparison (default 1000; 0 = none)
 *   --eval-repeat N    also the evaluation corpora N times over in one input (default 4; 1 = not)
 *   --stream-mb N      megabytes streamed through the CLI by a generator process (default 1000; 0 = none)
 *   --only workspace   only section 10: the workspace index on a generated folder of articles
 *   --no-workspace     everything but section 10
 *   --workspace-articles N  articles in that folder (default 5000, about 20 MB)
 *   --responsiveness-only  only sections 8 and 9: the server's longest event-loop turn, hovers beside big
 *                      articles, and a fresh server's first answers
 *   --first-answer-only    only section 9
 *   --no-responsiveness    everything but sections 8 and 9
 * The naive baseline, the profile and the archive generator run in child processes of this same script
 * (--naive-worker, --profile-worker, --stream-generator), so that neither compromise-dates nor the profiler touches the figures here.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { annotate, clearAnalysisCache } from '../server/src/analysis/annotate';
import { BENCH_PUBLICATION_DATE, BENCH_SIZES, freshVariant, generateBenchText, type BenchSize } from './corpus';
import { formatProfileSummary, summariseCpuProfile, type ProfileSummary } from './cpuProfile';
import { BenchServer, decodeTokenPositions, findRepoRoot, timed } from './lspSession';
import { timeNaiveAnalysis, type NaiveReport } from './naive';
import { benchArchiveStream, streamGeneratorMain } from './archiveStream';
import type { BenchRow } from './benchRow';
import { benchCliThroughput, DEFAULT_JOBS } from './cliThroughput';
import { measure, type Timing } from './stats';
import { benchWorkspaceIndex } from './workspaceIndex';
import { benchResponsiveness } from './responsiveness';
import { benchFirstAnswer } from './firstAnswer';

interface Options {
  json: boolean;
  runs: number;
  warmups: number;
  naiveLargeRuns: number;
  naiveOneMegabyteSample: number;
  sizes: BenchSize[];
  profile: boolean;
  profileOnly: boolean;
  seed: number;
  cli: 'also' | 'only' | 'no';
  jobs: number;
  cliRuns: number;
  generatedArticles: number;
  evalRepeat: number;
  streamBytes: number;
  workspace: 'also' | 'only' | 'no';
  workspaceArticles: number;
  responsiveness: 'also' | 'only' | 'no';
}


const ONE_MB = 1_000_000;
const SCREEN_LINES = 60;

function parseOptions(argv: readonly string[]): Options {
  const value = (flag: string): string | undefined => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const count = (flag: string, fallback: number): number => {
    const raw = value(flag);
    const parsed = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`${flag} needs a whole number, got ${raw}`);
    return parsed;
  };
  const sizeNames = value('--sizes')?.split(',').map((name) => name.trim().toUpperCase());
  const sizes = sizeNames ? BENCH_SIZES.filter((size) => sizeNames.includes(size.name.replace(/\s+/g, '').toUpperCase())) : [...BENCH_SIZES];
  if (sizes.length === 0) throw new Error(`--sizes: choose from ${BENCH_SIZES.map((s) => s.name.replace(/\s+/g, '')).join(',')}`);
  return {
    json: argv.includes('--json'),
    runs: Math.max(1, count('--runs', 5)),
    warmups: count('--warmups', 1),
    naiveLargeRuns: Math.max(1, count('--naive-runs-large', 1)),
    naiveOneMegabyteSample: Math.max(1, count('--naive-1mb-sample', 10)),
    sizes,
    profile: argv.includes('--profile') || argv.includes('--profile-only'),
    profileOnly: argv.includes('--profile-only'),
    seed: count('--seed', 1),
    cli: argv.includes('--cli-only') ? 'only' : argv.includes('--no-cli') ? 'no' : 'also',
    jobs: Math.max(2, count('--jobs', DEFAULT_JOBS)),
    cliRuns: Math.max(1, count('--cli-runs', 3)),
    generatedArticles: count('--generated-articles', 1000),
    evalRepeat: count('--eval-repeat', 4),
    streamBytes: count('--stream-mb', 1000) * 1_000_000,
    workspace: value('--only') === 'workspace' ? 'only' : argv.includes('--no-workspace') ? 'no' : 'also',
    workspaceArticles: Math.max(10, count('--workspace-articles', 5000)),
    responsiveness: argv.includes('--responsiveness-only') ? 'only' : argv.includes('--no-responsiveness') ? 'no' : 'also',
  };
}

function hashOf(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 12);
}

function verdict(passed: boolean): 'PASS' | 'MISS' {
  return passed ? 'PASS' : 'MISS';
}

function timingRow(section: string, metric: string, size: BenchSize, timing: Timing, extra: Partial<BenchRow> = {}): BenchRow {
  return { section, metric, size: size.name, unit: 'ms', median: timing.median, min: timing.min, max: timing.max, runs: timing.runs, ...extra };
}

function throughput(bytes: number, ms: number): string {
  return `${(bytes / ONE_MB / (ms / 1000)).toFixed(2)} MB/s`;
}

/** Where the editor would be: `line` and `SCREEN_LINES` lines below it. */
function screen(line: number): { start: { line: number; character: number }; end: { line: number; character: number } } {
  return { start: { line, character: 0 }, end: { line: line + SCREEN_LINES, character: 0 } };
}

// ---------------------------------------------------------------------------------------------
// 1. The analysis in process, against the naive pipeline in a child process.

function runNaiveInChild(size: BenchSize, seed: number, runs: number, warmups: number, sampleEvery: number): NaiveReport {
  const output = execFileSync(
    process.execPath,
    [
      process.argv[1], '--naive-worker', '--bytes', String(size.bytes), '--seed', String(seed),
      '--runs', String(runs), '--warmups', String(warmups), '--sample-every', String(sampleEvery),
    ],
    { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return JSON.parse(output) as NaiveReport;
}

async function benchAnalysis(options: Options, texts: Map<BenchSize, string>, rows: BenchRow[], log: (line: string) => void): Promise<Map<BenchSize, Timing>> {
  const ours = new Map<BenchSize, Timing>();
  for (const size of options.sizes) {
    const text = texts.get(size)!;
    log(`analysis ${size.name}…`);
    let annotations = 0;
    const timing = await measure(options.runs, options.warmups, () => {
      clearAnalysisCache();
      const start = performance.now();
      annotations = annotate(text, { publicationDate: BENCH_PUBLICATION_DATE }).annotations.length;
      return performance.now() - start;
    });
    ours.set(size, timing);
    rows.push(
      timingRow('1 analysis', 'annotate(), cold memo', size, timing, {
        derived: throughput(size.bytes, timing.median),
        note: `${annotations} annotations`,
        ...(size.bytes === ONE_MB ? { target: '< 1000 ms', status: verdict(timing.median < 1000) } : {}),
      }),
    );

    const oneMegabyte = size.bytes >= ONE_MB;
    const large = size.bytes > 5_000;
    const naiveRuns = large ? options.naiveLargeRuns : options.runs;
    const naiveWarmups = large ? 0 : options.warmups;
    const sampleEvery = oneMegabyte ? options.naiveOneMegabyteSample : 1;
    log(`naive pipeline ${size.name} (${naiveRuns} run${naiveRuns > 1 ? 's' : ''}${sampleEvery > 1 ? `, every ${sampleEvery}th paragraph` : ''})…`);
    const naive = runNaiveInChild(size, options.seed, naiveRuns, naiveWarmups, sampleEvery);
    if (naive.textHash !== hashOf(text)) throw new Error(`the naive worker generated a different ${size.name} text`);
    const scale = naive.totalBytes / naive.sampledBytes;
    const naiveTiming: Timing = { ...naive.timing, median: naive.timing.median * scale, min: naive.timing.min * scale, max: naive.timing.max * scale };
    const how = [
      large ? `${naiveRuns} run(s), no warm-up` : '',
      sampleEvery > 1 ? `timed on every ${sampleEvery}th paragraph (${(naive.sampledBytes / 1000).toFixed(0)} KB, ${naive.timing.median.toFixed(0)} ms), scaled ×${scale.toFixed(2)} by bytes` : '',
    ].filter(Boolean);
    rows.push(
      timingRow('1 analysis', 'naive: compromise+dates per paragraph', size, naiveTiming, {
        derived: throughput(size.bytes, naiveTiming.median),
        note: [`${naive.counts.organizations} orgs, ${naive.counts.dates} dates, ${naive.counts.quotations} quotes${sampleEvery > 1 ? ' (sample)' : ''}`, ...how].join('; '),
      }),
    );
    const ratio = naiveTiming.median / timing.median;
    rows.push({
      section: '1 analysis',
      metric: 'speed-up: naive / ours',
      size: size.name,
      unit: '×',
      median: ratio,
      derived: `${naiveTiming.median.toFixed(0)} / ${timing.median.toFixed(0)} ms`,
      ...(oneMegabyte ? { target: '≥ 10×', status: verdict(ratio >= 10) } : {}),
    });
  }
  return ours;
}

function scalingRows(ours: Map<BenchSize, Timing>, rows: BenchRow[]): void {
  const bySize = (bytes: number): Timing | undefined => [...ours.entries()].find(([size]) => size.bytes === bytes)?.[1];
  const small = bySize(5_000);
  const medium = bySize(100_000);
  const large = bySize(ONE_MB);
  if (medium && large) {
    const growth = large.median / medium.median;
    rows.push({ section: '5 scaling', metric: 'analysis time 100 KB → 1 MB (10× text)', size: '100 KB→1 MB', unit: '×', median: growth, target: '≤ 12×', status: verdict(growth <= 12) });
  }
  if (small && large) {
    rows.push({ section: '5 scaling', metric: 'analysis time 5 KB → 1 MB (200× text)', size: '5 KB→1 MB', unit: '×', median: large.median / small.median });
  }
}

// ---------------------------------------------------------------------------------------------
// 2. Through the server process.

/** An offset near `fraction` of the text at the end of a word, where a typist would add a letter. */
function typingOffset(text: string, fraction: number): number {
  const space = text.indexOf(' ', Math.floor(text.length * fraction));
  return space > 0 ? space : Math.floor(text.length / 2);
}

async function benchServer(options: Options, repoRoot: string, size: BenchSize, text: string, rows: BenchRow[], log: (line: string) => void): Promise<number> {
  const section = '2 server';
  const server = BenchServer.spawn(repoRoot);
  const isLarge = size.bytes >= ONE_MB;
  const slug = size.name.replace(/\s+/g, '');
  try {
    await server.initialize();
    let uriCounter = 0;
    const freshUri = (what: string): string => `file:///bench/${slug}/${what}-${++uriCounter}.news`;

    log(`server ${size.name}: didOpen → range tokens (fresh text)…`);
    const openRange = async (source: (run: number) => string): Promise<Timing> =>
      measure(options.runs, options.warmups, async (run) => {
        const uri = freshUri('range');
        const body = source(run);
        const ms = await timed(async () => {
          server.open(uri, body);
          await server.request('textDocument/semanticTokens/range', { textDocument: { uri }, range: screen(0) });
        });
        server.close(uri);
        return ms;
      });
    const openFull = async (source: (run: number) => string): Promise<Timing> =>
      measure(options.runs, options.warmups, async (run) => {
        const uri = freshUri('full');
        const body = source(run);
        const ms = await timed(async () => {
          server.open(uri, body);
          await server.request('textDocument/semanticTokens/full', { textDocument: { uri } });
        });
        server.close(uri);
        return ms;
      });

    // Every fresh run has its own edition number in every paragraph, so the server's process-wide paragraph memo cannot help.
    const rangeFresh = await openRange((run) => freshVariant(text, 1000 + run));
    rows.push(timingRow(section, 'didOpen → range tokens, first screen (fresh text)', size, rangeFresh, isLarge ? { target: '< 100 ms', status: verdict(rangeFresh.median < 100) } : {}));
    log(`server ${size.name}: didOpen → full tokens (fresh text)…`);
    const fullFresh = await openFull((run) => freshVariant(text, 2000 + run));
    rows.push(timingRow(section, 'didOpen → full tokens (fresh text)', size, fullFresh, { derived: throughput(size.bytes, fullFresh.median) }));

    // Reopened: the same text under a new URI, its paragraphs already in the memo.
    log(`server ${size.name}: reopened text…`);
    const rangeReopened = await openRange(() => text);
    rows.push(timingRow(section, 'didOpen → range tokens, first screen (reopened)', size, rangeReopened, { note: 'same text, new URI: paragraph memo warm' }));
    const fullReopened = await openFull(() => text);
    rows.push(timingRow(section, 'didOpen → full tokens (reopened)', size, fullReopened, { note: 'same text, new URI: paragraph memo warm' }));

    // One open document that the user types into.
    log(`server ${size.name}: keystrokes, range, hover, symbols…`);
    const uri = freshUri('edited');
    server.open(uri, text);
    let resultId = (await server.request<{ resultId?: string }>('textDocument/semanticTokens/full', { textDocument: { uri } })).resultId;
    const keystrokeFull = await measure(options.runs, options.warmups, async (run) =>
      timed(async () => {
        server.insert(uri, typingOffset(server.document(uri).getText(), 0.5 + run * 0.001), 's');
        resultId = (await server.request<{ resultId?: string }>('textDocument/semanticTokens/full', { textDocument: { uri } })).resultId;
      }),
    );
    const keystrokeGoal = isLarge ? { target: '< 50 ms', status: verdict(keystrokeFull.median < 50) } : {};
    rows.push(timingRow(section, 'keystroke mid-text → full tokens', size, keystrokeFull, keystrokeGoal));

    let deltaAnswers = 0;
    let fullAnswers = 0;
    const keystrokeDelta = await measure(options.runs, options.warmups, async (run) =>
      timed(async () => {
        server.insert(uri, typingOffset(server.document(uri).getText(), 0.5 - run * 0.001), 's');
        const answer = await server.request<{ resultId?: string; edits?: unknown[]; data?: number[] }>('textDocument/semanticTokens/full/delta', {
          textDocument: { uri },
          previousResultId: resultId,
        });
        if (answer.edits) deltaAnswers++;
        else fullAnswers++;
        resultId = answer.resultId;
      }),
    );
    rows.push(
      timingRow(section, 'keystroke mid-text → delta tokens', size, keystrokeDelta, {
        ...(isLarge ? { target: '< 50 ms', status: verdict(keystrokeDelta.median < 50) } : {}),
        note: fullAnswers ? `${fullAnswers} of ${deltaAnswers + fullAnswers} answers were full, not deltas` : undefined,
      }),
    );

    const document = server.document(uri);
    const middleLine = Math.floor(document.lineCount / 2);
    const rangeScreen = await measure(options.runs, options.warmups, () =>
      timed(() => server.request('textDocument/semanticTokens/range', { textDocument: { uri }, range: screen(middleLine) })),
    );
    rows.push(timingRow(section, 'range tokens, one screen mid-text (analysed)', size, rangeScreen));

    // Hover where the server itself tagged an agency, as close to the middle as there is one.
    const settled = await server.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } });
    const agencies = decodeTokenPositions(settled.data).filter((token) => server.tokenTypes[token.typeIndex] === 'agency');
    const nearest = agencies.sort((a, b) => Math.abs(a.line - middleLine) - Math.abs(b.line - middleLine))[0];
    const hoverAt = nearest ? { line: nearest.line, character: nearest.character + 1 } : { line: middleLine, character: 0 };
    let hoverFound = false;
    const hover = await measure(options.runs, options.warmups, async () =>
      timed(async () => {
        hoverFound = (await server.request('textDocument/hover', { textDocument: { uri }, position: hoverAt })) !== null;
      }),
    );
    rows.push(
      timingRow(section, 'hover on an agency', size, hover, {
        target: '< 5 ms',
        status: verdict(hover.median < 5),
        note: !nearest ? 'no agency token at all: hover on plain text' : hoverFound ? `line ${hoverAt.line + 1}` : 'hover returned null on an agency token',
      }),
    );

    let symbolCount = 0;
    const symbols = await measure(options.runs, options.warmups, async () =>
      timed(async () => {
        symbolCount = (await server.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } })).length;
      }),
    );
    rows.push(timingRow(section, 'document symbols (analysed)', size, symbols, { note: `${symbolCount} top-level symbols`, ...(isLarge ? { target: '< 50 ms', status: verdict(symbols.median < 50) } : {}) }));
    return server.peakRss();
  } finally {
    await server.stop();
  }
}

// ---------------------------------------------------------------------------------------------
// 3 and 4. Start-up and memory.

async function benchStartup(options: Options, repoRoot: string, rows: BenchRow[]): Promise<void> {
  const timing = await measure(options.runs, options.warmups, async () => {
    const server = BenchServer.spawn(repoRoot);
    try {
      return await server.initialize();
    } finally {
      await server.stop();
    }
  });
  rows.push({ ...timingRow('3 start-up', 'spawn → initialize response', { name: '-', bytes: 0 }, timing), target: '< 300 ms', status: verdict(timing.median < 300) });
  // The floor under that figure on this machine: node itself starting and exiting.
  const bareNode = await measure(options.runs, options.warmups, () =>
    timed(
      () =>
        new Promise<void>((resolve, reject) => {
          const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
          child.once('error', reject);
          child.once('exit', () => resolve());
        }),
    ),
  );
  rows.push(timingRow('3 start-up', 'reference: spawn → exit of bare `node -e 0`', { name: '-', bytes: 0 }, bareNode));
}

async function benchMemory(repoRoot: string, size: BenchSize, text: string, rows: BenchRow[], peakAfterAllRuns: number | undefined): Promise<void> {
  const server = BenchServer.spawn(repoRoot);
  try {
    await server.initialize();
    const uri = `file:///bench/memory-${size.name.replace(/\s+/g, '')}.news`;
    server.open(uri, text);
    await server.request('textDocument/semanticTokens/full', { textDocument: { uri } });
    await server.request('textDocument/semanticTokens/range', { textDocument: { uri }, range: screen(0) });
    await server.request('textDocument/documentSymbol', { textDocument: { uri } });
    for (let i = 0; i < 3; i++) {
      server.insert(uri, typingOffset(server.document(uri).getText(), 0.3 + i * 0.2), 's');
      await server.request('textDocument/semanticTokens/full', { textDocument: { uri } });
    }
    const peak = server.peakRss() / 1024 / 1024;
    rows.push({ section: '4 memory', metric: 'server peak RSS, article open, tokens + 3 edits', size: size.name, unit: 'MB', median: peak, target: '< 200 MB', status: verdict(peak < 200), note: 'fresh process, VmHWM' });
  } finally {
    await server.stop();
  }
  if (peakAfterAllRuns !== undefined) {
    rows.push({ section: '4 memory', metric: 'server peak RSS after all section-2 runs', size: size.name, unit: 'MB', median: peakAfterAllRuns / 1024 / 1024, note: 'many fresh texts opened and closed: memo full' });
  }
}

// ---------------------------------------------------------------------------------------------
// Profile.

/** Runs `work` with a fresh directory for --cpu-prof output and summarises the one profile written there. */
async function withCpuProfile(work: (directory: string) => void | Promise<void>): Promise<ProfileSummary> {
  const directory = mkdtempSync(path.join(tmpdir(), 'news-annotator-bench-profile-'));
  try {
    await work(directory);
    const profile = readdirSync(directory).find((name) => name.endsWith('.cpuprofile'));
    if (!profile) throw new Error('node --cpu-prof wrote no profile');
    return summariseCpuProfile(path.join(directory, profile));
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** One cold analysis in a child process, as `annotate()` alone costs it. */
function profileAnalysis(bytes: number, seed: number): Promise<ProfileSummary> {
  return withCpuProfile((directory) => {
    execFileSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${directory}`, process.argv[1], '--profile-worker', '--bytes', String(bytes), '--seed', String(seed)], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  });
}

/** A server process from spawn to its initialize response: what it loads and builds before it can answer. */
function profileStartup(repoRoot: string): Promise<ProfileSummary> {
  return withCpuProfile(async (directory) => {
    const server = BenchServer.spawn(repoRoot, ['--cpu-prof', `--cpu-prof-dir=${directory}`]);
    try {
      await server.initialize();
    } finally {
      await server.stop();
    }
  });
}

/** The server process while an editor opens the 1 MB text, types three letters into it and asks for symbols and a hover. */
function profileServer(repoRoot: string, text: string): Promise<ProfileSummary> {
  return withCpuProfile(async (directory) => {
    const server = BenchServer.spawn(repoRoot, ['--cpu-prof', `--cpu-prof-dir=${directory}`]);
    try {
      await server.initialize();
      const uri = 'file:///bench/profile.news';
      server.open(uri, freshVariant(text, 9000));
      await server.request('textDocument/semanticTokens/range', { textDocument: { uri }, range: screen(0) });
      await server.request('textDocument/semanticTokens/full', { textDocument: { uri } });
      for (let i = 0; i < 3; i++) {
        server.insert(uri, typingOffset(server.document(uri).getText(), 0.5 + i * 0.001), 's');
        await server.request('textDocument/semanticTokens/full', { textDocument: { uri } });
      }
      await server.request('textDocument/documentSymbol', { textDocument: { uri } });
      await server.request('textDocument/hover', { textDocument: { uri }, position: { line: Math.floor(server.document(uri).lineCount / 2), character: 1 } });
    } finally {
      await server.stop();
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Output.

function formatNumber(value: number | undefined, unit: BenchRow['unit']): string {
  if (value === undefined) return '';
  if (Number.isNaN(value)) return 'n/a';
  if (unit === '×') return `${value.toFixed(1)}×`;
  if (unit === 'MB') return `${value.toFixed(0)} MB`;
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

function formatTable(rows: readonly BenchRow[]): string {
  const header = ['section', 'metric', 'size', 'median', 'min', 'max', 'runs', 'derived', 'target', 'status', 'note'];
  const cells = rows.map((row) => [
    row.section,
    row.metric,
    row.size,
    formatNumber(row.median, row.unit) + (row.unit === 'ms' && !Number.isNaN(row.median) ? ' ms' : ''),
    formatNumber(row.min, row.unit),
    formatNumber(row.max, row.unit),
    row.runs === undefined ? '' : String(row.runs),
    row.derived ?? '',
    row.target ?? '',
    row.status ?? '',
    row.note ?? '',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((line) => line[column].length)));
  const numeric = new Set([3, 4, 5, 6]);
  const render = (line: string[]): string =>
    line.map((cell, column) => (numeric.has(column) ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ').trimEnd();
  return [render(header), widths.map((width) => '-'.repeat(width)).join('  '), ...cells.map(render)].join('\n');
}

async function main(argv: readonly string[]): Promise<void> {
  const options = parseOptions(argv);
  const log = (line: string): void => {
    if (!options.json) process.stderr.write(`  ${line}\n`);
  };
  const startedAt = performance.now();
  // Other work on the machine inflates every figure: the load is printed with them.
  const loadAtStart = loadavg()[0];
  const repoRoot = findRepoRoot();
  const texts = new Map(options.sizes.map((size) => [size, generateBenchText(size.bytes, options.seed)] as const));
  const rows: BenchRow[] = [];

  if (argv.includes('--first-answer-only')) {
    await benchFirstAnswer(options.runs, options.warmups, repoRoot, [{ name: '5 KB', text: generateBenchText(5_000, options.seed) }, { name: '1 MB', text: generateBenchText(ONE_MB, options.seed) }], rows, log);
    options.responsiveness = 'only';
  } else if (options.responsiveness !== 'no' && options.workspace !== 'only' && !options.profileOnly && options.cli !== 'only') {
    const small = generateBenchText(5_000, options.seed);
    const oneMegabyte = generateBenchText(ONE_MB, options.seed);
    const tenMegabytes = generateBenchText(10 * ONE_MB, options.seed);
    const sizes = [
      { name: '5 KB', text: small },
      { name: '1 MB', text: oneMegabyte },
      { name: '10 MB', text: tenMegabytes },
    ];
    await benchResponsiveness(Math.min(options.runs, 3), repoRoot, { small, sizes, oneMegabyte, tenMegabytes }, rows, log);
    await benchFirstAnswer(options.runs, options.warmups, repoRoot, sizes.slice(0, 2), rows, log);
  }
  if (options.responsiveness === 'only') {
    options.cli = 'no';
    options.workspace = 'no';
  }

  const largest = options.sizes[options.sizes.length - 1];
  const onlyWorkspace = options.workspace === 'only';
  if (!onlyWorkspace && !options.profileOnly && options.cli !== 'only' && options.responsiveness !== 'only') {
    const ours = await benchAnalysis(options, texts, rows, log);
    scalingRows(ours, rows);
    let peakAfterRuns: number | undefined;
    for (const size of options.sizes) {
      const peak = await benchServer(options, repoRoot, size, texts.get(size)!, rows, log);
      if (size.bytes === ONE_MB) peakAfterRuns = peak;
    }
    log('server start-up…');
    await benchStartup(options, repoRoot, rows);
    log(`server memory with ${largest.name} open…`);
    await benchMemory(repoRoot, largest, texts.get(largest)!, rows, peakAfterRuns);
  }

  if (!onlyWorkspace && !options.profileOnly && options.cli !== 'no') {
    await benchCliThroughput({ runs: options.cliRuns, jobs: options.jobs, seed: options.seed, generatedArticles: options.generatedArticles, evalRepeat: options.evalRepeat }, repoRoot, rows, log);
    if (options.streamBytes > 0) await benchArchiveStream({ bytes: options.streamBytes, jobs: options.jobs, seed: options.seed }, rows, repoRoot, log);
  }

  if (onlyWorkspace || (options.workspace === 'also' && !options.profileOnly && options.cli !== 'only')) {
    await benchWorkspaceIndex({ articles: options.workspaceArticles, seed: options.seed, runs: options.runs }, repoRoot, rows, log);
  }

  let profile: { analysis: ProfileSummary; server: ProfileSummary; startup: ProfileSummary } | undefined;
  if (!onlyWorkspace && options.profile) {
    log(`CPU profile of one cold ${largest.name} analysis…`);
    const analysis = await profileAnalysis(largest.bytes, options.seed);
    log(`CPU profile of the server: open ${largest.name}, tokens, 3 keystrokes, symbols, hover…`);
    const server = await profileServer(repoRoot, texts.get(largest)!);
    log('CPU profile of server start-up…');
    profile = { analysis, server, startup: await profileStartup(repoRoot) };
  }
  rows.sort((a, b) => a.section.localeCompare(b.section));

  const meta = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
    runs: options.runs,
    warmups: options.warmups,
    naiveLargeRuns: options.naiveLargeRuns,
    naiveOneMegabyteSample: options.naiveOneMegabyteSample,
    seed: options.seed,
    texts: options.sizes.map((size) => ({ size: size.name, bytes: Buffer.byteLength(texts.get(size)!), utf16: texts.get(size)!.length, sha1: hashOf(texts.get(size)!) })),
    seconds: Math.round((performance.now() - startedAt) / 1000),
    loadAverage: { start: Number(loadAtStart.toFixed(2)), end: Number(loadavg()[0].toFixed(2)) },
  };
  if (options.json) {
    process.stdout.write(JSON.stringify({ meta, rows, profile }, null, 2) + '\n');
    return;
  }
  const lines = [
    `News Annotator bench — ${meta.date}, node ${meta.node}, ${meta.cpus}`,
    `medians of ${options.runs} runs after ${options.warmups} warm-up(s), except the naive pipeline on 100 KB and 1 MB: ${options.naiveLargeRuns} run(s), no warm-up` +
      `${options.naiveOneMegabyteSample > 1 ? `, 1 MB estimated from every ${options.naiveOneMegabyteSample}th paragraph` : ''}; ${meta.seconds} s in all`,
    `load average (1 min) ${meta.loadAverage.start} at start, ${meta.loadAverage.end} at end${Math.max(meta.loadAverage.start, meta.loadAverage.end) > cpus().length ? ` — above ${cpus().length} cores: other work slowed these figures` : ''}`,
    `texts: ${meta.texts.map((t) => `${t.size} = ${t.bytes} bytes (${t.sha1})`).join(', ')}; publication date ${BENCH_PUBLICATION_DATE}`,
    '',
  ];
  if (rows.length) {
    const misses = rows.filter((row) => row.status === 'MISS').length;
    lines.push(formatTable(rows), '', misses ? `${misses} target(s) missed.` : 'All targets met.');
  }
  if (profile) {
    lines.push('', `== annotate() on ${largest.name}, cold, in process ==`, formatProfileSummary(profile.analysis));
    lines.push('', `== server process: didOpen ${largest.name} → range + full tokens, 3 keystrokes → full tokens, symbols, hover ==`, formatProfileSummary(profile.server));
    lines.push('', '== server process: spawn → initialize response ==', formatProfileSummary(profile.startup));
  }
  process.stdout.write(lines.join('\n') + '\n');
}

/** Child mode: the naive pipeline on the same generated text, timings as JSON on stdout. */
function naiveWorker(argv: readonly string[]): void {
  const options = parseOptions(argv);
  const bytes = Number(argv[argv.indexOf('--bytes') + 1]);
  const text = generateBenchText(bytes, options.seed);
  const sampleEvery = Number(argv[argv.indexOf('--sample-every') + 1]) || 1;
  process.stdout.write(JSON.stringify(timeNaiveAnalysis(text, hashOf(text), options.runs, options.warmups, sampleEvery)));
}

/** Child mode, run under --cpu-prof: one cold analysis of the text, after compromise is loaded. */
function profileWorker(argv: readonly string[]): void {
  const bytes = Number(argv[argv.indexOf('--bytes') + 1]);
  const text = generateBenchText(bytes, parseOptions(argv).seed);
  annotate(generateBenchText(5_000, 99), { publicationDate: BENCH_PUBLICATION_DATE });
  clearAnalysisCache();
  annotate(text, { publicationDate: BENCH_PUBLICATION_DATE });
}

const argv = process.argv.slice(2);
if (argv.includes('--naive-worker')) naiveWorker(argv);
else if (argv.includes('--stream-generator')) void streamGeneratorMain(argv);
else if (argv.includes('--profile-worker')) profileWorker(argv);
else
  main(argv).catch((error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  });
