// The operation runner: one per gateway. Writes each operation (targets fixed) to the store
// before anything changes, runs it in the background, publishes every change on
// OperationEvents, and on start resumes whatever a previous gateway left unfinished.
import { randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError } from '../errors/index.js';
import type { ClusterRegistry } from '../fleet/index.js';
import type { Logger } from '../logging/index.js';
import type { GatewayStore, StoredOperation, StoredTarget } from '../store/types.js';
import type { OperationEvents } from './events.js';
import { type Execution, executeOperation } from './execute.js';
import type { OperationParams } from './params.js';
import type { OperationKind } from './records.js';
import { type RunContext, sleep as realSleep } from './run-context.js';
import { isOperationFinished } from './state.js';
import { operationRecordOf } from './stored.js';

/** What a mutation asks for, planned and checked: the targets are final. */
export interface OperationRequest {
  kind: OperationKind;
  requestedBy: string;
  idempotencyKey: string | null;
  dryRun: boolean;
  params: OperationParams;
  targets: StoredTarget[];
}

export interface OperationRunner {
  /**
   * Writes the operation and starts it; resolves with it as written (PENDING), or — for a dry
   * run — finished: SUCCEEDED with every target SKIPPED, nothing changed. The same
   * idempotency key from the same principal resolves with the operation it named first.
   */
  submit(request: OperationRequest): Promise<StoredOperation>;
  /**
   * Cancels by store id: no new target starts, pending ones end CANCELLED, running ones
   * finish, then the operation ends CANCELLED. Resolves with it once the pending are marked.
   * @throws NotFoundError for an unknown id, ConflictError for a finished operation
   */
  cancel(id: string): Promise<StoredOperation>;
  /** Stops work where it stands, marking nothing failed: a later start resumes it. */
  stop(): Promise<void>;
  /** how long a host may take to drain, reboot and come back Ready (restartHosts plans carry it) */
  readonly hostTimeoutSeconds: number;
}

export interface OperationRunnerOptions {
  store: GatewayStore;
  registry: ClusterRegistry;
  events: OperationEvents;
  logger: Logger;
  /** default () => new Date() */
  now?: () => Date;
  /** default real time (setTimeout), rejecting when the runner stops */
  sleep?: RunContext['sleep'];
  /** between two reads of a workload or node being waited on; default 1000 ms */
  pollMs?: number;
  /** how long a host may take to drain, reboot and come back Ready; default 600 s */
  hostTimeoutSeconds?: number;
  /** store ids of new operations; default random UUIDs */
  newId?: () => string;
}

/** Starts the runner and resumes the store's unfinished operations (oldest first). */
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
}: OperationRunnerOptions): Promise<OperationRunner> {
  const stopping = new AbortController();
  const run: RunContext = { registry, logger: logger.child({ component: 'operations' }), now, sleep, pollMs, signal: stopping.signal };
  const executions = new Map<string, Execution>();
  const execute = (operation: StoredOperation) => {
    const execution = executeOperation({ run, store: store.operations, events, operation });
    executions.set(operation.id, execution);
    void execution.done.finally(() => executions.delete(operation.id));
  };

  for (const operation of await store.operations.listUnfinished()) {
    run.logger.info({ operation: operation.id, kind: operation.kind }, 'resuming operation');
    execute(operation);
  }

  return {
    hostTimeoutSeconds,
    async submit(request) {
      const { operation, created } = await store.operations.create(newOperation(request, newId(), now()));
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
    async stop() {
      stopping.abort();
      await Promise.allSettled([...executions.values()].map((e) => e.done));
    },
  };
}

const DRY_RUN_MESSAGE = 'dry run: nothing was changed';

function newOperation({ kind, requestedBy, idempotencyKey, dryRun, params, targets }: OperationRequest, id: string, at: Date): StoredOperation {
  const base = { id, kind, dryRun, requestedBy, idempotencyKey, createdAt: at, params: params as unknown as Record<string, unknown>, cancelRequested: false };
  if (!dryRun) return { ...base, status: 'PENDING', startedAt: null, finishedAt: null, message: null, targets };
  const skipped = targets.map((t): StoredTarget => ({ ...t, status: 'SKIPPED', step: 'done', message: DRY_RUN_MESSAGE }));
  return { ...base, status: 'SUCCEEDED', startedAt: at, finishedAt: at, message: DRY_RUN_MESSAGE, targets: skipped };
}
