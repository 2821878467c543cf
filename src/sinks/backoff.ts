// How long a sink waits before posting a failed batch again.

export interface RetryDelayInput {
  /** 1 for the first retry */
  attempt: number;
  initialDelayMs: number;
  maxDelayMs: number;
  /** what the endpoint asked for (429/503 Retry-After), in ms */
  retryAfterMs?: number;
  /** in [0, 1) */
  random: () => number;
}

/** A Retry-After beyond this is taken as this: a misconfigured endpoint must not park a sink for a day. */
export const RETRY_AFTER_CAP_MS = 600_000;

/**
 * Exponential backoff with "equal jitter": the step `initialDelayMs * 2^(attempt-1)`, capped at
 * `maxDelayMs`, of which the upper half is random — so retries from many gateways spread out
 * but never come faster than half the step. A Retry-After is a floor on the delay (capped at
 * RETRY_AFTER_CAP_MS), not a replacement for it.
 */
export function retryDelayMs({ attempt, initialDelayMs, maxDelayMs, retryAfterMs, random }: RetryDelayInput): number {
  const step = Math.min(maxDelayMs, initialDelayMs * 2 ** Math.min(attempt - 1, 30));
  const jittered = Math.round(step / 2 + random() * (step / 2));
  const asked = retryAfterMs === undefined ? 0 : Math.min(RETRY_AFTER_CAP_MS, retryAfterMs);
  return Math.max(jittered, asked);
}

/**
 * A Retry-After header in ms from `now`: either delta-seconds (`120`) or an HTTP date.
 * undefined when absent or unreadable; a date in the past is 0.
 */
export function parseRetryAfter(header: string | null | undefined, now: number): number | undefined {
  if (!header) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
