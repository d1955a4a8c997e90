import type { Writable } from 'node:stream';
import type { LineOutcome } from './jsonLine';

export interface WindowLimits {
  /** Lines read but not yet written. */
  lines: number;
  /** Their input bytes; one line alone may exceed it, so that any line can pass. */
  bytes: number;
}

/**
 * The bounded window of a stream filter that annotates lines out of order and writes them in order.
 * A line enters with `admit` (which waits while the window is full or the output is not draining), its
 * outcome arrives with `settle` in any order, and outcomes leave in input order. So memory is bounded by
 * the window, whatever the length of the input, and a slow reader downstream slows the reading upstream.
 */
export class OrderedWindow {
  private readonly outcomes = new Map<number, LineOutcome>();
  private readonly sizes = new Map<number, number>();
  private nextToWrite = 1;
  private bytesInFlight = 0;
  private outputBlocked = false;
  private failure: Error | undefined;
  private listeners: Array<() => void> = [];
  /** Lines whose outcome was `rejected`: each gave a message on the diagnostics stream. */
  rejected = 0;

  constructor(
    private readonly output: Writable,
    private readonly diagnostics: Writable,
    private readonly limits: WindowLimits,
  ) {}

  /** Waits for room, then takes line `lineNumber` (numbered from 1, consecutively) of `bytes` bytes. */
  async admit(lineNumber: number, bytes: number): Promise<void> {
    await this.until(() => !this.outputBlocked && (this.sizes.size === 0 || (this.sizes.size < this.limits.lines && this.bytesInFlight + bytes <= this.limits.bytes)));
    this.sizes.set(lineNumber, bytes);
    this.bytesInFlight += bytes;
  }

  settle(lineNumber: number, outcome: LineOutcome): void {
    this.outcomes.set(lineNumber, outcome);
    if (lineNumber === this.nextToWrite) this.writeReady();
  }

  /** Stops the window: every wait rejects with `error`. */
  fail(error: Error): void {
    this.failure ??= error;
    this.notify();
  }

  /** Resolves once every admitted line is written and the output has taken it. */
  finished(): Promise<void> {
    return this.until(() => this.sizes.size === 0 && !this.outputBlocked);
  }

  private writeReady(): void {
    let batch = '';
    for (let outcome = this.outcomes.get(this.nextToWrite); outcome; outcome = this.outcomes.get(this.nextToWrite)) {
      const lineNumber = this.nextToWrite++;
      if (outcome.kind === 'rejected') {
        this.rejected++;
        this.diagnostics.write(`news-annotate: line ${lineNumber}: ${outcome.message}\n`);
      }
      batch += `${outcome.output}\n`;
      this.outcomes.delete(lineNumber);
      this.bytesInFlight -= this.sizes.get(lineNumber) ?? 0;
      this.sizes.delete(lineNumber);
    }
    if (batch && !this.output.write(batch)) {
      this.outputBlocked = true;
      this.output.once('drain', () => {
        this.outputBlocked = false;
        this.notify();
      });
    }
    this.notify();
  }

  private notify(): void {
    const listeners = this.listeners;
    this.listeners = [];
    for (const listener of listeners) listener();
  }

  private until(condition: () => boolean): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (this.failure) reject(this.failure);
        else if (condition()) resolve();
        else this.listeners.push(check);
      };
      check();
    });
  }
}
