// Leases: which runner executes an operation when several gateways share one store. The owner
// renews its lease while it executes the operation; a runner that dies stops renewing, and once
// the lease has expired another runner's scan takes the operation over.
import type { Operation, OperationLease } from './model.js';
import type { MalformedOperationError, OperationStore } from './ports.js';
import type { RunnerContext } from './runner-context.js';

export interface LeaseTerms {
  /** this runner's id, kept in the leases it holds */
  owner: string;
  /** how long a lease lasts unless renewed; renewed every third of it */
  leaseMs: number;
}

export function leaseUntil(run: Pick<RunnerContext, 'now'>, { owner, leaseMs }: LeaseTerms): OperationLease {
  return { owner, expiresAt: new Date(run.now().getTime() + leaseMs) };
}

/**
 * Renews the lease every leaseMs / 3 until `run.signal` aborts; calls `lost` (and stops) when
 * another runner holds it. A store that fails a renewal is tried again at the next turn.
 */
export async function keepLease(run: RunnerContext, store: OperationStore, id: string, terms: LeaseTerms, lost: () => void): Promise<void> {
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

export interface TakeOverArgs {
  run: RunnerContext;
  store: OperationStore;
  terms: LeaseTerms;
  /** whether this runner executes the operation already */
  executing(id: string): boolean;
  execute(op: Operation): void;
  /** ids of malformed operations already logged: each is logged once per runner, not on every scan */
  reported: Set<string>;
}

/**
 * Takes over every unfinished operation whose lease is free or expired (or already this
 * runner's), handing each to `execute`. A malformed stored operation is left alone, logged as
 * an error naming it and what is wrong: the gateway starts and resumes the others, and the
 * targets it claimed stay claimed (so nothing else changes them) until an operator fixes or
 * removes it.
 */
export async function takeOver({ run, store, terms, executing, execute, reported }: TakeOverArgs): Promise<void> {
  const { operations, malformed } = await store.listUnfinished();
  for (const err of malformed) logMalformed(run, err, reported);
  for (const op of operations) {
    if (executing(op.id)) continue;
    const taken = await store.acquireLease(op.id, leaseUntil(run, terms), run.now());
    if (!taken) continue;
    run.logger.info({ operation: op.id, kind: op.kind, from: op.lease?.owner ?? null }, 'resuming operation');
    execute(taken);
  }
}

function logMalformed(run: RunnerContext, err: MalformedOperationError, reported: Set<string>): void {
  if (reported.has(err.id)) return;
  reported.add(err.id);
  run.logger.error({ operation: err.id, problem: err.problem }, `${err.message}; it is not resumed until it is fixed or removed`);
}
