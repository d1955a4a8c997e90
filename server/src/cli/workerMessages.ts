import type { LineOutcome } from './jsonLine';

/** What every worker is started with. */
export interface WorkerSettings {
  defaultPublished?: string;
}

/** One input line for a worker; its bytes are transferred, not copied. */
export interface WorkerRequest {
  sequence: number;
  bytes: Uint8Array;
}

/** A worker's answer: the line's outcome, or the message of the internal error that stopped it. */
export type WorkerReply = { sequence: number; outcome: LineOutcome; failure?: undefined } | { sequence: number; failure: string; outcome?: undefined };
