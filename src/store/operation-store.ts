import type { Operation, OperationFields, OperationFilter, TargetFields } from '../operations/model.js';
import { type Fence, LeaseLostError, MalformedOperationError, type OperationStore } from '../operations/ports.js';
import type { DocumentCollection, Query } from './collection.js';
import type { KeyDoc, LockDoc } from './documents.js';
import { RecordNotFoundError } from './errors.js';
import { createIdempotencyKeys } from './idempotency-keys.js';
import { escapeKeys } from './keys.js';
import { type StoredOperationDoc, fromOperationDoc, toOperationDoc } from './operation-doc.js';
import { createTargetLocks } from './target-locks.js';

export interface OperationCollections {
  /** operations: read through fromOperationDoc, which checks each */
  docs: DocumentCollection<StoredOperationDoc>;
  /** claimed targets (target-locks.ts) */
  locks: DocumentCollection<LockDoc>;
  /** idempotency keys (idempotency-keys.ts) */
  keys: DocumentCollection<KeyDoc>;
}

/**
 * Operations with their targets, the targets they hold, their idempotency keys and leases.
 * Every claim rests on the database's uniqueness of ids or on a conditional update, never on
 * a prior read.
 */
export function createOperationStore({ docs, locks, keys }: OperationCollections): OperationStore {
  async function get(id: string): Promise<Operation | undefined> {
    const doc = await docs.findOne({ _id: id });
    return doc && fromOperationDoc(doc);
  }
  const targetLocks = createTargetLocks({
    locks,
    holderState: async (id) => {
      const holder = await docs.findOne({ _id: id });
      return !holder ? 'missing' : holder.status === 'PENDING' || holder.status === 'RUNNING' ? 'live' : 'finished';
    },
  });
  const idempotencyKeys = createIdempotencyKeys({ keys });

  /** The fenced write's query; a miss is a lost lease when the operation is there. */
  async function fenced(id: string, query: Query, set: Record<string, unknown>, fence: Fence = {}): Promise<StoredOperationDoc | undefined> {
    const updated = await apply(docs, fence.owner === undefined ? query : { ...query, 'lease.owner': fence.owner }, set);
    if (updated || fence.owner === undefined) return updated;
    const current = await docs.findOne({ _id: id });
    if (current && fromOperationDoc(current).lease?.owner !== fence.owner) throw new LeaseLostError(`operation ${id} is executed by another gateway now`);
    return undefined;
  }

  return {
    async create(operation) {
      await docs.insert(toOperationDoc(operation));
      return { operation, created: true };
    },
    get,
    async list(filter = {}) {
      return readAll(await docs.find(filterQuery(filter), { sort: { createdAt: -1, _id: 1 } })).operations;
    },
    async listUnfinished() {
      return readAll(await docs.find({ status: { $in: ['PENDING', 'RUNNING'] } }, { sort: { createdAt: 1, _id: 1 } }));
    },
    async update(id, fields, fence) {
      return found(id, await fenced(id, { _id: id }, setOf(fields), fence));
    },
    async updateTarget(id, index, fields, fence) {
      if (!Number.isInteger(index) || index < 0) throw new RangeError(`target index must be a whole number ≥ 0, got ${index}`);
      const set = setOf(fields, `targets.${index}.`);
      // The $exists guard keeps an out-of-range index from growing the array.
      const updated = await fenced(id, { _id: id, [`targets.${index}`]: { $exists: true } }, set, fence);
      if (updated) return fromOperationDoc(updated);
      throw new RecordNotFoundError((await get(id)) ? `operation ${id} has no target ${index}` : `no operation ${id}`);
    },
    claimTargets: (operationId, keys, at) => targetLocks.claim(operationId, keys, at),
    releaseTargets: (operationId) => targetLocks.release(operationId),
    reserveKey: (reservation) => idempotencyKeys.reserve(reservation),
    releaseKey: (principal, key, operationId) => idempotencyKeys.release(principal, key, operationId),
    async acquireLease(id, lease, now) {
      const free = [{ lease: null }, { lease: { $exists: false } }, { 'lease.expiresAt': { $lte: now } }, { 'lease.owner': lease.owner }];
      const taken = await docs.update({ _id: id, status: { $in: ['PENDING', 'RUNNING'] }, $or: free }, { lease });
      return taken && fromOperationDoc(taken);
    },
    async renewLease(id, lease) {
      return (await docs.update({ _id: id, 'lease.owner': lease.owner }, { lease })) !== undefined;
    },
    async releaseLease(id, owner) {
      await docs.update({ _id: id, 'lease.owner': owner }, { lease: null });
    },
  };
}

/** Each document read on its own: a malformed one is set aside, never in the way of the others. */
function readAll(found: readonly unknown[]): { operations: Operation[]; malformed: MalformedOperationError[] } {
  const operations: Operation[] = [];
  const malformed: MalformedOperationError[] = [];
  for (const doc of found) {
    try {
      operations.push(fromOperationDoc(doc));
    } catch (err) {
      if (!(err instanceof MalformedOperationError)) throw err;
      malformed.push(err);
    }
  }
  return { operations, malformed };
}

// MongoDB refuses an empty $set; nothing to set is a read.
function apply(docs: DocumentCollection<StoredOperationDoc>, query: Query, set: Record<string, unknown>) {
  return Object.keys(set).length === 0 ? docs.findOne(query) : docs.update(query, set);
}

function found(id: string, doc: StoredOperationDoc | undefined): Operation {
  if (!doc) throw new RecordNotFoundError(`no operation ${id}`);
  return fromOperationDoc(doc);
}

/** The store's side of matchesOperationFilter (src/operations/reader.ts): same criteria, as a query. */
export function filterQuery({ kinds, status, clusters }: OperationFilter): Query {
  return {
    ...(kinds ? { kind: { $in: [...kinds] } } : {}),
    ...(status ? { status: { $in: [...status] } } : {}),
    ...(clusters ? { 'targets.cluster': { $in: [...clusters] } } : {}),
  };
}

/** A $set of the given fields under `prefix`, absent ones left alone, values escaped as documents are. */
function setOf(fields: OperationFields | TargetFields, prefix = ''): Record<string, unknown> {
  const set: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) set[`${prefix}${key}`] = escapeKeys(value);
  }
  return set;
}
