// One log line per step of an operation: the operation's own status changes and each
// target's, as the runner publishes them. Only what changed since the last publish is logged.
import type { Logger } from '../logging/index.js';
import type { OperationEvents } from './events.js';
import type { OperationStatus, TargetStatus } from './model.js';

/** Logs every step from now on; returns the function that stops. */
export function logOperationSteps(events: OperationEvents, logger: Logger): () => void {
  const seen = new Map<string, { status: OperationStatus; targets: TargetStatus[] }>();
  return events.subscribe((op) => {
    const before = seen.get(op.id);
    const base = { operation: op.id, kind: op.operationKind, dryRun: op.dryRun, requestedBy: op.requestedBy };
    if (before?.status !== op.status) logger.info({ ...base, status: op.status, message: op.message ?? undefined }, 'operation step');
    op.targets.forEach((t, i) => {
      if (before?.targets[i] === t.status) return;
      const target = { cluster: t.cluster, kind: t.kind, namespace: t.namespace ?? undefined, name: t.name };
      logger.info({ ...base, target, status: t.status, message: t.message ?? undefined }, 'operation target step');
    });
    const finished = op.status !== 'PENDING' && op.status !== 'RUNNING';
    if (finished) seen.delete(op.id);
    else seen.set(op.id, { status: op.status, targets: op.targets.map((t) => t.status) });
  });
}
