// The operations model, defined once: what an operation is, which targets it works on (a union
// keyed on kind), where each target's work stands, what was asked and how a request arrives.
// It imports nothing: the engine works on these, the store keeps them (src/store, through the
// port in ports.ts), the read side shows them (records.ts).

/** The contract's OperationKind. */
export const OPERATION_KINDS = ['ROLLOUT', 'RESTART', 'HOST_RESTART', 'ROLLBACK'] as const;
export type OperationKind = (typeof OPERATION_KINDS)[number];

/** The contract's OperationStatus. */
export const OPERATION_STATUSES = ['PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED'] as const;
export type OperationStatus = (typeof OPERATION_STATUSES)[number];

/** The contract's TargetStatus. */
export const TARGET_STATUSES = ['PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED', 'SKIPPED', 'CANCELLED'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

/** Where a target's work stands, written BEFORE each change so a restart never repeats or forgets one. */
export const TARGET_STEPS = [
  /** nothing done yet */
  'planned',
  /** about to change the object (or changing it): on resume, check whether the change landed */
  'changing',
  /** the change landed; waiting for the rollout (or the host) to finish */
  'changed',
  /** returning a failed target to its previous revision */
  'rolling-back',
  /** nothing more to do */
  'done',
] as const;
export type TargetStep = (typeof TARGET_STEPS)[number];

export const WORKLOAD_TARGET_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet'] as const;
export type WorkloadTargetKind = (typeof WORKLOAD_TARGET_KINDS)[number];

/**
 * What an operation works on: a workload, or a host (a Node, which has no namespace). A
 * `Cluster` target stands for a cluster that could not be read when the operation was
 * planned: it fails, with the reason, when its turn comes.
 */
export type TargetKind = WorkloadTargetKind | 'Node' | 'Cluster';
export const TARGET_KINDS: readonly TargetKind[] = [...WORKLOAD_TARGET_KINDS, 'Node', 'Cluster'];

export interface ContainerChange {
  container: string;
  from: string;
  to: string;
}

/** How far a target got; every kind of target keeps all of it. */
export interface TargetProgress {
  status: TargetStatus;
  fromImage: string | null;
  toImage: string | null;
  message: string | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  step: TargetStep;
  /** container images this target changes (rollouts); empty for the others */
  changes: ContainerChange[];
  /** the workload's revision before the change, to return to on failure; null for the others */
  previousRevision: number | null;
}

export interface WorkloadTarget extends TargetProgress {
  kind: WorkloadTargetKind;
  cluster: string;
  namespace: string;
  name: string;
}

export interface HostTarget extends TargetProgress {
  kind: 'Node';
  cluster: string;
  namespace: null;
  /** the node's name */
  name: string;
  /** the node's boot id when its reboot was asked, written before asking (a new one means it rebooted) */
  bootId?: string | null;
}

/** A cluster that could not be read when planning; `message` says why. */
export interface ClusterTarget extends TargetProgress {
  kind: 'Cluster';
  cluster: string;
  namespace: null;
  /** the cluster's name again */
  name: string;
}

export type OperationTarget = WorkloadTarget | HostTarget | ClusterTarget;

/** What names a target: the same whatever its progress. */
export type TargetRef = Pick<WorkloadTarget, 'cluster' | 'kind' | 'namespace' | 'name'> | Pick<HostTarget, 'cluster' | 'kind' | 'namespace' | 'name'> | Pick<ClusterTarget, 'cluster' | 'kind' | 'namespace' | 'name'>;

/** How an operation works through its workloads: the contract's RolloutStrategyInput, defaults applied (strategy.ts). */
export interface RolloutStrategy {
  /** clusters worked on at once, in the order given; default 1 */
  maxParallelClusters: number;
  /** start no new target after one has failed; default true */
  stopOnFailure: boolean;
  /** return a failed target to the revision it had before the change; default true */
  rollbackOnFailure: boolean;
  /** seconds a target may take to become available before it counts as failed; default 600 */
  timeoutSeconds: number;
}

/** What an operation was asked to do: enough for a restarted gateway to carry on exactly as the first one would have. */
export type OperationParams =
  | { kind: 'ROLLOUT'; image: string; strategy: RolloutStrategy; clusterOrder: string[] }
  /** one restartedAt for every target: what a resumed target checks its workload against */
  | { kind: 'RESTART'; restartedAt: string; strategy: RolloutStrategy; clusterOrder: string[] }
  /** the revision resolved when the operation was asked (the previous one when none was given) */
  | { kind: 'ROLLBACK'; revision: number; strategy: RolloutStrategy; clusterOrder: string[] }
  | { kind: 'HOST_RESTART'; maxUnavailable: number; timeoutSeconds: number };

export type WorkloadParams = Exclude<OperationParams, { kind: 'HOST_RESTART' }>;

/** Which runner executes an operation, until when: renewed while it runs, taken over once expired. */
export interface OperationLease {
  owner: string;
  expiresAt: Date;
}

export interface Operation {
  /** the store's own id (a UUID); the GraphQL id is toGlobalId('Operation', id) */
  id: string;
  /** always params.kind */
  kind: OperationKind;
  status: OperationStatus;
  dryRun: boolean;
  requestedBy: string;
  /** with requestedBy, unique: the same key from the same principal names the same operation */
  idempotencyKey: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  message: string | null;
  params: OperationParams;
  cancelRequested: boolean;
  targets: OperationTarget[];
  /** absent or null: no runner executes it (finished, or left by a gateway that stopped) */
  lease?: OperationLease | null;
}

/** What a mutation asks for, planned and checked: the targets are final. */
export interface OperationRequest {
  kind: OperationKind;
  requestedBy: string;
  idempotencyKey: string | null;
  dryRun: boolean;
  params: OperationParams;
  targets: OperationTarget[];
}

/** An operation's own fields a write may change. */
export type OperationFields = Partial<Pick<Operation, 'status' | 'startedAt' | 'finishedAt' | 'message' | 'cancelRequested'>>;
/** A target's fields a write may change: its progress (and a host's boot id), never what names it. */
export type TargetFields = Partial<TargetProgress> & { bootId?: string | null };

/** The contract's OperationFilter: which operations; GraphQL hands absent lists over as null. */
export interface OperationFilter {
  kinds?: readonly OperationKind[] | null;
  status?: readonly OperationStatus[] | null;
  /** operations with at least one target in one of these clusters */
  clusters?: readonly string[] | null;
}
