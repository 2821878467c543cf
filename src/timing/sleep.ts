// The one abortable sleep. It never rejects: callers that must stop on abort say how
// (the runner with RunnerStopped, a cluster call with an AbortError), the others just go on.
import { setTimeout as delay } from 'node:timers/promises';

/** Waits `ms`, or less when `signal` aborts; how a caller waits, injected so tests need no time. */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<unknown>;

/** Resolves true after `ms`, or false as soon as `signal` aborts (at once when it has). Never rejects. */
export async function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return false;
  try {
    await delay(ms, undefined, { signal });
    return true;
  } catch {
    return false;
  }
}

/** Resolves when `signal` aborts (at once when it has). */
export function untilAborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}
