import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LineOutcome } from './jsonLine';
import type { WorkerReply, WorkerRequest, WorkerSettings } from './workerMessages';

interface PendingLine {
  resolve: (outcome: LineOutcome) => void;
  reject: (error: Error) => void;
}

interface PoolWorker {
  worker: Worker;
  pending: Map<number, PendingLine>;
}

/** The worker bundle, built next to dist/cli.js by esbuild.mjs. */
const WORKER_SCRIPT = path.join(__dirname, 'cliWorker.js');

/**
 * Up to `size` worker threads that annotate JSON lines. A line goes to the worker with the fewest lines
 * waiting; a new worker starts only when every running one is busy, so a short input starts one worker,
 * not one per core. Callers bound how many lines are in flight; the pool keeps no queue of its own.
 */
export class AnnotationWorkerPool {
  private readonly workers: PoolWorker[] = [];
  private nextSequence = 0;
  private closed = false;

  constructor(
    private readonly size: number,
    private readonly settings: WorkerSettings,
  ) {}

  annotate(line: Uint8Array): Promise<LineOutcome> {
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
    const target = this.leastBusy();
    const sequence = ++this.nextSequence;
    // A copy of its own, so that the transfer moves only this line and not the stream chunk around it.
    const bytes = new Uint8Array(line);
    return new Promise<LineOutcome>((resolve, reject) => {
      target.pending.set(sequence, { resolve, reject });
      const request: WorkerRequest = { sequence, bytes };
      target.worker.postMessage(request, [bytes.buffer]);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }

  private leastBusy(): PoolWorker {
    let best: PoolWorker | undefined;
    for (const candidate of this.workers) if (!best || candidate.pending.size < best.pending.size) best = candidate;
    if (best && (best.pending.size === 0 || this.workers.length >= this.size)) return best;
    return this.start();
  }

  private start(): PoolWorker {
    const worker = new Worker(WORKER_SCRIPT, { workerData: this.settings });
    const entry: PoolWorker = { worker, pending: new Map() };
    const failAll = (error: Error): void => {
      for (const { reject } of entry.pending.values()) reject(error);
      entry.pending.clear();
    };
    worker.on('message', (reply: WorkerReply) => {
      const waiting = entry.pending.get(reply.sequence);
      if (!waiting) return;
      entry.pending.delete(reply.sequence);
      if (reply.outcome) waiting.resolve(reply.outcome);
      else waiting.reject(new Error(reply.failure));
    });
    worker.on('error', failAll);
    worker.on('exit', (code) => {
      if (!this.closed) failAll(new Error(`a worker thread stopped (exit code ${code})`));
    });
    this.workers.push(entry);
    return entry;
  }
}
