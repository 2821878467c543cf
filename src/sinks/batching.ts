// When the sender posts: once `batchSize` events wait, or once the oldest has waited
// `batchIntervalMs`, whichever comes first.

export type BatchDecision =
  | { action: 'idle' } // nothing waits: sleep until an event arrives
  | { action: 'wait'; ms: number } // too few, too fresh: look again after `ms` (or on the next event)
  | { action: 'send'; count: number };

export interface BatchState {
  queued: number;
  /** when the oldest waiting event was queued; ignored when queued is 0 */
  oldestAt: number;
  now: number;
  batchSize: number;
  /** 0 sends every event as soon as the sender is free */
  intervalMs: number;
}

export function batchDecision({ queued, oldestAt, now, batchSize, intervalMs }: BatchState): BatchDecision {
  if (queued <= 0) return { action: 'idle' };
  if (queued >= batchSize) return { action: 'send', count: batchSize };
  const waited = now - oldestAt;
  if (waited >= intervalMs) return { action: 'send', count: queued };
  return { action: 'wait', ms: intervalMs - waited };
}
