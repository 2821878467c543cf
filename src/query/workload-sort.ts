// The orders workloads can be listed in, as SortKeys for `paginate`.
import { BadUserInputError } from '../errors/index.js';
import type { WorkloadKind, WorkloadRecord, WorkloadStatus } from '../model/records.js';
import type { Direction, SortKey, SortValue } from './paginate.js';

export type WorkloadSortField = 'NAME' | 'NAMESPACE' | 'CLUSTER' | 'KIND' | 'STATUS' | 'CREATED_AT';

export interface WorkloadSort {
  field: WorkloadSortField;
  /** default ASC */
  direction?: Direction | null;
}

/** Where no sort is given, and after the fields a sort gives to break ties: cluster, namespace, kind, name. */
export const DEFAULT_WORKLOAD_ORDER: readonly WorkloadSortField[] = ['CLUSTER', 'NAMESPACE', 'KIND', 'NAME'];

// Enums sort in the contract's order of their values, as databases sort enum columns,
// not alphabetically: DEPLOYMENT, STATEFULSET, DAEMONSET; AVAILABLE ... SCALED_DOWN.
const KIND_ORDER: readonly WorkloadKind[] = ['DEPLOYMENT', 'STATEFULSET', 'DAEMONSET'];
const STATUS_ORDER: readonly WorkloadStatus[] = ['AVAILABLE', 'PROGRESSING', 'PAUSED', 'DEGRADED', 'FAILED', 'SCALED_DOWN'];

const VALUE_OF: Record<WorkloadSortField, (w: WorkloadRecord) => SortValue> = {
  NAME: (w) => w.name,
  NAMESPACE: (w) => w.namespace,
  CLUSTER: (w) => w.cluster,
  KIND: (w) => KIND_ORDER.indexOf(w.workloadKind),
  STATUS: (w) => STATUS_ORDER.indexOf(w.status),
  // Milliseconds; a workload without a creation time sorts last either way.
  CREATED_AT: (w) => w.createdAt?.getTime() ?? null,
};

/**
 * The order a `sort` argument asks for: its fields in turn, then the default order's fields
 * it did not name (ascending), then the global id, so no two workloads ever tie and a
 * cursor always points between two of them. The key's name spells the whole order, so a
 * cursor from one order is refused by another.
 * @throws BadUserInputError when a field is named twice.
 */
export function workloadSortKey(sort: readonly WorkloadSort[] | null | undefined): SortKey<WorkloadRecord> {
  const given = sort ?? [];
  const named = new Set<WorkloadSortField>();
  for (const { field } of given) {
    if (named.has(field)) throw new BadUserInputError(`sort: ${field} is given more than once`);
    named.add(field);
  }
  const order: { field: WorkloadSortField; direction: Direction }[] = [
    ...given.map(({ field, direction }) => ({ field, direction: direction ?? 'ASC' })),
    ...DEFAULT_WORKLOAD_ORDER.filter((field) => !named.has(field)).map((field) => ({ field, direction: 'ASC' as const })),
  ];
  return {
    name: `workloads:${order.map(({ field, direction }) => `${field}:${direction}`).join(',')},ID:ASC`,
    values: (w) => [...order.map(({ field }) => VALUE_OF[field](w)), w.id],
    directions: [...order.map(({ direction }) => direction), 'ASC'],
  };
}
