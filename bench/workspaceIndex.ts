/**
 * Section 8 of `npm run bench`: the workspace index on a generated folder of articles (5,000 of
 * 1.5–8 KB, about 20 MB, by default). The real server over stdio indexes the folder while an editor
 * keeps one article open and hovers in it; then workspace/symbol, references and a file changed on disk.
 * A row whose request fails (the providers may not be there yet) is printed as n/a, not a crash.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import type { IndexStatus } from '../server/src/protocol/newsRequests';
import type { BenchRow } from './benchRow';
import { generateBenchText } from './corpus';
import { SeededRandom } from './random';
import { summarise, type Timing } from './stats';

export interface WorkspaceBenchOptions {
  articles: number;
  seed: number;
  runs: number;
}

const SECTION = '8 workspace';
const ARTICLES_PER_FOLDER = 100;
/** Where the memory slope is read, as shares of the workspace. */
const MEMORY_POINTS = [0.2, 0.5, 1];
const MB = 1024 * 1024;

interface Session {
  connection: ProtocolConnection;
  pid: number;
  statuses: IndexStatus[];
  stop(): Promise<void>;
}

function startServer(repoRoot: string): Session {
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'news-annotator-server'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stderr!.resume();
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const statuses: IndexStatus[] = [];
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
  for (const method of ['client/registerCapability', 'client/unregisterCapability', 'window/workDoneProgress/create', 'workspace/semanticTokens/refresh', 'window/showMessageRequest']) {
    connection.onRequest(method, () => null);
  }
  connection.onNotification('newsAnnotator/indexStatus', (status: IndexStatus) => {
    statuses.push(status);
  });
  connection.listen();
  let exited = false;
  child.once('exit', () => (exited = true));
  return {
    connection,
    pid: child.pid!,
    statuses,
    async stop() {
      if (exited) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      const killer = setTimeout(() => child.kill('SIGKILL'), 3000);
      try {
        await Promise.race([connection.sendRequest('shutdown'), gone]);
        connection.sendNotification('exit');
      } catch {
        // Gone already; the timer kills it otherwise.
      }
      await gone;
      clearTimeout(killer);
      connection.dispose();
    },
  };
}

function rssOf(pid: number): number {
  const match = /^VmRSS:\s*(\d+)\s*kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? (Number(match[1]) * 1024) / MB : NaN;
}

/** The articles, one per file in folders of ARTICLES_PER_FOLDER; returns the files and the bytes written. */
function writeWorkspace(root: string, articles: number, seed: number): { files: string[]; bytes: number } {
  const files: string[] = [];
  let bytes = 0;
  for (let i = 0; i < articles; i++) {
    const articleSeed = seed * 1_000_003 + i;
    const text = generateBenchText(new SeededRandom(articleSeed).int(1_500, 8_000), articleSeed);
    const folder = path.join(root, `desk-${String(Math.floor(i / ARTICLES_PER_FOLDER)).padStart(3, '0')}`);
    if (i % ARTICLES_PER_FOLDER === 0) mkdirSync(folder, { recursive: true });
    const file = path.join(folder, `article-${String(i).padStart(5, '0')}.news`);
    writeFileSync(file, text);
    files.push(file);
    bytes += Buffer.byteLength(text);
  }
  return { files, bytes };
}

/** Line and character of the first `needle` in `text`, a character inside it. */
function positionOf(text: string, needle: string): { line: number; character: number } | undefined {
  const at = text.indexOf(needle);
  if (at < 0) return undefined;
  const before = text.slice(0, at + 1).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

async function timedRequest(connection: ProtocolConnection, method: string, params: unknown): Promise<{ ms: number; result: unknown }> {
  const start = performance.now();
  const result = await connection.sendRequest(method, params);
  return { ms: performance.now() - start, result };
}

/** Times `runs` requests; undefined with the error when the request fails (a provider not there yet). */
async function timeRequests(connection: ProtocolConnection, runs: number, method: string, params: unknown): Promise<{ timing?: Timing; count?: number; error?: string }> {
  try {
    const samples: number[] = [];
    let count = 0;
    await connection.sendRequest(method, params); // warm-up
    for (let i = 0; i < runs; i++) {
      const { ms, result } = await timedRequest(connection, method, params);
      samples.push(ms);
      count = Array.isArray(result) ? result.length : 0;
    }
    return { timing: summarise(samples), count };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

function notAvailable(metric: string, target: string, why: string): BenchRow {
  return { section: SECTION, metric, size: '-', unit: 'ms', median: NaN, target, note: `n/a: ${why}` };
}

export async function benchWorkspaceIndex(options: WorkspaceBenchOptions, repoRoot: string, rows: BenchRow[], log: (line: string) => void): Promise<void> {
  const root = mkdtempSync(path.join(tmpdir(), 'news-bench-workspace-'));
  const size = `${options.articles.toLocaleString('en-US')} articles`;
  try {
    log(`workspace: writing ${options.articles} articles…`);
    const { files, bytes } = writeWorkspace(root, options.articles, options.seed);
    const sizeLabel = `${size} (${(bytes / 1_000_000).toFixed(1)} MB)`;
    const session = startServer(repoRoot);
    try {
      const { connection } = session;
      const rootUri = pathToFileURL(root).href;
      await connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri,
        workspaceFolders: [{ uri: rootUri, name: 'bench' }],
        capabilities: {
          workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
          window: { workDoneProgress: true },
          textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] } },
        },
      });
      const initializedAt = performance.now();
      connection.sendNotification('initialized', {});

      // The editor has one article of the workspace open and hovers on an agency in it while the index runs.
      const openFile = files[Math.floor(files.length / 2)];
      const openUri = pathToFileURL(openFile).href;
      const openText = readFileSync(openFile, 'utf8');
      connection.sendNotification('textDocument/didOpen', { textDocument: { uri: openUri, languageId: 'news', version: 1, text: openText } });
      const agencyAt = ['NASA', 'Roscosmos', 'ESA', 'DLR', 'JAXA', 'ISRO'].map((name) => positionOf(openText, name)).find((at) => at !== undefined) ?? { line: 0, character: 0 };
      await connection.sendRequest('textDocument/hover', { textDocument: { uri: openUri }, position: agencyAt });

      log('workspace: indexing, hovering meanwhile…');
      const hovers: number[] = [];
      const rssAt = new Map<number, number>();
      const points = MEMORY_POINTS.map((share) => Math.round(share * options.articles));
      const ready = (): IndexStatus | undefined => session.statuses.find((status) => status.state === 'ready' && status.total >= options.articles);
      let readyAt: number | undefined;
      while (!ready()) {
        const latest = session.statuses.at(-1);
        for (const point of points) if (!rssAt.has(point) && latest && latest.indexed >= point) rssAt.set(point, rssOf(session.pid));
        const { ms } = await timedRequest(connection, 'textDocument/hover', { textDocument: { uri: openUri }, position: agencyAt });
        if (!ready()) hovers.push(ms);
        await new Promise((resolve) => setTimeout(resolve, 20));
        if (performance.now() - initializedAt > 600_000) throw new Error('the index was not ready after 10 minutes');
      }
      readyAt ??= performance.now();
      const indexSeconds = (readyAt - initializedAt) / 1000;
      const finalStatus = ready()!;
      const rss = rssOf(session.pid);
      for (const point of points) if (!rssAt.has(point)) rssAt.set(point, rss);
      rows.push({
        section: SECTION, metric: 'whole workspace indexed (initialized → indexStatus ready)', size: sizeLabel, unit: 'ms', median: readyAt - initializedAt,
        derived: `${(bytes / 1_000_000 / indexSeconds).toFixed(2)} MB/s, ${Math.round(options.articles / indexSeconds)} articles/s`,
        target: '< 60 s', status: readyAt - initializedAt < 60_000 ? 'PASS' : 'MISS',
        note: `${finalStatus.indexed} indexed, ${finalStatus.skipped.length} skipped; resolution of the ready time: 20 ms`,
      });
      rows.push({ section: SECTION, metric: 'server RSS after indexing', size: sizeLabel, unit: 'MB', median: rss, target: '< 400 MB', status: rss < 400 ? 'PASS' : 'MISS', note: 'VmRSS' });
      const [low, , high] = points;
      const slope = ((rssAt.get(high)! - rssAt.get(low)!) / (high - low)) * 1000;
      rows.push({
        section: SECTION, metric: 'RSS growth per 1,000 articles', size: sizeLabel, unit: 'MB', median: slope,
        note: `RSS ${points.map((point) => `${point}: ${rssAt.get(point)!.toFixed(0)} MB`).join(', ')} (read as the index passed each count)`,
      });
      if (hovers.length) {
        const timing = summarise(hovers);
        rows.push({ section: SECTION, metric: 'hover on an open document while indexing', size: sizeLabel, unit: 'ms', median: timing.median, min: timing.min, max: timing.max, runs: timing.runs, target: '< 10 ms', status: timing.median < 10 ? 'PASS' : 'MISS', note: 'one hover every 20 ms' });
      } else {
        rows.push(notAvailable('hover on an open document while indexing', '< 10 ms', 'indexing ended before the first hover'));
      }

      log('workspace: workspace/symbol and references…');
      const symbols = await timeRequests(connection, options.runs, 'workspace/symbol', { query: 'roscos' });
      rows.push(symbols.timing
        ? { section: SECTION, metric: 'workspace/symbol "roscos"', size: sizeLabel, unit: 'ms', median: symbols.timing.median, min: symbols.timing.min, max: symbols.timing.max, runs: symbols.timing.runs, target: '< 100 ms', status: symbols.timing.median < 100 ? 'PASS' : 'MISS', note: `${symbols.count} symbols` }
        : notAvailable('workspace/symbol "roscos"', '< 100 ms', symbols.error!));
      const references = await timeRequests(connection, options.runs, 'textDocument/references', { textDocument: { uri: openUri }, position: agencyAt, context: { includeDeclaration: true } });
      rows.push(references.timing
        ? { section: SECTION, metric: 'references to an agency across the workspace', size: sizeLabel, unit: 'ms', median: references.timing.median, min: references.timing.min, max: references.timing.max, runs: references.timing.runs, target: '< 200 ms', status: references.timing.median < 200 ? 'PASS' : 'MISS', note: `${references.count} locations` }
        : notAvailable('references to an agency across the workspace', '< 200 ms', references.error!));

      log('workspace: one file changed on disk…');
      rows.push(await fileChanged(connection, files, options.runs));
    } finally {
      await session.stop();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Write a file with a name no article has, announce it, and poll workspace/symbol until the name is found there. */
async function fileChanged(connection: ProtocolConnection, files: readonly string[], runs: number): Promise<BenchRow> {
  const metric = 'one file changed on disk → index current';
  const samples: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const file = files[(run * 997) % files.length];
      const uri = pathToFileURL(file).href;
      const name = `Quillon${'abcdefghij'[run % 10]}${run} Orbital Agency`;
      const query = name.split(' ')[0].toLowerCase();
      writeFileSync(file, `${readFileSync(file, 'utf8')}\nThe ${name} said on Tuesday that it would join the mission.\n`);
      const start = performance.now();
      connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
      for (;;) {
        const found = (await connection.sendRequest<Array<{ location: { uri: string } }>>('workspace/symbol', { query })).some((symbol) => symbol.location.uri === uri);
        if (found) break;
        if (performance.now() - start > 10_000) throw new Error(`"${name}" not found 10 s after the change`);
      }
      samples.push(performance.now() - start);
    }
  } catch (error) {
    return notAvailable(metric, '< 200 ms', error instanceof Error ? error.message : String(error));
  }
  const timing = summarise(samples);
  return { section: SECTION, metric, size: '1 article', unit: 'ms', median: timing.median, min: timing.min, max: timing.max, runs: timing.runs, target: '< 200 ms', status: timing.median < 200 ? 'PASS' : 'MISS', note: 'write, didChangeWatchedFiles, poll workspace/symbol' };
}
