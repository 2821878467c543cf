// What the operations engine needs from storage, said here and implemented by src/store: the
// store depends on operations (this port and model.ts), never the other way round.
import type { Operation, OperationFields, OperationFilter, OperationLease, TargetFields } from './model.js';

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

/** The unfinished operations, and those stored that cannot be read as operations. */
export interface UnfinishedOperations {
  /** PENDING or RUNNING ones, oldest first */
  operations: Operation[];
  /** documents that look unfinished but are malformed: left alone, never resumed */
  malformed: MalformedOperationError[];
}

export interface OperationStore {
  /**
   * Inserts a new operation.
   * @throws DuplicateKeyError when its id is taken
   */
  create(operation: Operation): Promise<{ operation: Operation; created: boolean }>;
  /** @throws MalformedOperationError when the stored document is not an operation */
  get(id: string): Promise<Operation | undefined>;
  /** newest first; malformed documents are left out (listUnfinished reports the ones that matter) */
  list(filter?: OperationFilter): Promise<Operation[]>;
  /** what a restarted gateway resumes, and what it cannot */
  listUnfinished(): Promise<UnfinishedOperations>;
  /** @throws LeaseLostError when `fence.owner` no longer holds the lease, RecordNotFoundError when there is no such operation */
  update(id: string, fields: OperationFields, fence?: Fence): Promise<Operation>;
  updateTarget(id: string, index: number, fields: TargetFields, fence?: Fence): Promise<Operation>;
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
  acquireLease(id: string, lease: OperationLease, now: Date): Promise<Operation | undefined>;
  /** false when `owner` no longer holds it */
  renewLease(id: string, lease: OperationLease): Promise<boolean>;
  /** frees it, if `owner` holds it */
  releaseLease(id: string, owner: string): Promise<void>;
}

/** A fenced write by a runner whose lease another runner has taken over. */
export class LeaseLostError extends Error {
  override readonly name = 'LeaseLostError';
}

/**
 * A stored operation document that is not an operation as this gateway writes them (edited by
 * hand, or written by another program): its id and what is wrong, for an operator to fix.
 */
export class MalformedOperationError extends Error {
  override readonly name = 'MalformedOperationError';

  constructor(
    readonly id: string,
    readonly problem: string,
  ) {
    super(`stored operation ${id} is malformed: ${problem}`);
  }
}
