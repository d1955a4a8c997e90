import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { generateBenchText } from '../../bench/corpus';
import { REPO_ROOT } from '../support/serverProcess';

const CLI = path.join(REPO_ROOT, 'bin', 'news-annotate');

interface Finished {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  stderr: string;
}

/** The built CLI in its own process, fed `input` on stdin; resolves when the process has exited. */
function runFilter(args: readonly string[], input: string | Buffer): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, '--jsonl', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (status, signal) => resolve({ status, signal, stdout: Buffer.concat(stdout), stderr }));
    child.stdin.end(input);
  });
}

const outputLines = (run: Finished): string[] => {
  const text = run.stdout.toString('utf8');
  assert.ok(text === '' || text.endsWith('\n'), 'every output line ends with a newline');
  return text === '' ? [] : text.slice(0, -1).split('\n');
};

const article = (id: string, text: string, published?: string): string => JSON.stringify({ id, text, ...(published ? { published } : {}) });

/** Articles written for these tests (the bench's own generator), varied enough to keep two workers busy. */
function wireCopy(count: number): string[] {
  return Array.from({ length: count }, (_, i) => article(`wire-${i}`, generateBenchText(1_500 + (i % 7) * 700, i + 1)));
}

describe('news-annotate --jsonl as a stream filter', function () {
  this.timeout(60_000);

  before(function () {
    if (!existsSync(path.join(REPO_ROOT, 'dist', 'cliWorker.js'))) {
      const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: REPO_ROOT, encoding: 'utf8' });
      assert.equal(build.status, 0, build.stderr);
    }
  });

  it('writes the same bytes, in input order, with --jobs 2 as with --jobs 1, bad lines included', async function () {
    const lines = wireCopy(40);
    lines.splice(5, 0, '{"id": "broken", "text": "unterminated');
    lines.splice(17, 0, '');
    lines.splice(23, 0, article('no-date', 'ESA agreed.', 'last Tuesday'));
    const input = `${lines.join('\n')}\n`;
    const [one, two] = await Promise.all([runFilter(['--jobs', '1'], input), runFilter(['--jobs', '2'], input)]);
    assert.equal(one.status, 1, 'bad lines make the exit code 1');
    assert.equal(two.status, 1);
    assert.ok(one.stdout.equals(two.stdout), 'stdout is byte for byte the same');
    assert.equal(two.stderr, one.stderr, 'the messages are the same, in the same order');
    assert.match(two.stderr, /^news-annotate: line 6: not valid JSON.*\nnews-annotate: line 24: "published" must be a date.*\n$/);
    const outputs = outputLines(two);
    assert.equal(outputs.length, lines.length, 'one output line per input line');
    outputs.forEach((output, i) => {
      if (lines[i] === '') return assert.equal(output, '', `line ${i + 1}: a blank line gives a blank line`);
      const parsed = JSON.parse(output) as { id: unknown; annotations?: unknown[]; error?: string };
      if (i === 5) return assert.deepEqual(parsed, { id: null, error: parsed.error });
      assert.equal(parsed.id, (JSON.parse(lines[i]) as { id: string }).id, `line ${i + 1} answers its own input line`);
      if (i === 23) assert.match(parsed.error!, /published/);
      else assert.ok(parsed.annotations!.length > 0, `line ${i + 1} has annotations`);
    });
  });

  it('keeps one line out per line in: CRLF, blank lines, no final newline', async function () {
    const first = article('first', 'NASA said on Monday that "the launch is on," officials said.', '2022-03-03');
    const second = article('second', 'The European Space Agency met on March 3, 2022.');
    const lf = await runFilter(['--jobs', '1'], `${first}\n${second}\n`);
    const crlf = await runFilter(['--jobs', '2'], `${first}\r\n\r\n   \r\n${second}`);
    assert.equal(crlf.status, 0, crlf.stderr);
    const [firstOut, secondOut] = outputLines(lf);
    assert.deepEqual(outputLines(crlf), [firstOut, '', '', secondOut], 'CR is not part of a line; blank lines stay; the last line needs no newline');
    assert.ok(!crlf.stdout.includes(13), 'the output has LF line ends only');
  });

  it('answers empty input with empty output, and exits 0', async function () {
    const run = await runFilter([], '');
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout.length, 0);
  });

  it('annotates a line over 10 MB, with offsets into that line', async function () {
    const paragraph = 'NASA said on Monday that the launch would slip to next year, and the European Space Agency agreed.';
    const text = Array.from({ length: Math.ceil(10_500_000 / (paragraph.length + 2)) }, () => paragraph).join('\n\n');
    assert.ok(text.length > 10_000_000);
    const input = `${article('huge', text, '2022-03-03')}\n${article('after', 'ESA agreed.')}\n`;
    const run = await runFilter([], input);
    assert.equal(run.status, 0, run.stderr);
    const [huge, after] = outputLines(run).map((line) => JSON.parse(line) as { id: string; annotations: Array<{ start: number; end: number; text: string }> });
    assert.equal(huge.id, 'huge');
    const last = huge.annotations[huge.annotations.length - 1];
    assert.ok(last.start > 10_000_000, 'the annotations reach the end of the text');
    for (const annotation of [huge.annotations[0], last]) assert.equal(annotation.text, text.slice(annotation.start, annotation.end));
    assert.equal(after.id, 'after');
  });

  it('answers a line over --max-line-bytes with an error line naming it, and goes on', async function () {
    const long = article('long', 'NASA said so. '.repeat(200));
    const input = `${article('short', 'ESA agreed.')}\n${long}\n${article('next', 'Roscosmos agreed.')}`;
    const run = await runFilter(['--max-line-bytes', '1000'], input);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /^news-annotate: line 2: longer than 1000 bytes \(\d+\)/);
    const outputs = outputLines(run).map((line) => JSON.parse(line) as { id: string | null; error?: string });
    assert.deepEqual(outputs.map((o) => o.id), ['short', null, 'next']);
    assert.match(outputs[1].error!, /longer than 1000 bytes/);
  });

  it('--exit-zero-on-bad-lines keeps the error lines and the messages but exits 0', async function () {
    const run = await runFilter(['--exit-zero-on-bad-lines'], `not json\n${article('good', 'ESA agreed.')}\n`);
    assert.equal(run.status, 0);
    assert.match(run.stderr, /line 1: not valid JSON/);
    assert.equal(outputLines(run).length, 2);
  });

  for (const jobs of ['1', '2']) {
    it(`exits 0, without a message, when the reader closes the output early (| head -n 1), --jobs ${jobs}`, async function () {
      const input = `${wireCopy(300).join('\n')}\n`;
      const child = spawn(process.execPath, [CLI, '--jsonl', '--jobs', jobs], { stdio: ['pipe', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      // The filter may stop reading once its output is gone; that is not an error of the test.
      child.stdin.on('error', () => undefined);
      child.stdin.end(input);
      const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.once('close', (status, signal) => resolve([status, signal])));
      let seen = '';
      for await (const chunk of child.stdout) {
        seen += (chunk as Buffer).toString();
        if (seen.includes('\n')) break; // breaking out of the loop destroys our end of the pipe, as head does
      }
      assert.match(seen, /^\{"id":"wire-0","annotations":/);
      const [status, signal] = await exited;
      assert.equal(signal, null);
      assert.equal(status, 0, stderr);
      assert.equal(stderr, '');
    });
  }

  it('answers each line as it comes: the first answer arrives before the input ends', async function () {
    const child = spawn(process.execPath, [CLI, '--jsonl', '--jobs', '2'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
    const answers = child.stdout.setEncoding('utf8')[Symbol.asyncIterator]();
    child.stdin.write(`${article('one', 'NASA said so on Monday.', '2022-03-03')}\n`);
    const firstAnswer = (await answers.next()).value as string;
    assert.match(firstAnswer, /^\{"id":"one","annotations":\[.*"NASA".*\]\}\n$/);
    child.stdin.end(`${article('two', 'ESA agreed.')}\n`);
    let rest = '';
    for (let next = await answers.next(); !next.done; next = await answers.next()) rest += next.value as string;
    assert.match(rest, /^\{"id":"two",/);
    assert.equal(await exited, 0);
  });
});
