/**
 * The baseline the analysis must beat by 10×: compromise with the compromise-dates plugin over
 * every blank-line paragraph. It runs in its own process (see run.ts) because registering a
 * plugin mutates compromise's global state, which the analysis in the bench process shares.
 */
import type nlpType from 'compromise';
import { summarise, type Timing } from './stats';

interface DatesView {
  dates(): { json(): unknown[] };
}

let loaded: typeof nlpType | undefined;

/** compromise with the dates plugin, registered once per process. */
function naiveNlp(): typeof nlpType {
  if (!loaded) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = require('compromise') as typeof nlpType;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded.plugin(require('compromise-dates'));
  }
  return loaded;
}

export interface NaiveCounts {
  organizations: number;
  dates: number;
  quotations: number;
}

export function naiveAnalysis(text: string): NaiveCounts {
  const nlp = naiveNlp();
  const counts: NaiveCounts = { organizations: 0, dates: 0, quotations: 0 };
  for (const paragraph of text.split(/\r?\n[ \t]*\r?\n/)) {
    if (!paragraph.trim()) continue;
    const doc = nlp(paragraph);
    counts.organizations += doc.organizations().json().length;
    counts.dates += (doc as unknown as DatesView).dates().json().length;
    counts.quotations += doc.quotations().json().length;
  }
  return counts;
}

export interface NaiveReport {
  textHash: string;
  /** Time for the paragraphs analysed: the whole text, or every `sampleEvery`-th paragraph. */
  timing: Timing;
  counts: NaiveCounts;
  sampleEvery: number;
  sampledBytes: number;
  totalBytes: number;
}

/**
 * Every `sampleEvery`-th paragraph of `text`. The naive pipeline keeps no state across
 * paragraphs, so its time on a text is the sum over paragraphs, and a regular sample of them
 * scaled by bytes estimates the whole when running all of it would take minutes.
 */
export function sampleParagraphs(text: string, sampleEvery: number): string {
  if (sampleEvery <= 1) return text;
  return text
    .split(/\r?\n[ \t]*\r?\n/)
    .filter((_, index) => index % sampleEvery === 0)
    .join('\n\n');
}

/** Time the naive pipeline on `text` (or a sample of its paragraphs): after loading compromise on a short text, `warmups` then `runs` passes. */
export function timeNaiveAnalysis(text: string, textHash: string, runs: number, warmups: number, sampleEvery = 1): NaiveReport {
  naiveAnalysis('NASA said on Monday that "the launch is on track".');
  const analysed = sampleParagraphs(text, sampleEvery);
  let counts = naiveAnalysis('');
  for (let i = 0; i < warmups; i++) naiveAnalysis(analysed);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    counts = naiveAnalysis(analysed);
    samples.push(performance.now() - start);
  }
  return {
    textHash,
    timing: summarise(samples),
    counts,
    sampleEvery,
    sampledBytes: Buffer.byteLength(analysed, 'utf8'),
    totalBytes: Buffer.byteLength(text, 'utf8'),
  };
}
