// What the gateway owns and keeps: clusters registered through the API, operations with
// their targets, and an audit record of every mutation. One interface, two adapters:
// MongoDB (MONGODB_URI) and an embedded file-backed store under DATA_DIR.
import type { OperationKind, OperationStatus, OperationTargetRecord } from '../operations/records.js';
import type { OperationFilter } from '../operations/reader.js';

export interface StoredCluster {
  name: string;
  server: string;
  token: string | null;
  certificateAuthorityData: string | null;
  insecureSkipTlsVerify: boolean;
  labels: Record<string, string>;
  registeredBy: string;
  createdAt: Date;
}

/** Where a target's work stands, written BEFORE each change so a restart never repeats or forgets one. */
export type TargetStep =
  /** nothing done yet */
  | 'planned'
  /** about to change the object (or changing it): on resume, check whether the change landed */
  | 'changing'
  /** the change landed; waiting for the rollout (or the host) to finish */
  | 'changed'
  /** returning a failed target to its previous revision */
  | 'rolling-back'
  /** nothing more to do */
  | 'done';

export interface ContainerChange {
  container: string;
  from: string;
  to: string;
}

export interface StoredTarget extends OperationTargetRecord {
  step: TargetStep;
  /** container images this target changes (rollouts) */
  changes: ContainerChange[];
  /** the workload's revision before the change, to return to on failure */
  previousRevision: number | null;
  /** hosts: the node's boot id when its reboot was asked, written before asking (a new one means it rebooted) */
  bootId?: string | null;
}

/** Which runner drives an operation, until when: renewed while it runs, taken over once expired. */
export interface OperationLease {
  owner: string;
  expiresAt: Date;
}

export interface StoredOperation {
  /** the store's own id (a UUID); the GraphQL id is toGlobalId('Operation', id) */
  id: string;
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
  /** what was asked (image, strategy, filters...), as validated input */
  params: Record<string, unknown>;
  cancelRequested: boolean;
  targets: StoredTarget[];
  /** absent or null: no runner drives it (finished, or left by a gateway that stopped) */
  lease?: OperationLease | null;
}

export type OperationFields = Partial<Pick<StoredOperation, 'status' | 'startedAt' | 'finishedAt' | 'message' | 'cancelRequested'>>;
export type TargetFields = Partial<Omit<StoredTarget, 'cluster' | 'kind' | 'namespace' | 'name'>>;

/** PENDING: attempted, outcome not (yet) recorded. Written before the mutation runs, settled after. */
export type AuditOutcome = 'PENDING' | 'SUCCEEDED' | 'FAILED';

export interface AuditEntry {
  id: string;
  /** when the mutation was attempted */
  at: Date;
  principal: string;
  /** the mutation's name, e.g. `rolloutImage` */
  action: string;
  /** its arguments, with secrets replaced by "[redacted]" and cut short past the audit's limits (src/audit) */
  args: Record<string, unknown>;
  outcome: AuditOutcome;
  error: { code: string; message: string } | null;
  /** the operation a mutation started, if any */
  operationId: string | null;
  /** when the outcome was recorded; null while PENDING */
  finishedAt: Date | null;
}

/** How an attempt ended. */
export type AuditSettlement = Pick<AuditEntry, 'error' | 'operationId' | 'finishedAt'> & { outcome: 'SUCCEEDED' | 'FAILED' };

/** Which entries to list; absent or null criteria match every entry. */
export interface AuditFilter {
  /** exactly this principal's name */
  principal?: string | null;
  /** exactly this mutation's name */
  action?: string | null;
  /** attempted at or after this time */
  since?: Date | null;
}

/** An entry's place in the newest-first order: listing `after` it returns older entries only. */
export interface AuditPosition {
  at: Date;
  id: string;
}

export interface ClusterStore {
  list(): Promise<StoredCluster[]>;
  get(name: string): Promise<StoredCluster | undefined>;
  /** throws DuplicateKeyError when the name is taken */
  insert(cluster: StoredCluster): Promise<void>;
  /** false when there was none */
  remove(name: string): Promise<boolean>;
}

/** An idempotency key as kept: which operation it names and a hash of the request it stood for. */
export interface IdempotencyKey {
  /** the caller the key belongs to */
  principal: string;
  key: string;
  operationId: string;
  /** SHA-256 of the mutation's name and its canonical input */
  requestHash: string;
  createdAt: Date;
  /** after this the key may name a new request */
  expiresAt: Date;
}

/** Writes fenced by a lease: they land only while `owner` holds the operation's lease. */
export interface Fence {
  owner?: string;
}

export interface OperationStore {
  /**
   * Inserts a new operation.
   * @throws DuplicateKeyError when its id is taken
   */
  create(operation: StoredOperation): Promise<{ operation: StoredOperation; created: boolean }>;
  get(id: string): Promise<StoredOperation | undefined>;
  /** newest first */
  list(filter?: OperationFilter): Promise<StoredOperation[]>;
  /** PENDING or RUNNING ones, oldest first: what a restarted gateway resumes */
  listUnfinished(): Promise<StoredOperation[]>;
  /** @throws LeaseLostError when `fence.owner` no longer holds the lease, RecordNotFoundError when there is no such operation */
  update(id: string, fields: OperationFields, fence?: Fence): Promise<StoredOperation>;
  updateTarget(id: string, index: number, fields: TargetFields, fence?: Fence): Promise<StoredOperation>;
  /**
   * Claims every target key for the operation, atomically per key (a unique id per key). A key
   * held by a finished operation, or by one never written whose claim is older than a minute
   * (a gateway that died while creating it), is taken over.
   * @returns undefined when all are held by `operationId`; else the store id of an operation
   * holding one (the keys this call took are given back)
   */
  claimTargets(operationId: string, keys: readonly string[], at: Date): Promise<string | undefined>;
  /** gives back every key the operation holds */
  releaseTargets(operationId: string): Promise<void>;
  /**
   * Reserves (principal, key) for `reservation.operationId`, unless a key not yet expired at
   * `reservation.createdAt` holds it: then that one is returned and nothing is written.
   */
  reserveKey(reservation: IdempotencyKey): Promise<IdempotencyKey | undefined>;
  /** gives the key back, if `operationId` holds it (a request refused after reserving it) */
  releaseKey(principal: string, key: string, operationId: string): Promise<void>;
  /** The lease for `owner` when it is free, expired or already its own; the operation then, else undefined. */
  acquireLease(id: string, lease: OperationLease, now: Date): Promise<StoredOperation | undefined>;
  /** false when `owner` no longer holds it */
  renewLease(id: string, lease: OperationLease): Promise<boolean>;
  /** frees it, if `owner` holds it */
  releaseLease(id: string, owner: string): Promise<void>;
}

export interface AuditStore {
  append(entry: Omit<AuditEntry, 'id'>): Promise<AuditEntry>;
  /** Records how a PENDING entry ended; RecordNotFoundError when there is no such PENDING entry (a settled one never changes). */
  settle(id: string, end: AuditSettlement): Promise<AuditEntry>;
  /** Newest first (by `at`, then id); only entries older than `after` when given; default limit 100. */
  list(opts?: AuditFilter & { after?: AuditPosition; limit?: number }): Promise<AuditEntry[]>;
  /** how many entries match */
  count(filter?: AuditFilter): Promise<number>;
}

export interface GatewayStore {
  readonly kind: 'embedded' | 'mongodb';
  readonly clusters: ClusterStore;
  readonly operations: OperationStore;
  readonly audit: AuditStore;
  close(): Promise<void>;
}

/** A fenced write by a runner whose lease another runner has taken over. */
export class LeaseLostError extends Error {
  override readonly name = 'LeaseLostError';
}

/** A unique key (cluster name, idempotency key) already taken. */
export class DuplicateKeyError extends Error {
  override readonly name = 'DuplicateKeyError';
}
