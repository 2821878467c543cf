// What one POST's result means for the batch.
import { parseRetryAfter } from '../timing/index.js';

export type PostOutcome =
  | { kind: 'delivered' }
  /** worth trying again: the endpoint is down, slow, overloaded or failing */
  | { kind: 'retry'; reason: string; retryAfterMs?: number }
  /** the endpoint refuses this request as such; sending it again would be refused again */
  | { kind: 'rejected'; reason: string };

/**
 * 2xx delivers. 408, 425, 429 and 5xx are retried, with their Retry-After when they carry one.
 * Any other status (400, 401, 403, 404, 413, ...) rejects: the batch is dropped and counted,
 * because retrying what the endpoint refuses would hold every later event behind it forever.
 */
export function outcomeOfStatus(status: number, retryAfter: string | null, now: number): PostOutcome {
  if (status >= 200 && status < 300) return { kind: 'delivered' };
  const reason = `HTTP ${status}`;
  if (status === 408 || status === 425 || status === 429 || status >= 500) {
    const retryAfterMs = parseRetryAfter(retryAfter, now);
    return retryAfterMs === undefined ? { kind: 'retry', reason } : { kind: 'retry', reason, retryAfterMs };
  }
  return { kind: 'rejected', reason };
}

/** A request that got no response (refused, reset, DNS, timeout) is always worth retrying. */
export function outcomeOfError(err: unknown): PostOutcome {
  return { kind: 'retry', reason: describeError(err) };
}

// Duck-typed: fetch's errors (DOMException, undici's) need not be this realm's Error.
function describeError(err: unknown): string {
  const { name, message, cause } = (typeof err === 'object' && err !== null ? err : {}) as { name?: string; message?: string; cause?: { code?: string } };
  if (name === 'TimeoutError' || name === 'AbortError') return 'timed out';
  if (cause?.code) return cause.code; // ECONNREFUSED, ECONNRESET, ENOTFOUND, ...
  return message ?? String(err);
}
