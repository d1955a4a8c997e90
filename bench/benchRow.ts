/** One line of the bench's table (or one object of its --json rows). */
export interface BenchRow {
  section: string;
  metric: string;
  size: string;
  unit: 'ms' | 'MB' | '×';
  /** Median for timings; the value itself for single figures (RSS, ratios). */
  median: number;
  min?: number;
  max?: number;
  runs?: number;
  /** A figure derived from the median: throughput, or what a ratio compares. */
  derived?: string;
  target?: string;
  status?: 'PASS' | 'MISS';
  note?: string;
}
