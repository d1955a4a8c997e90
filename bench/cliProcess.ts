/**
 * `news-annotate --jsonl` as the bench runs it: its own process, stdin from a file or a pipe, stdout
 * counted and hashed as it streams (never stored), peak RSS sampled from /proc while it runs.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Readable } from 'node:stream';
import { CPU_REPORT_ENV, parseCpuReport } from '../server/src/cli/cpuReport';

export interface CliRun {
  ms: number;
  outputBytes: number;
  outputLines: number;
  outputSha1: string;
  /** VmHWM of the CLI process as last seen (sampled, so a peak in the last few ms may be missed). */
  peakRssBytes: number;
  /** VmRSS samples with how many input bytes the bench had counted into the CLI at that moment. */
  rssSamples: Array<{ atInputBytes: number; rssBytes: number }>;
  /** User + system CPU time of the whole process (all its threads), as the CLI reports it at exit. */
  cpuMs: number | undefined;
  status: number | null;
  stderr: string;
}

const RSS_SAMPLE_MS = 100;
const STDERR_TAIL_CHARACTERS = 1_000;

/** Resident set size (VmRSS) and its high-water mark (VmHWM) of a process, in bytes; zeros off Linux. */
export function processMemory(pid: number): { rss: number; peak: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kilobytes = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return { rss: kilobytes('VmRSS') * 1024, peak: kilobytes('VmHWM') * 1024 };
  } catch {
    return { rss: 0, peak: 0 };
  }
}

/**
 * Runs the CLI on `input` (a file descriptor, or a stream piped into it). `inputProgress`
 * says how many input bytes have gone in so far, to place each RSS sample along the input.
 */
export function runCli(repoRoot: string, args: readonly string[], input: number | Readable, inputProgress: () => number = () => 0): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'news-annotate'), '--jsonl', ...args], {
      stdio: [typeof input === 'number' ? input : 'pipe', 'pipe', 'pipe'],
      env: { ...process.env, [CPU_REPORT_ENV]: '1' },
    });
    if (typeof input !== 'number') {
      // Through this process, so that the bench can count what went in; pipe() passes the CLI's backpressure on.
      child.stdin!.on('error', () => undefined);
      input.pipe(child.stdin!);
    }
    const hash = createHash('sha1');
    let outputBytes = 0;
    let outputLines = 0;
    let stderr = '';
    // The CPU report is the last line; diagnostics of bad lines before it may be long, so the tail is kept apart.
    let stderrTail = '';
    let peakRssBytes = 0;
    const rssSamples: CliRun['rssSamples'] = [];
    const sample = (): void => {
      if (!child.pid) return;
      const { rss, peak } = processMemory(child.pid);
      if (rss === 0) return;
      peakRssBytes = Math.max(peakRssBytes, peak);
      rssSamples.push({ atInputBytes: inputProgress(), rssBytes: rss });
    };
    const sampler = setInterval(sample, RSS_SAMPLE_MS);
    child.stdout!.on('data', (chunk: Buffer) => {
      outputBytes += chunk.length;
      for (let at = chunk.indexOf(10); at >= 0; at = chunk.indexOf(10, at + 1)) outputLines++;
      hash.update(chunk);
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      if (stderr.length < 10_000) stderr += text;
      stderrTail = (stderrTail + text).slice(-STDERR_TAIL_CHARACTERS);
    });
    child.once('error', (error) => {
      clearInterval(sampler);
      reject(error);
    });
    child.once('close', (status) => {
      clearInterval(sampler);
      const cpu = parseCpuReport(stderrTail);
      const cpuMs = cpu ? cpu.userMs + cpu.systemMs : undefined;
      resolve({ ms: performance.now() - started, outputBytes, outputLines, outputSha1: hash.digest('hex'), peakRssBytes, rssSamples, cpuMs, status, stderr });
    });
  });
}
