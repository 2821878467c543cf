// The one backoff: how long to wait before trying again after `attempt` failures in a row.

export interface BackoffPolicy {
  /** the step of the first retry, in milliseconds; doubles each attempt */
  baseMs: number;
  /** no step is longer than this (a Retry-After may still be) */
  maxMs: number;
}

export interface BackoffInput extends BackoffPolicy {
  /** 1 for the first retry; below 1 waits nothing */
  attempt: number;
  /** a number in [0, 1] (Math.random's range, or NO_JITTER's 1 for the whole step) */
  random: () => number;
  /** what the other side asked for (a Retry-After), in ms: a floor on the delay, never a replacement */
  retryAfterMs?: number;
  /** a longer Retry-After is taken as this; default no cap */
  retryAfterCapMs?: number;
}

/**
 * Exponential backoff with "equal jitter": the step min(max, base·2^(attempt-1)), of which the
 * upper half is random. The random half keeps callers that failed together (a cluster or an
 * endpoint restarting) from coming back in lockstep; the fixed half keeps the delay growing.
 * Whole milliseconds.
 */
export function backoffDelay({ attempt, baseMs, maxMs, random, retryAfterMs, retryAfterCapMs = Infinity }: BackoffInput): number {
  if (attempt < 1) return 0;
  const step = Math.min(maxMs, baseMs * 2 ** Math.min(attempt - 1, 30));
  const jittered = Math.round(step / 2 + (random() * step) / 2);
  return retryAfterMs === undefined ? jittered : Math.max(jittered, Math.min(retryAfterCapMs, retryAfterMs));
}

/** For a backoff with nothing to spread out (one local waiter): always the whole step. */
export const NO_JITTER = (): number => 1;
