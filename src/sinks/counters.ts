// What a sink has done, for logs, diagnostics and tests.

export interface SinkStats {
  /** events delivered (2xx) */
  sent: number;
  /** POSTs that failed and were (or would have been) retried */
  failedAttempts: number;
  /** events dropped, oldest first, because the queue was full */
  dropped: number;
  /** events in batches the endpoint refused with a non-retryable 4xx (not retried) */
  rejected: number;
  /** changes not sent because the object was unchanged within the dedupe window */
  deduplicated: number;
  /** events waiting or being sent now */
  queued: number;
}

export type SinkCounters = Omit<SinkStats, 'queued'> & { inFlight: number };

export function newCounters(): SinkCounters {
  return { sent: 0, failedAttempts: 0, dropped: 0, rejected: 0, deduplicated: 0, inFlight: 0 };
}
