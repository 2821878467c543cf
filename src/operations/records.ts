// Operations as the gateway keeps them: what was asked (a rollout, a restart...), of which
// targets, and how far it got. Free of GraphQL; the schema's Operation types read these.

/** The contract's OperationKind. */
export const OPERATION_KINDS = ['ROLLOUT', 'RESTART', 'HOST_RESTART', 'ROLLBACK'] as const;
export type OperationKind = (typeof OPERATION_KINDS)[number];

/** The contract's OperationStatus. */
export const OPERATION_STATUSES = ['PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED'] as const;
export type OperationStatus = (typeof OPERATION_STATUSES)[number];

/** The contract's TargetStatus. */
export const TARGET_STATUSES = ['PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED', 'SKIPPED', 'CANCELLED'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

/**
 * What an operation works on: a workload, or a host (a Node, which has no namespace). A
 * `Cluster` target stands for a cluster that could not be read when the operation was
 * planned: it fails, with the reason, when its turn comes.
 */
export type TargetKind = 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'Node' | 'Cluster';

export interface OperationTargetRecord {
  cluster: string;
  kind: TargetKind;
  namespace: string | null;
  name: string;
  status: TargetStatus;
  fromImage: string | null;
  toImage: string | null;
  message: string | null;
  startedAt: Date | null;
  finishedAt: Date | null;
}

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
