import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../support/serverProcess';

const CLI = path.join(REPO_ROOT, 'bin', 'news-annotate');

/** Invented wire copy with every kind of annotation; CRLF, an emoji and a non-BMP letter shift the offsets. */
const ARTICLE = [
  'Lunar freight deal stalls',
  '',
  'HOUSTON, March 3, 2022 (Reuters) - NASA said on Thursday that a cargo flight 🚀 planned with the European Space Agency (ESA) would slip to next year.',
  '',
  '"We are not going to rush a crewed vehicle," NASA Administrator Bill Nelson told reporters. The agency added that "𝒜ll options" remained open.',
].join('\r\n');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function runCli(args: readonly string[], input?: string | Buffer): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
  assert.equal(result.error, undefined, `the CLI ran: ${String(result.error)}`);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function assertCleanFailure(run: Run, message: RegExp): void {
  assert.notEqual(run.status, 0, 'exits non-zero');
  assert.match(run.stderr, message);
  assert.ok(!run.stderr.includes('    at '), `no stack trace on stderr:\n${run.stderr}`);
  assert.ok(!run.stdout.includes('    at '), `no stack trace on stdout:\n${run.stdout}`);
}

/** Checks one annotation of the --json/--jsonl output against the documented public schema. */
function assertPublicAnnotation(input: string, annotation: Record<string, unknown>): void {
  const { type, start, end, text } = annotation as { type: string; start: number; end: number; text: string };
  assert.ok(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= input.length, `range [${start}, ${end})`);
  assert.equal(text, input.slice(start, end), 'text is input.slice(start, end)');
  const keys = Object.keys(annotation).sort();
  if (type === 'agency') {
    assert.deepEqual(keys, ['canonical', 'category', 'end', 'start', 'text', 'type']);
    assert.equal(typeof annotation.canonical, 'string');
    assert.equal(typeof annotation.category, 'string');
  } else if (type === 'date') {
    assert.deepEqual(keys, ['end', 'start', 'text', 'type', 'value']);
    assert.equal(typeof annotation.value, 'string');
  } else {
    assert.equal(type, 'quote');
    assert.deepEqual(keys, ['end', 'resolved', 'resolvedKind', 'speaker', 'start', 'text', 'type']);
    assert.ok(annotation.resolved === null || typeof annotation.resolved === 'string', 'resolved is a string or null');
    const speaker = annotation.speaker as { start: number; end: number; text: string } | null;
    if (speaker !== null) {
      assert.deepEqual(Object.keys(speaker).sort(), ['end', 'start', 'text']);
      assert.equal(speaker.text, input.slice(speaker.start, speaker.end), 'speaker text is input.slice(start, end)');
    }
  }
}

describe('news-annotate CLI with bad input', function () {
  this.timeout(60_000);
  let folder: string;

  before(function () {
    if (!existsSync(path.join(REPO_ROOT, 'dist', 'cli.js'))) {
      const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: REPO_ROOT, encoding: 'utf8' });
      assert.equal(build.status, 0, build.stderr);
    }
    folder = mkdtempSync(path.join(tmpdir(), 'news-annotate-cli-'));
  });

  after(function () {
    rmSync(folder, { recursive: true, force: true });
  });

  function file(name: string, content: string | Buffer): string {
    const target = path.join(folder, name);
    writeFileSync(target, content);
    return target;
  }

  for (const mode of [[], ['--json']]) {
    const label = mode.length ? ' with --json' : '';

    it(`rejects invalid UTF-8 clearly${label}`, function () {
      const latin1 = file('latin1.txt', Buffer.from('Die Behörde sagte am Donnerstag, dass sie weitermacht.', 'latin1'));
      assertCleanFailure(runCli([...mode, latin1]), /not valid UTF-8/);
    });

    it(`rejects a binary file clearly${label}`, function () {
      const png = file('picture.news', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]));
      assertCleanFailure(runCli([...mode, png]), /binary/);
    });

    it(`rejects an empty file clearly${label}`, function () {
      assertCleanFailure(runCli([...mode, file('empty.news', '')]), /empty/);
    });

    it(`rejects a missing file clearly${label}`, function () {
      assertCleanFailure(runCli([...mode, path.join(folder, 'no-such-article.news')]), /no such file/);
    });

    it(`rejects a folder clearly${label}`, function () {
      const directory = path.join(folder, `a-folder${mode.length}`);
      mkdirSync(directory);
      assertCleanFailure(runCli([...mode, directory]), /folder/);
    });
  }

  it('rejects a --published date that is not YYYY-MM-DD, with the usage', function () {
    assertCleanFailure(runCli(['--json', '--published', '3 March 2022', file('dated.news', ARTICLE)]), /--published needs a date written YYYY-MM-DD/);
  });

  // Date.parse takes any day up to 31 in any month; the CLI must check the calendar.
  it('rejects a --published date that does not exist (February 30)', function () {
    assertCleanFailure(runCli(['--json', '--published', '2022-02-30', file('dated.news', ARTICLE)]), /--published/);
  });

  it('still annotates the good files when one of several is bad, and exits non-zero', function () {
    const good = file('good.news', ARTICLE);
    const run = runCli(['--json', good, path.join(folder, 'missing.news')]);
    assertCleanFailure(run, /missing\.news: no such file/);
    const output = JSON.parse(run.stdout) as Array<{ file: string; annotations: unknown[] }>;
    assert.deepEqual(output.map((entry) => entry.file), [good]);
    assert.ok(output[0].annotations.length > 0);
  });

  it('--jsonl reports a bad line by its number, answers it with an error line and goes on with the others, in order', function () {
    const lines = [
      JSON.stringify({ id: 'first', text: 'NASA said on Monday that the launch would go ahead.', published: '2022-03-07' }),
      '{"id": "broken", "text": "unterminated',
      JSON.stringify({ id: 'second', text: '"We are ready," Roscosmos said.' }),
      JSON.stringify({ id: 'wrong-type', text: 42 }),
      '',
      JSON.stringify({ id: 'bad-date', text: 'ESA agreed.', published: 'last Tuesday' }),
      JSON.stringify({ id: 'third', text: 'The European Space Agency met on March 3, 2022.', dct: '2022-03-04' }),
    ];
    const run = runCli(['--jsonl'], `${lines.join('\n')}\n`);
    assertCleanFailure(run, /line 2\b/);
    assert.match(run.stderr, /line 4\b/);
    assert.match(run.stderr, /line 6\b/);
    assert.doesNotMatch(run.stderr, /line (1|3|5|7)\b/);
    const outputs = run.stdout.split('\n').slice(0, -1);
    assert.equal(outputs.length, lines.length, 'one output line per input line');
    assert.equal(outputs[4], '', 'a blank line gives a blank line');
    const parsed = outputs.map((line) => (line ? (JSON.parse(line) as { id: string | null; annotations?: Array<Record<string, unknown>>; error?: string }) : undefined));
    assert.deepEqual(parsed.map((o) => o?.id), ['first', null, 'second', 'wrong-type', undefined, 'bad-date', 'third']);
    for (const i of [1, 3, 5]) assert.deepEqual(Object.keys(parsed[i]!).sort(), ['error', 'id'], `line ${i + 1} gets {id, error}`);
    for (const i of [0, 2, 6]) {
      const text = (JSON.parse(lines[i]) as { text: string }).text;
      for (const annotation of parsed[i]!.annotations!) assertPublicAnnotation(text, annotation);
    }
    assert.ok(parsed[0]!.annotations!.some((a) => a.type === 'agency' && a.text === 'NASA'), 'NASA is tagged in the first line');
  });

  // Decoding with replacement characters would make the offsets refer to a text the caller never sent.
  it('--jsonl reports a line that is not valid UTF-8 by its number, and goes on', function () {
    const good = Buffer.from(`${JSON.stringify({ id: 'good', text: 'NASA said so.' })}\n`);
    const latin1 = Buffer.concat([Buffer.from('{"id": "latin1", "text": "Die Beh'), Buffer.from([0xf6]), Buffer.from('rde sagte es."}\n')]);
    const run = runCli(['--jsonl'], Buffer.concat([latin1, good]));
    assertCleanFailure(run, /line 1\b.*UTF-8/);
    assert.deepEqual(run.stdout.trim().split('\n').map((line) => (JSON.parse(line) as { id: string }).id), [null, 'good']);
  });

  it('reads an article from standard input given as -', function () {
    const run = runCli(['--json', '-'], ARTICLE);
    assert.equal(run.status, 0, run.stderr);
    const output = JSON.parse(run.stdout) as { annotations: Array<Record<string, unknown>> };
    assert.ok(output.annotations.length > 0);
    for (const annotation of output.annotations) assertPublicAnnotation(ARTICLE, annotation);
  });

  it('rejects an empty or binary standard input clearly', function () {
    assertCleanFailure(runCli(['--json', '-'], ''), /empty/);
    assertCleanFailure(runCli(['-'], Buffer.from([0x00, 0x01, 0x02, 0xff])), /binary/);
  });

  it('--jsonl survives lone surrogates, NUL and CR inside the JSON strings', function () {
    const text = 'NASA said \uD800 on Thursday\u0000 that\r "it is fine\uDC00," and ESA agreed 🚀.';
    const run = runCli(['--jsonl'], `${JSON.stringify({ id: 1, text })}\n`);
    assert.equal(run.status, 0, run.stderr);
    const output = JSON.parse(run.stdout) as { annotations: Array<Record<string, unknown>> };
    for (const annotation of output.annotations) assertPublicAnnotation(text, annotation);
  });

  it('--json FILE prints the documented schema, with offsets into the file’s text', function () {
    const run = runCli(['--json', file('freight.news', ARTICLE)]);
    assert.equal(run.status, 0, run.stderr);
    const output = JSON.parse(run.stdout) as { publicationDate: string; annotations: Array<Record<string, unknown>> };
    assert.deepEqual(Object.keys(output).sort(), ['annotations', 'entities', 'publicationDate']);
    assert.equal(output.publicationDate, '2022-03-03');
    for (const annotation of output.annotations) assertPublicAnnotation(ARTICLE, annotation);
    const types = new Set(output.annotations.map((a) => a.type));
    for (const type of ['agency', 'date', 'quote']) assert.ok(types.has(type), `the article has a ${type}`);
    const entities = (output as unknown as { entities: Array<{ name: string; kind: string; mentions: Array<{ start: number; end: number }> }> }).entities;
    assert.ok(entities.length > 0, 'the article has people or agencies');
    for (const entity of entities) {
      assert.ok(['person', 'agency', 'group'].includes(entity.kind), entity.kind);
      for (const m of entity.mentions) assert.ok(m.start >= 0 && m.start < m.end && m.end <= ARTICLE.length, `mention [${m.start}, ${m.end})`);
    }
  });

  it('--json reads an article with a byte order mark, offsets counted after it', function () {
    const run = runCli(['--json', file('bom.news', `\uFEFF${ARTICLE}`)]);
    assert.equal(run.status, 0, run.stderr);
    const output = JSON.parse(run.stdout) as { annotations: Array<Record<string, unknown>> };
    assert.ok(output.annotations.length > 0);
    for (const annotation of output.annotations) assertPublicAnnotation(ARTICLE, annotation);
  });
});
