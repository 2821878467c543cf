// The read side of operations, behind an interface so resolvers do not know where they are
// kept: the store (store-reader.ts) in the gateway, or memory where a test needs no store.
import type { OperationFilter } from './model.js';
import type { OperationRecord } from './records.js';

export interface OperationReader {
  /** every operation passing the filter, in no particular order (callers sort and page) */
  list(filter?: OperationFilter): Promise<OperationRecord[]>;
  /** one operation by its global id, or undefined when there is none */
  get(id: string): Promise<OperationRecord | undefined>;
}

/** Whether an operation passes every criterion given; an absent criterion passes all. */
export function matchesOperationFilter(op: OperationRecord, { kinds, status, clusters }: OperationFilter): boolean {
  return (
    (!kinds || kinds.includes(op.operationKind)) &&
    (!status || status.includes(op.status)) &&
    (!clusters || op.targets.some((t) => clusters.includes(t.cluster)))
  );
}

export interface MemoryOperationReaderOptions {
  /** what it holds; default none. Kept as given: the reader never changes them. */
  operations?: readonly OperationRecord[];
}

/** Operations held in this process; lives as long as the gateway, not one request. */
export function createMemoryOperationReader({ operations = [] }: MemoryOperationReaderOptions = {}): OperationReader {
  const byId = new Map(operations.map((op) => [op.id, op]));
  return {
    async list(filter = {}) {
      return [...byId.values()].filter((op) => matchesOperationFilter(op, filter));
    },
    async get(id) {
      return byId.get(id);
    },
  };
}
