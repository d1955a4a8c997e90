import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../support/serverProcess';
import { assertBratSlicesText, parseBrat, parseRfc4180 } from '../support/exportFormats';

const CLI = path.join(REPO_ROOT, 'bin', 'news-annotate');

/** Invented: CRLF, an emoji and a non-BMP letter before the spans shift every kind of offset. */
const FREIGHT = [
  'date: 2022-03-04',
  '',
  'Lunar freight deal stalls 🚀',
  '',
  'NASA said on Thursday that a cargo flight with the European Space Agency (ESA) would slip to next year.',
  '',
  '"We are not going to rush a crewed vehicle," NASA Administrator Bill Nelson told reporters. The agency added that "𝒜ll options" remained open.',
].join('\r\n');

const HARBOUR = [
  'date: 2022-03-10',
  '',
  'The Harbour Development Authority (HDA) said last Thursday that repairs would slip to 2023.',
  '',
  '"We will not rush the pier," said Ingrid Solberg, its director. She added: "Safety comes first.\nWe will say more in April."',
].join('\n');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function runCli(args: readonly string[], input?: string): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], { input: input ?? '', encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
  assert.equal(result.error, undefined, `the CLI ran: ${String(result.error)}`);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function assertUsageError(run: Run, message: RegExp): void {
  assert.equal(run.status, 2, `exit code 2 for a usage error; stderr: ${run.stderr}`);
  assert.match(run.stderr, message);
  assert.match(run.stderr, /Usage:/);
  assert.equal(run.stdout, '');
}

describe('news-annotate --format', function () {
  this.timeout(60_000);
  let folder: string;
  let freight: string;
  let harbour: string;

  before(function () {
    if (!existsSync(path.join(REPO_ROOT, 'dist', 'cli.js'))) {
      const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: REPO_ROOT, encoding: 'utf8' });
      assert.equal(build.status, 0, build.stderr);
    }
    folder = mkdtempSync(path.join(tmpdir(), 'news-annotate-export-'));
    freight = path.join(folder, 'freight.news');
    harbour = path.join(folder, 'harbour.news.txt');
    writeFileSync(freight, FREIGHT);
    writeFileSync(harbour, HARBOUR);
  });

  after(function () {
    rmSync(folder, { recursive: true, force: true });
  });

  it('jsonl writes for each file the line --jsonl writes for {id: the path, text}', function () {
    const run = runCli(['--format', 'jsonl', freight, harbour]);
    assert.equal(run.status, 0, run.stderr);
    const stream = runCli(['--jsonl', '--jobs', '1'], [freight, harbour].map((file) => JSON.stringify({ id: file, text: readFileSync(file, 'utf8') })).join('\n'));
    assert.equal(stream.status, 0, stream.stderr);
    assert.equal(run.stdout, stream.stdout, 'byte for byte');
    assert.deepEqual(run.stdout.trim().split('\n').map((line) => (JSON.parse(line) as { id: string }).id), [freight, harbour]);
  });

  it('csv writes quotes.csv to standard output: BOM, CRLF, one row per quote of every file, offsets into each file', function () {
    const run = runCli(['--format=csv', freight, harbour]);
    assert.equal(run.status, 0, run.stderr);
    assert.ok(run.stdout.startsWith('\uFEFFarticle,quote,speaker mention,resolved entity,resolved kind,cue,dates in paragraph,start,end\r\n'));
    const [, ...rows] = parseRfc4180(run.stdout.slice(1));
    assert.ok(rows.length >= 4, `quotes of both articles: ${rows.length}`);
    const texts = new Map([[freight, FREIGHT], [harbour, HARBOUR]]);
    for (const [article, quote, , , , , , start, end] of rows) {
      assert.equal(texts.get(article)!.slice(Number(start), Number(end)), quote, 'start and end are UTF-16 offsets into the article');
    }
    const nelson = rows.find((row) => row[1].startsWith('"We are not going'));
    assert.deepEqual(nelson?.slice(2, 7), ['NASA Administrator Bill Nelson', 'Bill Nelson', 'person', 'told', '']);
    const twoLines = rows.find((row) => row[1].includes('\n'));
    assert.equal(twoLines?.[6], 'April (2022-04)');
  });

  it('csv and jsonl read one article from standard input when no file is given', function () {
    const csv = runCli(['--format', 'csv', '--published', '2022-03-04'], 'NASA said on Thursday: "We are ready."');
    assert.equal(csv.status, 0, csv.stderr);
    const rows = parseRfc4180(csv.stdout.slice(1));
    assert.deepEqual(rows[1], ['stdin', '"We are ready."', 'NASA', 'NASA', 'agency', 'said', 'Thursday (2022-03-03)', '23', '38']);
    const jsonl = runCli(['--format', 'jsonl'], FREIGHT);
    assert.equal(jsonl.status, 0, jsonl.stderr);
    assert.equal((JSON.parse(jsonl.stdout) as { id: string }).id, 'stdin');
  });

  it('csv and jsonl with --out write quotes.csv and annotations.jsonl into the folder, creating it', function () {
    const out = path.join(folder, 'exports', 'nested');
    for (const [format, name] of [['csv', 'quotes.csv'], ['jsonl', 'annotations.jsonl']]) {
      const run = runCli(['--format', format, '-o', out, freight]);
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stdout, '', 'nothing on standard output');
      assert.equal(readFileSync(path.join(out, name), 'utf8'), runCli(['--format', format, freight]).stdout);
    }
  });

  it('brat writes a .txt and an .ann per article whose code point offsets slice the .txt exactly, and annotation.conf', function () {
    const out = path.join(folder, 'brat');
    writeFileSync(path.join(folder, 'again.news'), HARBOUR);
    const run = runCli(['--format', 'brat', '--out', out, freight, harbour, path.join(folder, 'again.news')]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '');
    assert.deepEqual(readdirSync(out).sort(), ['again.ann', 'again.txt', 'annotation.conf', 'freight.ann', 'freight.txt', 'harbour.ann', 'harbour.txt', 'visual.conf']);
    for (const [name, text] of [['freight', FREIGHT], ['harbour', HARBOUR]]) {
      const txt = readFileSync(path.join(out, `${name}.txt`), 'utf8');
      assert.equal(txt, text, 'the .txt is the article exactly');
      const document = parseBrat(readFileSync(path.join(out, `${name}.ann`), 'utf8'));
      assertBratSlicesText(txt, document);
      const types = new Set([...document.textBound.values()].map((span) => span.type));
      for (const type of ['Agency', 'Date', 'Quote', 'Person']) assert.ok(types.has(type), `${name} has a ${type}`);
      assert.ok(document.relations.length > 0, `${name} has attributions`);
    }
    const harbourAnn = parseBrat(readFileSync(path.join(out, 'harbour.ann'), 'utf8'));
    assert.ok([...harbourAnn.textBound.values()].some((span) => span.type === 'Quote' && span.fragments.length === 2), 'the two-line quote in two fragments');
    assert.match(readFileSync(path.join(out, 'annotation.conf'), 'utf8'), /\[entities\]\nAgency\nDate\nQuote\nPerson\n/);
  });

  it('brat names clashing articles -2, -3', function () {
    const out = path.join(folder, 'clash');
    const other = path.join(folder, 'other');
    mkdirSync(other);
    const copy = path.join(other, 'freight.news');
    writeFileSync(copy, FREIGHT);
    const run = runCli(['--format', 'brat', '--out', out, freight, copy]);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(readdirSync(out).filter((name) => name.endsWith('.txt')).sort(), ['freight-2.txt', 'freight.txt']);
  });

  it('brat without --out, a bad format, --out without --format and --format with --json are usage errors', function () {
    assertUsageError(runCli(['--format', 'brat', freight]), /--format brat writes a folder of files: name it with --out DIR/);
    assertUsageError(runCli(['--format', 'xml', freight]), /--format needs one of jsonl, csv, brat, got "xml"/);
    assertUsageError(runCli(['--format', freight]), /--format needs one of jsonl, csv, brat/);
    assertUsageError(runCli(['--out', folder, freight]), /--out applies to --format only/);
    assertUsageError(runCli(['--json', '--format', 'csv', freight]), /--format cannot be combined with --json/);
  });

  it('reports an unreadable file in one line, exports the others and exits 1', function () {
    const run = runCli(['--format', 'csv', path.join(folder, 'missing.news'), freight]);
    assert.equal(run.status, 1);
    assert.equal(run.stderr, `news-annotate: ${path.join(folder, 'missing.news')}: no such file.\n`);
    assert.ok(parseRfc4180(run.stdout.slice(1)).slice(1).every((row) => row[0] === freight));
    const none = runCli(['--format', 'jsonl', path.join(folder, 'missing.news')]);
    assert.equal(none.status, 1);
    assert.equal(none.stdout, '');
  });

  it('brat never overwrites an article it exports, and says why', function () {
    const source = path.join(folder, 'sources');
    mkdirSync(source);
    const article = path.join(source, 'freight.txt');
    writeFileSync(article, FREIGHT);
    const run = runCli(['--format', 'brat', '--out', source, article]);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /would overwrite an article being exported; choose another --out folder/);
    assert.equal(readFileSync(article, 'utf8'), FREIGHT);
  });

  it('--out naming a file is reported clearly', function () {
    const run = runCli(['--format', 'csv', '--out', freight, harbour]);
    assert.notEqual(run.status, 0);
    assert.match(run.stderr, /--out .* is a file; name a folder/);
    assert.equal(readFileSync(freight, 'utf8'), FREIGHT);
  });

  it('a folder that cannot be created exits 74 with the reason', function () {
    const run = runCli(['--format', 'brat', '--out', path.join(freight, 'inside-a-file'), harbour]);
    assert.equal(run.status, 74, run.stderr);
    assert.match(run.stderr, /^news-annotate: cannot create the folder .*inside-a-file \(ENOTDIR\)\.\n$/);
  });
});
