// A stored operation as the read side's OperationRecord: what events publish and mutations return.
import { toGlobalId } from '../model/ids.js';
import type { StoredOperation, StoredTarget } from '../store/types.js';
import type { OperationRecord, OperationTargetRecord } from './records.js';

export function operationRecordOf(op: StoredOperation): OperationRecord {
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

function targetRecordOf({ cluster, kind, namespace, name, status, fromImage, toImage, message, startedAt, finishedAt }: StoredTarget): OperationTargetRecord {
  return { cluster, kind, namespace, name, status, fromImage, toImage, message, startedAt, finishedAt };
}
