// Operations as the read side shows them: what was asked (a rollout, a restart...), of which
// targets, and how far it got. Free of GraphQL; the schema's Operation types read these.
import { toGlobalId } from '../model/ids.js';
import type { Operation, OperationKind, OperationStatus, OperationTarget, TargetStatus } from './model.js';

/** A target as the read side shows it: what names it and how far it got, not how the runner tracks it. */
export type OperationTargetRecord = Pick<OperationTarget, 'cluster' | 'kind' | 'namespace' | 'name' | 'status' | 'fromImage' | 'toImage' | 'message' | 'startedAt' | 'finishedAt'>;

export interface OperationRecord {
  /** the Node type, as on every record; what was asked is `operationKind` */
  readonly kind: 'Operation';
  /** the global id, toGlobalId('Operation', <the store's own id>) */
  id: string;
  operationKind: OperationKind;
  status: OperationStatus;
  dryRun: boolean;
  requestedBy: string;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  targets: OperationTargetRecord[];
  message: string | null;
}

const FINISHED: ReadonlySet<TargetStatus> = new Set(['SUCCEEDED', 'FAILED', 'SKIPPED', 'CANCELLED']);

/**
 * Finished targets over all targets, 0 to 1. An operation without targets has nothing left
 * to do once it has ended, so it counts as 1 then and 0 before.
 */
export function operationProgress({ status, targets }: Pick<OperationRecord, 'status' | 'targets'>): number {
  if (targets.length === 0) return status === 'PENDING' || status === 'RUNNING' ? 0 : 1;
  return targets.filter((t) => FINISHED.has(t.status)).length / targets.length;
}

/** An operation as the read side shows it: what events publish and mutations return. */
export function operationRecordOf(op: Operation): OperationRecord {
  return {
    kind: 'Operation',
    id: toGlobalId('Operation', op.id),
    operationKind: op.kind,
    status: op.status,
    dryRun: op.dryRun,
    requestedBy: op.requestedBy,
    createdAt: op.createdAt,
    startedAt: op.startedAt,
    finishedAt: op.finishedAt,
    targets: op.targets.map(targetRecordOf),
    message: op.message,
  };
}

function targetRecordOf({ cluster, kind, namespace, name, status, fromImage, toImage, message, startedAt, finishedAt }: OperationTarget): OperationTargetRecord {
  return { cluster, kind, namespace, name, status, fromImage, toImage, message, startedAt, finishedAt };
}
