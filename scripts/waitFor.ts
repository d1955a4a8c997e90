export interface WaitOptions {
  /** Give up after this many milliseconds. */
  timeout: number;
  /** What we are waiting for, for the error message when the deadline passes. */
  what: string;
  /** Pause between polls; small, because each poll is a cheap check. */
  interval?: number;
}

/** Thrown by a condition that knows it can never become true (e.g. the process it waits on has exited). */
export class GiveUp extends Error {}

/**
 * Polls `condition` until it returns a value other than `undefined`, `null` or `false`, and returns that value.
 * Throws when the deadline passes or the condition throws `GiveUp`, quoting the last value or error seen so a failure says what was observed.
 * This is the only way the UI tooling waits: every wait is on a condition with a deadline, never a fixed sleep.
 */
export async function waitFor<T>(
  condition: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  options: WaitOptions,
): Promise<T> {
  const deadline = Date.now() + options.timeout;
  const interval = options.interval ?? 100;
  let lastProblem = 'the condition was never met';
  for (;;) {
    try {
      const value = await condition();
      if (value !== undefined && value !== null && value !== false) return value;
    } catch (error) {
      if (error instanceof GiveUp) throw error;
      lastProblem = `last error: ${error instanceof Error ? error.message : String(error)}`;
    }
    if (Date.now() >= deadline) {
      throw new Error(`Timed out after ${options.timeout} ms waiting for ${options.what} (${lastProblem})`);
    }
    await pollPause(interval);
  }
}

/** The pause between two polls of a condition (not a wait in itself: the deadline lives in `waitFor`). */
function pollPause(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
