import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { CPU_REPORT_ENV, CPU_REPORT_PREFIX, parseCpuReport } from '../../server/src/cli/cpuReport';
import { REPO_ROOT } from '../support/serverProcess';

const CLI = path.join(REPO_ROOT, 'bin', 'news-annotate');
const ARTICLE = `${JSON.stringify({ id: 'harbour', text: 'The Harbour Authority said on Monday: "We will rebuild the pier."', published: '2024-03-06' })}\n`;

function runFilter(jobs: number, environment: NodeJS.ProcessEnv): { stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [CLI, '--jsonl', '--jobs', String(jobs)], { input: ARTICLE, encoding: 'utf8', env: environment });
  assert.equal(run.status, 0, run.stderr);
  return { stdout: run.stdout, stderr: run.stderr };
}

describe('news-annotate CPU report (for the bench)', function () {
  this.timeout(60_000);

  it('is off unless the environment asks for it: stderr stays the diagnostics alone', function () {
    const environment = { ...process.env };
    delete environment[CPU_REPORT_ENV];
    assert.equal(runFilter(1, environment).stderr, '');
  });

  it('reports the CPU of the whole process, worker threads included, as the last stderr line, and leaves stdout alone', function () {
    const environment = { ...process.env, [CPU_REPORT_ENV]: '1' };
    const inProcess = runFilter(1, environment);
    const inWorkers = runFilter(2, environment);
    assert.equal(inWorkers.stdout, inProcess.stdout);
    for (const run of [inProcess, inWorkers]) {
      assert.ok(run.stderr.startsWith(CPU_REPORT_PREFIX) && run.stderr.endsWith('\n'), run.stderr);
      const report = parseCpuReport(run.stderr);
      assert.ok(report && report.userMs > 0 && report.systemMs >= 0, run.stderr);
    }
  });

  it('finds the report after other diagnostics, and nothing in a stderr without one', function () {
    assert.deepEqual(parseCpuReport(`news-annotate: line 3: not valid JSON.\n${CPU_REPORT_PREFIX}{"userMs":12.5,"systemMs":1}\n`), { userMs: 12.5, systemMs: 1 });
    assert.equal(parseCpuReport('news-annotate: line 3: not valid JSON.\n'), undefined);
    assert.equal(parseCpuReport(`${CPU_REPORT_PREFIX}{"userMs":"a lot"}\n`), undefined);
  });
});
