// One operation per target at a time, as the runner sees it: the key a target is claimed
// under, and waiting for targets another operation holds (queued operations, resumed ones).
import { toGlobalId } from '../model/ids.js';
import type { OperationTarget } from './model.js';
import type { OperationStore } from './ports.js';
import type { RunnerContext } from './runner-context.js';
import type { OperationTracker } from './tracker.js';

/** A workload or host, whichever operation claims it; a Cluster target (a cluster not read) claims nothing. */
export function targetKeys(targets: readonly OperationTarget[]): string[] {
  return targets.filter((t) => t.kind !== 'Cluster').map((t) => [t.cluster, t.kind, t.namespace ?? '', t.name].join('/'));
}

export function heldByMessage(holder: string): string {
  return `a target is held by operation ${toGlobalId('Operation', holder)}`;
}

/**
 * Resolves once the operation holds every target, polling every pollMs while another holds
 * one (its message says which), or once it is cancelled. Rejects with RunnerStopped when the
 * runner stops.
 */
export async function holdTargets(run: RunnerContext, store: OperationStore, tracker: OperationTracker, cancelled: () => boolean): Promise<void> {
  const keys = targetKeys(tracker.current().targets);
  let told: string | undefined;
  for (;;) {
    if (cancelled()) return;
    const holder = await store.claimTargets(tracker.id, keys, run.now());
    if (holder === undefined) return;
    if (holder !== told && tracker.current().status === 'PENDING') await tracker.update({ message: `waiting: ${heldByMessage(holder)}` });
    told = holder;
    await run.sleep(run.pollMs, run.signal);
  }
}
