// The controllers' work queue: keys (`namespace/name`) per controller, de-duplicated while
// they wait, handled one at a time. Draining is synchronous: the store hands its events to
// the controllers as they happen and the queue empties before control returns, so a test on
// a ManualClock sees a settled cluster after every write and every `advance` with no waiting.
import type { Cancel, Clock } from '../clock.js';

export type Reconcile = (key: string) => void;

export interface WorkQueueOptions {
  clock: Clock;
  /** told of a reconcile that threw; the key is retried after a backoff either way */
  onError: (error: unknown, where: { controller: string; key: string }) => void;
  /** times one key may be handled in one drain before it is deemed not to converge; default 100 */
  maxRunsPerDrain?: number;
}

const BACKOFF_BASE_MS = 1_000;
const BACKOFF_MAX_MS = 60_000;

export class WorkQueue {
  private readonly handlers = new Map<string, Reconcile>();
  /** insertion-ordered: first in, first handled */
  private readonly pending = new Set<string>();
  private readonly delayed = new Map<string, { at: number; cancel: Cancel }>();
  private readonly failures = new Map<string, number>();
  private draining = false;
  private stopped = false;

  constructor(private readonly opts: WorkQueueOptions) {}

  register(controller: string, reconcile: Reconcile): void {
    this.handlers.set(controller, reconcile);
  }

  add(controller: string, key: string): void {
    if (!this.stopped) this.pending.add(itemId(controller, key));
  }

  /** Handles the key after `ms` of simulated time; an earlier request for the same key wins. */
  addAfter(controller: string, key: string, ms: number): void {
    if (this.stopped) return;
    const id = itemId(controller, key);
    const at = this.opts.clock.now() + Math.max(0, ms);
    const existing = this.delayed.get(id);
    if (existing && existing.at <= at) return;
    existing?.cancel();
    const cancel = this.opts.clock.setTimeout(() => {
      this.delayed.delete(id);
      this.pending.add(id);
      this.drain();
    }, Math.max(0, ms));
    this.delayed.set(id, { at, cancel });
  }

  /** Handles every pending key, and any they add, until none is left. Re-entrant calls return at once. */
  drain(): void {
    if (this.draining || this.stopped) return;
    this.draining = true;
    const runs = new Map<string, number>();
    try {
      for (let id = first(this.pending); id !== undefined; id = first(this.pending)) {
        this.pending.delete(id);
        const count = (runs.get(id) ?? 0) + 1;
        runs.set(id, count);
        if (count > (this.opts.maxRunsPerDrain ?? 100)) this.giveUp(id);
        else this.run(id);
      }
    } finally {
      this.draining = false;
    }
  }

  stop(): void {
    this.stopped = true;
    for (const { cancel } of this.delayed.values()) cancel();
    this.delayed.clear();
    this.pending.clear();
  }

  private run(id: string): void {
    const [controller, key] = splitId(id);
    try {
      this.handlers.get(controller)?.(key);
      this.failures.delete(id);
    } catch (error) {
      const failures = (this.failures.get(id) ?? 0) + 1;
      this.failures.set(id, failures);
      this.opts.onError(error, { controller, key });
      this.addAfter(controller, key, Math.min(BACKOFF_BASE_MS * 2 ** (failures - 1), BACKOFF_MAX_MS));
    }
  }

  // A key that keeps re-queueing itself is a controller bug (two writers fighting); park it
  // rather than spin forever inside a store write.
  private giveUp(id: string): void {
    const [controller, key] = splitId(id);
    this.opts.onError(new Error(`${controller} did not settle ${key}`), { controller, key });
    this.addAfter(controller, key, BACKOFF_BASE_MS);
  }
}

function itemId(controller: string, key: string): string {
  return `${controller}\u0000${key}`;
}

function splitId(id: string): [string, string] {
  const at = id.indexOf('\u0000');
  return [id.slice(0, at), id.slice(at + 1)];
}

function first(set: Set<string>): string | undefined {
  for (const v of set) return v;
  return undefined;
}
