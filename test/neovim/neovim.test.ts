/**
 * The language server in Neovim 0.7 (Debian's), through its built-in LSP client only: `test/neovim/lsp_check.lua`
 * starts `bin/news-annotator-server --stdio` with vim.lsp.start_client, asks for hovers, document symbols and raw
 * semantic tokens (0.7 has no semantic-token client of its own), and writes what it got as JSON, checked here.
 * Run with `npm run test:neovim` (which builds dist/server.js first).
 */
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { killGroup, projectRoot } from '../../scripts/codeServer';
import { GiveUp, waitFor } from '../../scripts/waitFor';

interface Position {
  line: number;
  character: number;
}

interface DecodedToken {
  line: number;
  start: number;
  length: number;
  type: string;
  modifiers: string[];
  text?: string;
}

interface LspSymbol {
  name: string;
  detail?: string;
  children?: LspSymbol[];
}

interface NeovimReport {
  errors: string[];
  server_pid?: number;
  server_capabilities?: { semanticTokensProvider?: { legend: { tokenTypes: string[] } }; hoverProvider?: unknown };
  hovers?: Record<string, { position: Position; text: string }>;
  symbols?: LspSymbol[];
  semantic_tokens?: { count: number; length: number; decoded: DecodedToken[] };
}

const root = projectRoot();
const sandbox = path.join(root, '.vscode-test', 'neovim');
const SAMPLE = path.join(root, 'samples', 'lunar-gateway-delay.news');

/** Processes still running when a test ends (it timed out, or an assertion threw first); `after` ends their groups. */
const running = new Set<number>();

/** Neovim's LSP log, cache and state go to the sandbox, not the real home folder. */
function neovimEnvironment(): NodeJS.ProcessEnv {
  const home = path.join(sandbox, 'home');
  return {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_STATE_HOME: path.join(home, '.local', 'state'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
  };
}

/** Runs the Lua driver on `article` in headless Neovim and returns its JSON report. */
async function runNeovim(article: string, probes: string[]): Promise<NeovimReport> {
  const result = path.join(sandbox, `${path.basename(article)}.json`);
  fs.rmSync(result, { force: true });
  const child = spawn('nvim', ['--headless', '--clean', '-n', '-i', 'NONE', '-c', `luafile ${path.join(root, 'test', 'neovim', 'lsp_check.lua')}`], {
    cwd: sandbox,
    detached: true, // its own process group, holding the language server it starts
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...neovimEnvironment(),
      NEWS_LSP_NODE: process.execPath,
      NEWS_LSP_SERVER: path.join(root, 'bin', 'news-annotator-server'),
      NEWS_ARTICLE: article,
      NEWS_PROBES: JSON.stringify(probes),
      NEWS_RESULT: result,
    },
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('nvim did not start');
  running.add(pid);
  const killOnExit = () => killGroup(pid, 'SIGKILL'); // also when mocha is stopped by Ctrl-C mid-run
  process.once('exit', killOnExit);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let exitCode: number | null | undefined;
  child.on('exit', (code) => {
    exitCode = code;
    running.delete(pid);
    process.removeListener('exit', killOnExit);
  });
  await waitFor(
    () => {
      if (exitCode !== undefined && exitCode !== 0) throw new GiveUp(`nvim exited with ${exitCode}: ${output}`);
      return exitCode === 0;
    },
    { timeout: 60_000, what: `nvim to finish on ${path.basename(article)}` },
  );
  assert.ok(fs.existsSync(result), `the Lua driver wrote no report; nvim said: ${output}`);
  return JSON.parse(fs.readFileSync(result, 'utf8')) as NeovimReport;
}

describe('News Annotator language server in Neovim 0.7 (built-in LSP client)', function () {
  this.timeout(90_000);
  let sample: NeovimReport;

  before(async function () {
    process.once('SIGINT', exitOnSignal);
    process.once('SIGTERM', exitOnSignal);
    fs.mkdirSync(sandbox, { recursive: true });
    const version = spawnSync('nvim', ['--version'], { encoding: 'utf8', env: neovimEnvironment() });
    if (version.status !== 0) throw new Error('nvim is missing. Install Debian\'s neovim: apt-get update && apt-get install -y neovim');
    assert.ok(fs.existsSync(path.join(root, 'dist', 'server.js')), 'dist/server.js is missing: run `npm run build`');
    const copy = path.join(sandbox, path.basename(SAMPLE));
    fs.copyFileSync(SAMPLE, copy);
    sample = await runNeovim(copy, ['ESA', 'Thursday']);
  });

  after(function () {
    for (const pid of running) killGroup(pid, 'SIGKILL');
    process.removeListener('SIGINT', exitOnSignal);
    process.removeListener('SIGTERM', exitOnSignal);
  });

  it('starts, answers every request and shuts down cleanly', function () {
    assert.deepEqual(sample.errors, []);
    assert.ok(sample.server_capabilities?.hoverProvider, 'hover capability');
    assert.deepEqual(
      ['agency', 'date', 'quote', 'speaker'].filter((type) => !sample.server_capabilities?.semanticTokensProvider?.legend.tokenTypes.includes(type)),
      [],
    );
  });

  it('hovers an agency with its card and a weekday with the date it resolves to', function () {
    const agency = sample.hovers?.ESA?.text ?? '';
    assert.match(agency, /European Space Agency/);
    assert.match(agency, /space agency/);
    // The sample is dated Thursday 14 November 2024 in its front matter, so "on Thursday" is that day.
    const weekday = sample.hovers?.Thursday?.text ?? '';
    assert.match(weekday, /2024-11-14/);
  });

  it('returns the outline: Agencies, Timeline and Quotes with their children', function () {
    const groups = new Map((sample.symbols ?? []).map((symbol) => [symbol.name, symbol.children ?? []]));
    for (const name of ['Agencies', 'Timeline', 'Quotes']) {
      assert.ok((groups.get(name)?.length ?? 0) >= 3, `${name}: ${JSON.stringify(groups.get(name))}`);
    }
    assert.ok(groups.get('Agencies')?.some((agency) => agency.name === 'European Space Agency'));
    assert.ok(groups.get('Timeline')?.some((date) => date.name.startsWith('2024-11-14 · Thursday')));
    assert.ok(groups.get('Quotes')?.some((quote) => quote.name.includes('We would rather fly late')));
  });

  it('returns semantic tokens that decode to the agencies, dates and quotes of the text', function () {
    const tokens = sample.semantic_tokens;
    assert.ok(tokens && tokens.count > 0 && tokens.length % 5 === 0, JSON.stringify(tokens));
    const texts = (type: string) => tokens.decoded.filter((token) => token.type === type).map((token) => token.text);
    assert.ok(texts('agency').includes('ESA'), JSON.stringify(texts('agency')));
    assert.ok(texts('date').includes('Thursday'));
    assert.ok(texts('quote').some((text) => text?.startsWith('"We would rather fly late')));
    assert.ok(tokens.decoded.every((token) => token.length > 0 && token.text !== undefined && token.text.length > 0));
    const thursday = tokens.decoded.find((token) => token.text === 'Thursday');
    assert.deepEqual(thursday?.modifiers, ['relative']);
  });

  it('counts offsets in UTF-16 code units, as Neovim expects, past an emoji', async function () {
    // An emoji outside the Basic Multilingual Plane is 2 UTF-16 code units but 4 bytes: a server counting
    // bytes or code points would shift every token after it on that line.
    const article = path.join(sandbox, 'emoji-post.news');
    fs.writeFileSync(
      article,
      [
        '---',
        'date: 2023-06-02',
        '---',
        'Lander team celebrates engine test',
        '',
        '"Full duration burn complete 🚀🔥 on to the next one," NASA posted on Friday, hours after the test in Mississippi.',
        '',
      ].join('\n'),
    );
    const report = await runNeovim(article, ['NASA']);
    assert.deepEqual(report.errors, []);
    const line = 5;
    const onLine = (report.semantic_tokens?.decoded ?? []).filter((token) => token.line === line);
    assert.ok(onLine.some((token) => token.text === 'NASA'), JSON.stringify(onLine));
    assert.ok(onLine.some((token) => token.text === 'Friday'), JSON.stringify(onLine));
    const quote = onLine.find((token) => token.type === 'quote');
    assert.ok(quote?.text?.startsWith('"Full duration') && quote.text.endsWith('one,"'), JSON.stringify(onLine));
    assert.match(report.hovers?.NASA?.text ?? '', /National Aeronautics and Space Administration|NASA/);
  });
});

/** Ctrl-C would otherwise kill mocha without running after(); exiting runs the kill-on-exit hooks instead. */
function exitOnSignal(): void {
  process.exit(130);
}
