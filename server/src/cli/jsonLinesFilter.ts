import type { Writable } from 'node:stream';
import { byteLines } from './byteLines';
import { annotateJsonLine, rejectedLine, type LineOutcome } from './jsonLine';
import { OrderedWindow } from './orderedWindow';
import { AnnotationWorkerPool } from './workerPool';

export interface JsonLinesOptions {
  /** The publication date of lines that give none. */
  published?: string;
  /** 1: annotate in this thread; more: in up to that many worker threads. */
  jobs: number;
  /** Longer lines are answered with an error line instead of being held in memory. */
  maxLineBytes: number;
}

export interface JsonLinesSummary {
  lines: number;
  rejected: number;
}

// Enough lines per worker that none waits for the next line while a long article holds up the output order.
const LINES_IN_FLIGHT_PER_JOB = 32;
const BYTES_IN_FLIGHT = 64 * 1024 * 1024;

/**
 * `--jsonl`: reads `input` to its end and writes one line to `output` per input line, in input order, the
 * same bytes whatever `jobs` is. Messages for rejected lines go to `diagnostics`, each with its line number.
 */
export async function filterJsonLines(input: AsyncIterable<Buffer>, output: Writable, diagnostics: Writable, options: JsonLinesOptions): Promise<JsonLinesSummary> {
  const window = new OrderedWindow(output, diagnostics, { lines: LINES_IN_FLIGHT_PER_JOB * options.jobs, bytes: BYTES_IN_FLIGHT });
  const pool = options.jobs > 1 ? new AnnotationWorkerPool(options.jobs, { defaultPublished: options.published }) : undefined;
  let lineNumber = 0;
  try {
    for await (const line of byteLines(input, options.maxLineBytes)) {
      const current = ++lineNumber;
      if (!Buffer.isBuffer(line)) {
        await window.admit(current, 0);
        window.settle(current, rejectedLine(`longer than ${options.maxLineBytes} bytes (${line.bytes}); raise --max-line-bytes to annotate it.`));
        continue;
      }
      await window.admit(current, line.length);
      if (pool) {
        pool.annotate(line).then(
          (outcome) => window.settle(current, outcome),
          (error: Error) => window.fail(new Error(`line ${current}: ${error.message}`)),
        );
      } else window.settle(current, annotateInProcess(line, current, options.published));
    }
    await window.finished();
  } finally {
    await pool?.close();
  }
  return { lines: lineNumber, rejected: window.rejected };
}

function annotateInProcess(line: Buffer, lineNumber: number, published?: string): LineOutcome {
  try {
    return annotateJsonLine(line, published);
  } catch (error) {
    throw new Error(`line ${lineNumber}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
