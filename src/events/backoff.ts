// How long to wait before the next try at a stream that keeps failing.

export interface BackoffPolicy {
  /** the delay around the first retry, in milliseconds; default 250 */
  baseMs?: number;
  /** no delay is longer than this; default 30 000 */
  maxMs?: number;
}

/**
 * Exponential backoff with "equal jitter": attempt n waits between half and all of
 * min(max, base·2^(n-1)). The random half keeps a fleet of streams that failed together
 * (a cluster restart) from coming back in lockstep; the fixed half keeps the delay growing.
 * `random` returns a number in [0, 1), as Math.random does.
 */
export function backoffDelay(attempt: number, { baseMs = 250, maxMs = 30_000 }: BackoffPolicy, random: () => number): number {
  if (attempt < 1) return 0;
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt - 1, 30));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
