import type { OperationFilter } from '../operations/reader.js';
import type { DocumentCollection, Query } from './collection.js';
import { type OperationDoc, fromOperationDoc, toOperationDoc } from './documents.js';
import { RecordNotFoundError } from './errors.js';
import { escapeKeys } from './keys.js';
import { DuplicateKeyError, type OperationFields, type OperationStore, type StoredOperation, type TargetFields } from './types.js';

/** Operations with their targets. Idempotency rests on the collection's unique index, not on a prior read. */
export function createOperationStore({ docs }: { docs: DocumentCollection<OperationDoc> }): OperationStore {
  async function get(id: string): Promise<StoredOperation | undefined> {
    const doc = await docs.findOne({ _id: id });
    return doc && fromOperationDoc(doc);
  }

  return {
    async create(operation) {
      try {
        await docs.insert(toOperationDoc(operation));
        return { operation, created: true };
      } catch (err) {
        // Two requests with one key may race; the index lets one in, the other reads it back.
        const existing = err instanceof DuplicateKeyError ? await findByKey(docs, operation) : undefined;
        if (!existing) throw err;
        return { operation: existing, created: false };
      }
    },
    get,
    async list(filter = {}) {
      return (await docs.find(filterQuery(filter), { sort: { createdAt: -1, _id: 1 } })).map(fromOperationDoc);
    },
    async listUnfinished() {
      const unfinished = await docs.find({ status: { $in: ['PENDING', 'RUNNING'] } }, { sort: { createdAt: 1, _id: 1 } });
      return unfinished.map(fromOperationDoc);
    },
    async update(id, fields) {
      return found(id, await apply(docs, { _id: id }, setOf(fields)));
    },
    async updateTarget(id, index, fields) {
      if (!Number.isInteger(index) || index < 0) throw new RangeError(`target index must be a whole number ≥ 0, got ${index}`);
      const set = setOf(fields, `targets.${index}.`);
      // The $exists guard keeps an out-of-range index from growing the array.
      const updated = await apply(docs, { _id: id, [`targets.${index}`]: { $exists: true } }, set);
      if (updated) return fromOperationDoc(updated);
      throw new RecordNotFoundError((await get(id)) ? `operation ${id} has no target ${index}` : `no operation ${id}`);
    },
  };
}

async function findByKey(docs: DocumentCollection<OperationDoc>, { requestedBy, idempotencyKey }: StoredOperation) {
  if (idempotencyKey === null) return undefined;
  const doc = await docs.findOne({ requestedBy, idempotencyKey });
  return doc && fromOperationDoc(doc);
}

// MongoDB refuses an empty $set; nothing to set is a read.
function apply(docs: DocumentCollection<OperationDoc>, query: Query, set: Record<string, unknown>) {
  return Object.keys(set).length === 0 ? docs.findOne(query) : docs.update(query, set);
}

function found(id: string, doc: OperationDoc | undefined): StoredOperation {
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
