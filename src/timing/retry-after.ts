// The one Retry-After parser (RFC 9110 §10.2.3), for cluster calls and sink posts alike.

/**
 * A Retry-After header as milliseconds from `now`: delay-seconds (`120`) or an HTTP date.
 * undefined when absent or unreadable; a date in the past is 0.
 */
export function parseRetryAfter(header: string | null | undefined, now: number): number | undefined {
  const text = header?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
