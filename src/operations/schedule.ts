// Which targets start next, pure: given where every target stands, the limit on concurrent
// work, failures and a cancel request, what to start, skip and cancel now.
import type { TargetStatus } from './model.js';
import { assertNever } from '../lang/assert-never.js';

export type ConcurrencyLimit =
  /**
   * Workloads: clusters in `order`, at most `maxParallelClusters` of them under way at once;
   * within a cluster one target after another, in the order the plan lists them, so a
   * cluster never has two rollouts of its own under way.
   */
  | { kind: 'clusters'; order: readonly string[]; maxParallelClusters: number }
  /** Hosts: at most `max` targets under way at once (restartHosts' maxUnavailable), in plan order. */
  | { kind: 'targets'; max: number };

export interface ScheduleInput {
  targets: readonly { cluster: string; status: TargetStatus }[];
  limit: ConcurrencyLimit;
  /** after a failure start nothing more; what has not started is SKIPPED */
  stopOnFailure: boolean;
  /** start nothing more; what has not started is CANCELLED (what runs finishes) */
  cancelRequested: boolean;
}

export interface Schedule {
  /** indexes of targets to start now */
  start: number[];
  /** indexes of pending targets to end SKIPPED */
  skip: number[];
  /** indexes of pending targets to end CANCELLED */
  cancel: number[];
}

const pendingOf = (targets: ScheduleInput['targets']) => targets.flatMap((t, i) => (t.status === 'PENDING' ? [i] : []));

export function schedule({ targets, limit, stopOnFailure, cancelRequested }: ScheduleInput): Schedule {
  const pending = pendingOf(targets);
  if (cancelRequested) return { start: [], skip: [], cancel: pending };
  if (stopOnFailure && targets.some((t) => t.status === 'FAILED')) return { start: [], skip: pending, cancel: [] };
  switch (limit.kind) {
    case 'targets': {
      const running = targets.filter((t) => t.status === 'RUNNING').length;
      return { start: pending.slice(0, Math.max(0, limit.max - running)), skip: [], cancel: [] };
    }
    case 'clusters':
      return { start: byCluster(targets, limit.order, limit.maxParallelClusters), skip: [], cancel: [] };
    default:
      return assertNever(limit);
  }
}

/**
 * A cluster is under way once one of its targets has started and until all have finished.
 * Each cluster under way without a running target starts its next one; clusters not yet
 * started start, in order, while fewer than the limit are under way.
 */
function byCluster(targets: ScheduleInput['targets'], order: readonly string[], maxParallel: number): number[] {
  const clusters = [...order, ...targets.map((t) => t.cluster).filter((c) => !order.includes(c))];
  const start: number[] = [];
  const fresh: { cluster: string; next: number }[] = [];
  let underWay = 0;
  for (const cluster of new Set(clusters)) {
    const mine = targets.flatMap((t, i) => (t.cluster === cluster ? [{ ...t, i }] : []));
    const next = mine.find((t) => t.status === 'PENDING');
    const started = mine.some((t) => t.status !== 'PENDING');
    const running = mine.some((t) => t.status === 'RUNNING');
    if (!next) {
      if (running) underWay++;
      continue;
    }
    if (!started) {
      fresh.push({ cluster, next: next.i });
      continue;
    }
    underWay++;
    if (!running) start.push(next.i);
  }
  for (const { next } of fresh.slice(0, Math.max(0, maxParallel - underWay))) start.push(next);
  return start.sort((a, b) => a - b);
}
