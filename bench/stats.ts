/** Timings are reported as the median of several runs after a warm-up, with their spread. */
export interface Timing {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function summarise(values: readonly number[]): Timing {
  if (values.length === 0) throw new Error('no samples to summarise');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], runs: sorted.length };
}

/**
 * Runs `once` warm-up times then `runs` times and summarises what it returns: each run measures
 * itself (in ms), so that per-run setup such as making a fresh text stays outside the figure.
 */
export async function measure(runs: number, warmups: number, once: (run: number) => number | Promise<number>): Promise<Timing> {
  for (let i = 0; i < warmups; i++) await once(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await once(warmups + i));
  return summarise(samples);
}
