// Leases: which runner drives an operation when several gateways share one store. The owner
// renews its lease while it runs the operation; a runner that dies stops renewing, and once
// the lease has expired another runner's scan takes the operation over.
import type { OperationLease, OperationStore, StoredOperation } from '../store/types.js';
import type { RunContext } from './run-context.js';

export interface LeaseTerms {
  /** this runner's id, kept in the leases it holds */
  owner: string;
  /** how long a lease lasts unless renewed; renewed every third of it */
  leaseMs: number;
}

export function leaseUntil(run: Pick<RunContext, 'now'>, { owner, leaseMs }: LeaseTerms): OperationLease {
  return { owner, expiresAt: new Date(run.now().getTime() + leaseMs) };
}

/**
 * Renews the lease every leaseMs / 3 until `run.signal` aborts; calls `lost` (and stops) when
 * another runner holds it. A store that fails a renewal is tried again at the next turn.
 */
export async function keepLease(run: RunContext, store: OperationStore, id: string, terms: LeaseTerms, lost: () => void): Promise<void> {
  for (;;) {
    try {
      await run.sleep(terms.leaseMs / 3, run.signal);
    } catch {
      return; // stopped: the operation ended, or the runner stops
    }
    try {
      if (!(await store.renewLease(id, leaseUntil(run, terms)))) return lost();
    } catch (err) {
      run.logger.warn({ err, operation: id }, 'could not renew the lease of an operation; trying again');
    }
  }
}

/**
 * Takes over every unfinished operation whose lease is free or expired (or already this
 * runner's), handing each to `execute`; `running` says which this runner drives already.
 */
export async function takeOver(run: RunContext, store: OperationStore, terms: LeaseTerms, running: (id: string) => boolean, execute: (op: StoredOperation) => void): Promise<void> {
  for (const op of await store.listUnfinished()) {
    if (running(op.id)) continue;
    const taken = await store.acquireLease(op.id, leaseUntil(run, terms), run.now());
    if (!taken) continue;
    run.logger.info({ operation: op.id, kind: op.kind, from: op.lease?.owner ?? null }, 'resuming operation');
    execute(taken);
  }
}
