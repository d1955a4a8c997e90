/**
 * A worker thread of `news-annotate --jsonl --jobs N` (bundled as dist/cliWorker.js): annotates the lines
 * it is sent, one at a time, and answers each with its outcome. Each worker keeps its own paragraph memo.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { annotateJsonLine } from './jsonLine';
import type { WorkerReply, WorkerRequest, WorkerSettings } from './workerMessages';

const { defaultPublished } = workerData as WorkerSettings;
const port = parentPort!;

port.on('message', ({ sequence, bytes }: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { sequence, outcome: annotateJsonLine(bytes, defaultPublished) };
  } catch (error) {
    reply = { sequence, failure: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
