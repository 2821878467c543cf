// Ages as kubectl shows them: apimachinery's duration.HumanDuration, two or three
// significant figures (`45s`, `3m20s`, `2d3h`), measured against the simulator's clock.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** `${n}${unit}`, followed by the remainder when it is not zero: `3m20s`, `3m` */
function withRest(n: number, unit: string, rest: number, restUnit: string): string {
  return rest === 0 ? `${n}${unit}` : `${n}${unit}${rest}${restUnit}`;
}

/**
 * duration.HumanDuration for a span in milliseconds. Up to 2 s in the future counts as now
 * (clocks drift); further is `<invalid>`.
 */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE);
  if (minutes < 10) return withRest(minutes, 'm', seconds % 60, 's');
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR);
  if (hours < 8) return withRest(hours, 'h', minutes % 60, 'm');
  if (hours < 48) return `${hours}h`;
  const days = Math.trunc(hours / 24);
  if (hours < 24 * 8) return withRest(days, 'd', hours % 24, 'h');
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.trunc(days / 365);
  if (hours < 24 * 365 * 8) return withRest(years, 'y', days % 365, 'd');
  return `${years}y`;
}

/** The time since an RFC 3339 timestamp, or `<unknown>` when there is none (a zero metav1.Time). */
export function since(timestamp: unknown, now: number): string {
  const at = typeof timestamp === 'string' && timestamp ? Date.parse(timestamp) : NaN;
  return Number.isNaN(at) ? '<unknown>' : humanDuration(now - at);
}
