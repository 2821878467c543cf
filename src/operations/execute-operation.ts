// One operation, executed to its end (or until the runner stops): walkTargets starts targets as
// the scheduler says, executeTarget works each through its steps, the operation's status is
// written last.
import { holdTargets } from './claims.js';
import type { OperationEvents } from './events.js';
import { executeHostTarget } from './host-target.js';
import type { Operation, OperationParams } from './model.js';
import type { OperationStore } from './ports.js';
import { type RunnerContext, RunnerStopped } from './runner-context.js';
import { type ConcurrencyLimit, schedule } from './schedule.js';
import { operationOutcome } from './state.js';
import { type OperationTracker, trackOperation } from './tracker.js';
import { executeWorkloadTarget } from './workload-target.js';
import { assertNever } from '../lang/assert-never.js';

export interface Execution {
  /**
   * Starts no new target; pending ones end CANCELLED, running ones finish, then the operation
   * ends CANCELLED. Resolves once the pending targets are marked (and the operation, when
   * nothing was running).
   */
  cancel(): Promise<void>;
  /** settles when the operation ended or the runner stopped; never rejects */
  readonly done: Promise<void>;
}

export interface ExecuteOperationArgs {
  run: RunnerContext;
  store: OperationStore;
  events: OperationEvents;
  operation: Operation;
  /** the runner holding the operation's lease: every write is fenced by it */
  owner?: string;
  /** a write found another runner holds the lease: stop executing it */
  onLeaseLost?: () => void;
}

export function executeOperation({ run, store, events, operation, owner, onLeaseLost }: ExecuteOperationArgs): Execution {
  const tracker = trackOperation({ store, events, operation, owner, onLeaseLost });
  const cancellation: Cancellation = { requested: operation.cancelRequested, wake: () => {}, acks: [] };
  const done = walkTargets(run, tracker, cancellation, store)
    .catch((err: unknown) => {
      if (!(err instanceof RunnerStopped)) run.logger.error({ err, operation: operation.id }, 'operation stopped on an unexpected error; it resumes when the gateway starts again');
    })
    .finally(() => acknowledge(cancellation));
  return {
    cancel() {
      cancellation.requested = true;
      const acked = new Promise<void>((resolve) => cancellation.acks.push(resolve));
      cancellation.wake();
      return Promise.race([acked, done]);
    },
    done,
  };
}

/** What walkTargets shares with whoever cancels: the flag, a way to wake it, and who waits for it to act. */
interface Cancellation {
  requested: boolean;
  wake: () => void;
  acks: (() => void)[];
}

function acknowledge(cancellation: Cancellation): void {
  for (const ack of cancellation.acks.splice(0)) ack();
}

/** Starts each target when the scheduler says, until every target has finished (or the runner stops). */
async function walkTargets(run: RunnerContext, tracker: OperationTracker, cancellation: Cancellation, store: OperationStore): Promise<void> {
  const cancelled = () => cancellation.requested;
  const { params } = tracker.current();
  // Claimed when it was asked, unless queued behind another; a resumed one holds its own already.
  await holdTargets(run, store, tracker, cancelled);
  if (tracker.current().status === 'PENDING') await tracker.update({ status: 'RUNNING', startedAt: run.now(), message: null });
  const running = new Map<number, Promise<void>>();
  const start = (index: number) => {
    const task = executeTarget(run, tracker, index, params).finally(() => running.delete(index));
    running.set(index, task);
  };
  // Resumed: targets already under way carry on from their stored step.
  tracker.current().targets.forEach((t, i) => t.status === 'RUNNING' && start(i));
  for (;;) {
    if (run.signal.aborted) break;
    const op = tracker.current();
    const claimed = op.targets.map((t, i) => ({ cluster: t.cluster, status: running.has(i) ? ('RUNNING' as const) : t.status }));
    const next = schedule({ targets: claimed, limit: limitOf(params, op), stopOnFailure: stopsOnFailure(params), cancelRequested: cancelled() });
    for (const i of next.skip) await tracker.apply(i, { type: 'skipped', at: run.now(), reason: 'not started: an earlier target failed' });
    for (const i of next.cancel) await tracker.apply(i, { type: 'cancelled', at: run.now() });
    next.start.forEach(start);
    if (running.size === 0) {
      const outcome = operationOutcome({ targets: tracker.current().targets, cancelRequested: cancelled() }, run.now());
      if (outcome) {
        await tracker.update({ ...outcome, cancelRequested: cancelled() });
        await store.releaseTargets(tracker.id);
      } else run.logger.error({ operation: tracker.id }, 'operation has targets left but none can start; it resumes when the gateway starts again');
      return;
    }
    if (cancelled()) acknowledge(cancellation);
    const woken = new Promise<void>((resolve) => (cancellation.wake = resolve));
    await Promise.race([...running.values(), woken]);
  }
  await Promise.allSettled(running.values());
  throw new RunnerStopped('stopping');
}

/** Works one target from its stored step to its end; a fault of ours leaves it where it stands. */
async function executeTarget(run: RunnerContext, tracker: OperationTracker, index: number, params: OperationParams): Promise<void> {
  try {
    const target = tracker.target(index);
    // A cluster that could not be read when planning: it fails when its turn comes, so the strategy decides what follows.
    if (target.kind === 'Cluster') return void (await tracker.apply(index, { type: 'failed', at: run.now(), reason: target.message ?? `cluster ${target.cluster} could not be read` }));
    switch (params.kind) {
      case 'HOST_RESTART':
        return await executeHostTarget({ run, tracker, index, timeoutSeconds: params.timeoutSeconds });
      case 'ROLLOUT':
      case 'RESTART':
      case 'ROLLBACK':
        return await executeWorkloadTarget({ run, tracker, index, params });
      default:
        return assertNever(params);
    }
  } catch (err) {
    if (err instanceof RunnerStopped) return;
    // A fault of ours (or of the store): the target is left where it stands and resumes on the next start.
    run.logger.error({ err, operation: tracker.id, target: index }, 'operation target stopped on an unexpected error');
  }
}

function limitOf(params: OperationParams, op: Operation): ConcurrencyLimit {
  if (params.kind === 'HOST_RESTART') return { kind: 'targets', max: params.maxUnavailable };
  return { kind: 'clusters', order: params.clusterOrder.length > 0 ? params.clusterOrder : op.targets.map((t) => t.cluster), maxParallelClusters: params.strategy.maxParallelClusters };
}

/** A host that does not come back stops a host restart, whatever else: the fleet is short of it. */
function stopsOnFailure(params: OperationParams): boolean {
  return params.kind === 'HOST_RESTART' ? true : params.strategy.stopOnFailure;
}
