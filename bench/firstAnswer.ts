/**
 * Section 9: how soon a fresh server answers, as an editor opening a file sees it: process spawn →
 * semantic tokens for the first screen (a range request for lines 0–60 right after didOpen, which is
 * what VS Code asks first), and the initialize response → the first hover on a short article. Each run
 * is a new process, so the analysis bundle, the lexicons and the JIT start cold every time.
 * The first screen is painted with dates and quotes before the analysis is loaded; the server then asks
 * the editor to re-request tokens, and the second row times that answer, with agencies and speakers.
 */
import type { BenchRow } from './benchRow';
import { BenchServer } from './lspSession';
import { measure, summarise } from './stats';

const SECTION = '9 first answer';
const FIRST_SCREEN_TARGET_MS = 150;
/** A short article with an agency on its first words, so that the hover has something to say. */
const SHORT_ARTICLE = 'NASA said on Monday it would fly again.';

export async function benchFirstAnswer(
  runs: number,
  warmups: number,
  repoRoot: string,
  texts: ReadonlyArray<{ name: string; text: string }>,
  rows: BenchRow[],
  log: (line: string) => void,
): Promise<void> {
  for (const { name, text } of texts) {
    log(`first answer: spawn → first-screen tokens, ${name}…`);
    let tokens = 0;
    let fullTokens = 0;
    const complete: number[] = [];
    const timing = await measure(runs, warmups, async () => {
      const server = BenchServer.spawn(repoRoot);
      try {
        await server.initialize();
        const uri = 'file:///bench/first/article.news';
        server.open(uri, text);
        const answer = await server.request<{ data: number[] }>('textDocument/semanticTokens/range', {
          textDocument: { uri },
          range: { start: { line: 0, character: 0 }, end: { line: 60, character: 0 } },
        });
        const elapsed = server.sinceSpawn();
        tokens = answer.data.length / 5;
        await server.semanticTokensRefreshed();
        const again = await server.request<{ data: number[] }>('textDocument/semanticTokens/range', {
          textDocument: { uri },
          range: { start: { line: 0, character: 0 }, end: { line: 60, character: 0 } },
        });
        complete.push(server.sinceSpawn());
        fullTokens = again.data.length / 5;
        return elapsed;
      } finally {
        await server.stop();
      }
    });
    rows.push({
      section: SECTION,
      metric: 'spawn → range tokens, first screen (lines 0–60)',
      size: name,
      unit: 'ms',
      ...timing,
      target: `< ${FIRST_SCREEN_TARGET_MS} ms`,
      status: timing.median < FIRST_SCREEN_TARGET_MS ? 'PASS' : 'MISS',
      note: `${tokens} tokens (dates and quotes); fresh process each run, over stdio`,
    });
    rows.push({
      section: SECTION,
      metric: '… → the same range with agencies and speakers, after the refresh',
      size: name,
      unit: 'ms',
      ...summarise(complete.slice(-runs)),
      note: `${fullTokens} tokens`,
    });
  }

  log('first answer: initialize → first hover on a 40-character article…');
  let answered = false;
  const hover = await measure(runs, warmups, async () => {
    const server = BenchServer.spawn(repoRoot);
    try {
      await server.initialize();
      const start = performance.now();
      const uri = 'file:///bench/first/short.news';
      server.open(uri, SHORT_ARTICLE);
      answered = (await server.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } })) !== null;
      return performance.now() - start;
    } finally {
      await server.stop();
    }
  });
  rows.push({
    section: SECTION,
    metric: 'initialize response → first hover, 40-character article',
    size: `${SHORT_ARTICLE.length} chars`,
    unit: 'ms',
    ...hover,
    note: answered ? 'hover on "NASA"' : 'hover returned null',
  });
}
