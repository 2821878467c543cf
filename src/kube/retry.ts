import { backoffDelay, type Sleep, sleep as timerSleep } from '../timing/index.js';

// Retrying a cluster call that was refused for load (429) or failed on the server (5xx),
// with exponential backoff and jitter, honouring Retry-After, never past the call's deadline.

export interface RetryPolicy {
  /** first backoff, ms; doubles each attempt. Default 100. */
  baseDelayMs?: number;
  /** largest backoff, ms. Default 2000. */
  maxDelayMs?: number;
  /** attempts in all, the first included. Default 6. */
  maxAttempts?: number;
  /** 0..1, drawn per wait; injected for tests. Default Math.random. */
  random?: () => number;
  /** waits `ms` unless the signal fires first; injected for tests. Default a timer. */
  sleep?: Sleep;
}

/** What a failed attempt tells the retry loop. */
export interface Retryable {
  retryable: boolean;
  /** the server's Retry-After, in ms, when it sent one */
  retryAfterMs?: number;
}

export async function withRetry<T>(
  attempt: () => Promise<T>,
  judge: (err: unknown) => Retryable,
  deadline: { signal: AbortSignal; remainingMs: () => number },
  policy: RetryPolicy = {},
): Promise<T> {
  const { baseDelayMs = 100, maxDelayMs = 2000, maxAttempts = 6, random = Math.random, sleep = timerSleep } = policy;
  let previous: unknown;
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (err) {
      // A retry cut short by the deadline says less than the answer that made us retry.
      if (previous !== undefined && deadline.signal.aborted) throw previous;
      previous = err;
      const verdict = judge(err);
      if (!verdict.retryable || n >= maxAttempts) throw err;
      const wait = backoffDelay({ attempt: n, baseMs: baseDelayMs, maxMs: maxDelayMs, random, retryAfterMs: verdict.retryAfterMs });
      // A wait that would outlast the deadline cannot help: fail now with the server's answer.
      if (wait >= deadline.remainingMs()) throw err;
      await sleep(wait, deadline.signal);
      // The client classifies an AbortError as a timeout or a cancellation by asking which of its signals fired.
      if (deadline.signal.aborted) throw new DOMException('aborted while waiting to retry', 'AbortError');
    }
  }
}
