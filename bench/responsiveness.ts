/**
 * Section 8: does the server ever hold its event loop long enough for an editor to feel it? The server
 * reports its own longest event-loop delay (EVENT_LOOP_MONITOR_ENV turns the monitor on, only here), while
 * the bench opens, edits and queries articles of 5 KB, 1 MB and 10 MB; and hovers on a small article are
 * timed while big ones are opened beside it, as an editor with several tabs would ask.
 */
import type { BenchRow } from './benchRow';
import { freshVariant } from './corpus';
import { BenchServer, timed } from './lspSession';
import { summarise } from './stats';
import { EVENT_LOOP_DELAY_REQUEST, EVENT_LOOP_MONITOR_ENV, type EventLoopDelay } from '../server/src/eventLoopMonitor';

const SECTION = '8 responsiveness';
const LONGEST_TURN_TARGET_MS = 50;
const HOVER_BESIDE_TARGET_MS = 100;
/** Long enough for the debounced status, the diagnostics and any analysis still in slices to run inside the window. */
const SETTLE_MS = 400;

export interface ResponsivenessTexts {
  small: string;
  sizes: ReadonlyArray<{ name: string; text: string }>;
  oneMegabyte: string;
  tenMegabytes: string;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function spawnMonitored(repoRoot: string): BenchServer {
  return BenchServer.spawn(repoRoot, [], { [EVENT_LOOP_MONITOR_ENV]: '1' });
}

function eventLoopDelay(server: BenchServer, reset: boolean): Promise<EventLoopDelay> {
  return server.request<EventLoopDelay>(EVENT_LOOP_DELAY_REQUEST, { reset });
}

function screen(line: number): { start: { line: number; character: number }; end: { line: number; character: number } } {
  return { start: { line, character: 0 }, end: { line: line + 60, character: 0 } };
}

/** What an editor does with an article: open it, colour the first screen and then all of it, type, outline it, hover. */
async function workOn(server: BenchServer, uri: string, text: string): Promise<void> {
  server.open(uri, text);
  await server.request('textDocument/semanticTokens/range', { textDocument: { uri }, range: screen(0) });
  let resultId = (await server.request<{ resultId?: string }>('textDocument/semanticTokens/full', { textDocument: { uri } })).resultId;
  for (let i = 0; i < 3; i++) {
    const document = server.document(uri);
    const offset = document.getText().indexOf(' ', Math.floor(document.getText().length * (0.4 + i * 0.1)));
    server.insert(uri, offset > 0 ? offset : 0, 's');
    const answer = await server.request<{ resultId?: string }>('textDocument/semanticTokens/full/delta', { textDocument: { uri }, previousResultId: resultId });
    resultId = answer.resultId;
  }
  const middle = Math.floor(server.document(uri).lineCount / 2);
  await server.request('textDocument/documentSymbol', { textDocument: { uri } });
  await server.request('textDocument/hover', { textDocument: { uri }, position: { line: middle, character: 2 } });
  await server.request('textDocument/documentHighlight', { textDocument: { uri }, position: { line: middle, character: 2 } });
  await server.request('textDocument/semanticTokens/range', { textDocument: { uri }, range: screen(middle) });
}

export async function benchResponsiveness(runs: number, repoRoot: string, texts: ResponsivenessTexts, rows: BenchRow[], log: (line: string) => void): Promise<void> {
  await longestTurns(runs, repoRoot, texts, rows, log);
  await hoverBesideTenMegabytes(runs, repoRoot, texts, rows, log);
  await hoverDuringBigWork(runs, repoRoot, texts, rows, log);
}

/** The longest event-loop turn while each size is opened, edited and queried; a fresh text each run. */
async function longestTurns(runs: number, repoRoot: string, texts: ResponsivenessTexts, rows: BenchRow[], log: (line: string) => void): Promise<void> {
  const server = spawnMonitored(repoRoot);
  try {
    await server.initialize();
    // The analysis bundle loads after `initialized`: that start-up turn is section 9's concern, not this one.
    await workOn(server, 'file:///bench/loop/warm.news', texts.small);
    await sleep(SETTLE_MS);
    for (const { name, text } of texts.sizes) {
      log(`responsiveness: longest event-loop turn, ${name}…`);
      const maxima: number[] = [];
      const wallMaxima: number[] = [];
      for (let run = 0; run < runs; run++) {
        const uri = `file:///bench/loop/${name.replace(/\s+/g, '')}-${run}.news`;
        const body = freshVariant(text, 5000 + run);
        await eventLoopDelay(server, true);
        await workOn(server, uri, body);
        await sleep(SETTLE_MS);
        const delay = await eventLoopDelay(server, true);
        maxima.push(delay.maxCpuMs);
        wallMaxima.push(delay.maxMs);
        server.close(uri);
        await sleep(50);
      }
      const timing = summarise(maxima);
      rows.push({
        section: SECTION,
        metric: 'longest event-loop turn: open, tokens, 3 edits, symbols, hover',
        size: name,
        unit: 'ms',
        ...timing,
        target: `< ${LONGEST_TURN_TARGET_MS} ms (max)`,
        status: timing.max < LONGEST_TURN_TARGET_MS ? 'PASS' : 'MISS',
        note: `in the server: min(wall, CPU) per turn; wall clock alone ${summarise(wallMaxima).median.toFixed(0)} ms median, ${summarise(wallMaxima).max.toFixed(0)} max`,
      });
    }
  } finally {
    await server.stop();
  }
}

/** A hover on a small, analysed article sent right after the didOpen of a 10 MB one. */
async function hoverBesideTenMegabytes(runs: number, repoRoot: string, texts: ResponsivenessTexts, rows: BenchRow[], log: (line: string) => void): Promise<void> {
  log('responsiveness: hover on a small article right after a 10 MB one is opened…');
  const server = spawnMonitored(repoRoot);
  try {
    await server.initialize();
    const small = 'file:///bench/beside/small.news';
    await workOn(server, small, texts.small);
    const position = { line: 1, character: 2 };
    const hovers: number[] = [];
    const turns: number[] = [];
    const floor: number[] = [];
    for (let run = -1; run < runs; run++) {
      // The floor: the same payload in a notification the server only parses (JSON-RPC ignores unknown `$/` ones).
      server.notify('$/newsAnnotator/benchPayload', { textDocument: { uri: 'file:///bench/beside/ignored.news', languageId: 'news', version: 1, text: freshVariant(texts.tenMegabytes, 6500 + run) } });
      const transport = await timed(() => server.request('textDocument/hover', { textDocument: { uri: small }, position }));
      if (run >= 0) floor.push(transport);
      await sleep(SETTLE_MS);
      const big = `file:///bench/beside/big-${run}.news`;
      const body = freshVariant(texts.tenMegabytes, 6000 + run);
      await eventLoopDelay(server, true);
      server.open(big, body);
      const ms = await timed(() => server.request('textDocument/hover', { textDocument: { uri: small }, position }));
      await server.request('textDocument/semanticTokens/range', { textDocument: { uri: big }, range: screen(0) });
      await sleep(SETTLE_MS);
      const turn = (await eventLoopDelay(server, true)).maxCpuMs;
      if (run >= 0) {
        hovers.push(ms);
        turns.push(turn);
      }
      server.close(big);
      await sleep(100);
    }
    const timing = summarise(hovers);
    rows.push({
      section: SECTION,
      metric: 'hover on a small article right after a 10 MB didOpen',
      size: '10 MB',
      unit: 'ms',
      ...timing,
      target: `< ${HOVER_BESIDE_TARGET_MS} ms`,
      status: timing.median < HOVER_BESIDE_TARGET_MS ? 'PASS' : 'MISS',
      note: `longest turn meanwhile ${summarise(turns).max.toFixed(0)} ms`,
    });
    rows.push({
      section: SECTION,
      metric: 'reference: the same hover after a 10 MB notification the server only parses',
      size: '10 MB',
      unit: 'ms',
      ...summarise(floor),
      note: 'the floor: the bench writing the 10 MB message, the pipe, and the JSON-RPC reader decoding it',
    });
  } finally {
    await server.stop();
  }
}

/**
 * Hovers on a small article, one after the other, while a 1 MB article is opened, edited and outlined
 * and then a 10 MB one is opened: the slowest of them is what the user waits for at worst.
 */
async function hoverDuringBigWork(runs: number, repoRoot: string, texts: ResponsivenessTexts, rows: BenchRow[], log: (line: string) => void): Promise<void> {
  log('responsiveness: hovers on a small article while 1 MB and 10 MB articles are worked on…');
  const server = spawnMonitored(repoRoot);
  try {
    await server.initialize();
    const small = 'file:///bench/during/small.news';
    await workOn(server, small, texts.small);
    const worst: number[] = [];
    const turns: number[] = [];
    let count = 0;
    for (let run = -1; run < runs; run++) {
      await eventLoopDelay(server, true);
      let busy = true;
      const hovers: number[] = [];
      const hovering = (async () => {
        while (busy) {
          hovers.push(await timed(() => server.request('textDocument/hover', { textDocument: { uri: small }, position: { line: 1, character: 2 } })));
          await sleep(5);
        }
      })();
      const medium = `file:///bench/during/medium-${run}.news`;
      const big = `file:///bench/during/big-${run}.news`;
      await workOn(server, medium, freshVariant(texts.oneMegabyte, 7000 + run));
      server.open(big, freshVariant(texts.tenMegabytes, 7000 + run));
      await server.request('textDocument/semanticTokens/range', { textDocument: { uri: big }, range: screen(0) });
      await server.request('textDocument/semanticTokens/full', { textDocument: { uri: big } });
      await sleep(SETTLE_MS);
      busy = false;
      await hovering;
      const turn = (await eventLoopDelay(server, true)).maxCpuMs;
      if (run >= 0) {
        worst.push(Math.max(...hovers));
        turns.push(turn);
        count += hovers.length;
      }
      server.close(medium);
      server.close(big);
      await sleep(100);
    }
    const timing = summarise(worst);
    rows.push({
      section: SECTION,
      metric: 'slowest hover on a small article while 1 MB is opened, edited, outlined, then 10 MB opened',
      size: '1 MB + 10 MB',
      unit: 'ms',
      ...timing,
      target: `< ${HOVER_BESIDE_TARGET_MS} ms`,
      status: timing.median < HOVER_BESIDE_TARGET_MS ? 'PASS' : 'MISS',
      note: `${count} hovers; longest turn meanwhile ${summarise(turns).max.toFixed(0)} ms`,
    });
  } finally {
    await server.stop();
  }
}
