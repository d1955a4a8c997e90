/**
 * The CPU time of a whole `news-annotate` run, for the bench: comparing `--jobs` settings by the wall clock
 * on a shared machine measures the neighbours as much as the CLI, and only the process itself can tell its
 * CPU time (every thread: the workers, and the collector's and compiler's threads, included).
 * Off unless the environment asks for it, so that an ordinary run's stderr stays its diagnostics alone.
 */
import { writeSync } from 'node:fs';

/** The environment variable that turns the report on (any non-empty value). */
export const CPU_REPORT_ENV = 'NEWS_ANNOTATOR_CLI_CPU_REPORT';
/** The report is the last line on stderr: this prefix, then `{"userMs": …, "systemMs": …}`. */
export const CPU_REPORT_PREFIX = 'news-annotate: cpu ';

export interface CpuReport {
  userMs: number;
  systemMs: number;
}

export function reportCpuAtExit(environment: NodeJS.ProcessEnv = process.env): void {
  if (!environment[CPU_REPORT_ENV]) return;
  process.once('exit', () => {
    // At exit every worker thread has ended, and the process's usage holds the time of its ended threads too.
    const { user, system } = process.cpuUsage();
    const report: CpuReport = { userMs: user / 1000, systemMs: system / 1000 };
    // Written synchronously: an 'exit' listener gets no later turn of the event loop.
    writeSync(2, `${CPU_REPORT_PREFIX}${JSON.stringify(report)}\n`);
  });
}

/** The report in a run's stderr, if it holds one. */
export function parseCpuReport(stderr: string): CpuReport | undefined {
  const at = stderr.lastIndexOf(CPU_REPORT_PREFIX);
  if (at < 0) return undefined;
  const end = stderr.indexOf('\n', at);
  try {
    const report = JSON.parse(stderr.slice(at + CPU_REPORT_PREFIX.length, end < 0 ? undefined : end)) as CpuReport;
    return typeof report.userMs === 'number' && typeof report.systemMs === 'number' ? report : undefined;
  } catch {
    return undefined;
  }
}
