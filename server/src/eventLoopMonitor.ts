/**
 * How long the server's event loop was held, for the bench: a request answered late because another
 * document's work held the loop is what an editor feels as lag, and only the process itself can see it.
 * Off unless the environment asks for it, so that an editor's server never samples.
 */
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import type { Connection } from 'vscode-languageserver';

/** The environment variable that turns the monitor on (any non-empty value). */
export const EVENT_LOOP_MONITOR_ENV = 'NEWS_ANNOTATOR_EVENT_LOOP_MONITOR';
/** The bench's request: the longest delay since the last reset; `{ reset: true }` starts a new window. */
export const EVENT_LOOP_DELAY_REQUEST = 'newsAnnotator/bench/eventLoopDelay';

export interface EventLoopDelayParams {
  reset?: boolean;
}

export interface EventLoopDelay {
  /** The longest a timer waited past its time, in ms: about the longest task, within `resolutionMs`. */
  maxMs: number;
  /**
   * The longest turn, bounded from both sides' errors: between two ticks of a 1 ms timer, the smaller of the
   * wall-clock gap and the CPU time the process spent. Other processes on a busy machine inflate the wall
   * clock (a descheduled turn lasts longer) but not the CPU time; the collector's and compiler's own threads
   * inflate the process's CPU time but not the wall clock. The turn itself took no more than either.
   */
  maxCpuMs: number;
  p99Ms: number;
  meanMs: number;
  samples: number;
  resolutionMs: number;
}

const RESOLUTION_MS = 1;

export function startEventLoopMonitor(connection: Connection, environment: NodeJS.ProcessEnv = process.env): void {
  if (!environment[EVENT_LOOP_MONITOR_ENV]) return;
  const histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  let maxCpuMs = 0;
  let lastCpu = process.cpuUsage();
  let lastTick = performance.now();
  setInterval(() => {
    const cpu = process.cpuUsage();
    const now = performance.now();
    const cpuMs = (cpu.user - lastCpu.user + cpu.system - lastCpu.system) / 1000;
    maxCpuMs = Math.max(maxCpuMs, Math.min(cpuMs, now - lastTick - RESOLUTION_MS));
    lastCpu = cpu;
    lastTick = now;
  }, RESOLUTION_MS).unref();
  connection.onRequest(EVENT_LOOP_DELAY_REQUEST, (params: EventLoopDelayParams | undefined): EventLoopDelay => {
    const delay: EventLoopDelay = {
      // The histogram measures from the previous tick, so each sample holds the resolution itself.
      maxMs: lateBy(histogram.max),
      p99Ms: lateBy(histogram.percentile(99)),
      meanMs: lateBy(histogram.mean),
      maxCpuMs,
      samples: histogram.count,
      resolutionMs: RESOLUTION_MS,
    };
    if (params?.reset) {
      histogram.reset();
      maxCpuMs = 0;
    }
    return delay;
  });
}

function lateBy(nanoseconds: number): number {
  return Number.isFinite(nanoseconds) ? Math.max(0, nanoseconds / 1e6 - RESOLUTION_MS) : 0;
}
