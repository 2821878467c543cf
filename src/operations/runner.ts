// The operation runner: one per gateway. Writes each operation (targets fixed, claimed) to the
// store before anything changes, executes it in the background under a lease, publishes every
// change on OperationEvents, and takes over whatever a gateway that stopped or died left
// unfinished (at start, and by a scan while it runs).
import { randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError } from '../errors/index.js';
import type { ClusterRegistry } from '../fleet/index.js';
import type { Logger } from '../logging/index.js';
import { type SubmitArgs, admit } from './admission.js';
import { heldByMessage } from './claims.js';
import type { OperationEvents } from './events.js';
import { type Execution, executeOperation } from './execute-operation.js';
import { type LeaseTerms, keepLease, leaseUntil, takeOver } from './lease.js';
import type { Operation, OperationLease, OperationRequest, OperationTarget } from './model.js';
import type { OperationStore } from './ports.js';
import { operationRecordOf } from './records.js';
import { requestHash } from './request-hash.js';
import { type RunnerContext, sleep as realSleep } from './runner-context.js';
import { isOperationFinished, operationOutcome } from './state.js';

export interface OperationRunner {
  /**
   * Reserves the idempotency key (the same key and input from the same principal resolve with
   * the operation they named first), plans, claims the targets, writes the operation and starts
   * it; resolves with it as written (PENDING), or — for a dry run — finished: every target
   * SKIPPED (a cluster that could not be read FAILED), nothing changed.
   * @throws ConflictError for a key used with another request, or for a target another
   * operation holds (unless `queue`: the operation then waits for it)
   */
  submit(args: SubmitArgs): Promise<Operation>;
  /**
   * Cancels by store id: no new target starts, pending ones end CANCELLED, running ones
   * finish, then the operation ends CANCELLED. Resolves with it once the pending are marked.
   * @throws NotFoundError for an unknown id, ConflictError for a finished operation
   */
  cancel(id: string): Promise<Operation>;
  /**
   * Stops work where it stands, marking nothing failed, and gives back the leases so another
   * runner (or this gateway's next start) resumes at once. `keepLeases`: leave them as a crash
   * would, to be taken over only once they expire.
   */
  stop(opts?: { keepLeases?: boolean }): Promise<void>;
  /** how long a host may take to drain, reboot and come back Ready (restartHosts plans carry it) */
  readonly hostTimeoutSeconds: number;
}

export interface OperationRunnerOptions {
  /** where operations are kept: the gateway's store, through the port it implements */
  store: { readonly operations: OperationStore };
  registry: ClusterRegistry;
  events: OperationEvents;
  logger: Logger;
  /** default () => new Date() */
  now?: () => Date;
  /** default real time (setTimeout), rejecting when the runner stops */
  sleep?: RunnerContext['sleep'];
  /** between two reads of a workload or node being waited on, and between claims of a queued operation; default 1000 ms */
  pollMs?: number;
  /** how long a host may take to drain, reboot and come back Ready; default 600 s */
  hostTimeoutSeconds?: number;
  /** store ids of new operations; default random UUIDs */
  newId?: () => string;
  /** this runner's id in the leases it holds; default a random UUID */
  owner?: string;
  /**
   * How long a lease on a running operation lasts unless renewed (every third of it); the
   * operations of a runner that died are taken over this long after its last renewal, found
   * by a scan every half of it. Default 30 000 ms.
   */
  leaseMs?: number;
  /** how long an idempotency key names its operation; default 24 h */
  idempotencyKeyTtlMs?: number;
}

/** Default lifetime of an idempotency key: a day. */
export const DEFAULT_IDEMPOTENCY_KEY_TTL_MS = 24 * 3600 * 1000;

/** Starts the runner and takes over the store's unfinished operations no live runner holds (oldest first). */
export async function startOperationRunner({
  store,
  registry,
  events,
  logger,
  now = () => new Date(),
  sleep = realSleep,
  pollMs = 1000,
  hostTimeoutSeconds = 600,
  newId = randomUUID,
  owner = randomUUID(),
  leaseMs = 30_000,
  idempotencyKeyTtlMs = DEFAULT_IDEMPOTENCY_KEY_TTL_MS,
}: OperationRunnerOptions): Promise<OperationRunner> {
  const stopping = new AbortController();
  const run: RunnerContext = { registry, logger: logger.child({ component: 'operations' }), now, sleep, pollMs, signal: stopping.signal };
  const terms: LeaseTerms = { owner, leaseMs };
  const executions = new Map<string, Execution>();
  const execute = (operation: Operation) => {
    if (executions.has(operation.id)) return;
    const own = new AbortController();
    const opRun: RunnerContext = { ...run, signal: AbortSignal.any([stopping.signal, own.signal]) };
    const lost = () => {
      run.logger.warn({ operation: operation.id }, 'another gateway took this operation over; no longer executing it');
      own.abort();
    };
    const execution = executeOperation({ run: opRun, store: store.operations, events, operation, owner, onLeaseLost: lost });
    executions.set(operation.id, execution);
    void keepLease(opRun, store.operations, operation.id, terms, lost);
    void execution.done.finally(() => {
      own.abort();
      executions.delete(operation.id);
    });
  };
  const reported = new Set<string>();
  const scan = () => takeOver({ run, store: store.operations, terms, executing: (id) => executions.has(id), execute, reported });

  await scan();
  void rescan(run, leaseMs / 2, scan);

  return {
    hostTimeoutSeconds,
    async submit(args) {
      const id = newId();
      const build = (request: OperationRequest, holder: string | undefined) => newOperation(request, id, now(), holder, leaseUntil(run, terms));
      const { operation, created } = await admit({ run, store: store.operations, id, submit: args, hash: requestHash(args.mutation, args.input), keyTtlMs: idempotencyKeyTtlMs, build });
      if (!created) return operation;
      events.publish(operationRecordOf(operation));
      if (!isOperationFinished(operation)) execute(operation);
      return operation;
    },
    async cancel(id) {
      const found = await store.operations.get(id);
      if (!found) throw new NotFoundError(`no operation ${id}`);
      if (isOperationFinished(found)) throw new ConflictError(`operation is already ${found.status}`);
      const marked = await store.operations.update(id, { cancelRequested: true });
      const execution = executions.get(id);
      if (!execution) return marked;
      await execution.cancel();
      return (await store.operations.get(id)) ?? marked;
    },
    async stop({ keepLeases = false } = {}) {
      const executing = [...executions.keys()];
      stopping.abort();
      await Promise.allSettled([...executions.values()].map((e) => e.done));
      if (!keepLeases) await Promise.allSettled(executing.map((id) => store.operations.releaseLease(id, owner)));
    },
  };
}

/** Scans for operations to take over every `everyMs` until the runner stops; a failed scan is logged and tried again. */
async function rescan(run: RunnerContext, everyMs: number, scan: () => Promise<void>): Promise<void> {
  for (;;) {
    try {
      await run.sleep(everyMs, run.signal);
    } catch {
      return;
    }
    await scan().catch((err: unknown) => run.logger.warn({ err }, 'could not look for operations to take over'));
  }
}

const DRY_RUN_MESSAGE = 'dry run: nothing was changed';

/** PENDING, leased to this runner; a dry run finished at once: targets SKIPPED, unread clusters FAILED. */
function newOperation({ kind, requestedBy, idempotencyKey, dryRun, params, targets }: OperationRequest, id: string, at: Date, holder: string | undefined, lease: OperationLease): Operation {
  const base = { id, kind, dryRun, requestedBy, idempotencyKey, createdAt: at, params, cancelRequested: false };
  const waiting = holder === undefined ? null : `waiting: ${heldByMessage(holder)}`;
  if (!dryRun) return { ...base, status: 'PENDING', startedAt: null, finishedAt: null, message: waiting, targets, lease };
  const ended = targets.map((t): OperationTarget =>
    t.kind === 'Cluster'
      ? { ...t, status: 'FAILED', step: 'done', startedAt: at, finishedAt: at }
      : { ...t, status: 'SKIPPED', step: 'done', message: DRY_RUN_MESSAGE, finishedAt: at },
  );
  const outcome = operationOutcome({ targets: ended, cancelRequested: false }, at)!;
  const message = outcome.status === 'FAILED' ? `${DRY_RUN_MESSAGE}; ${outcome.message}` : DRY_RUN_MESSAGE;
  return { ...base, status: outcome.status!, startedAt: at, finishedAt: at, message, targets: ended, lease: null };
}
