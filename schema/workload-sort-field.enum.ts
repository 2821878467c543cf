import { registerEnumType } from 'type-graphql';
import type { WorkloadSortField as WorkloadSortFieldValue } from '../src/query/workload-sort.js';

// The order each field sorts in (enums by their declared order, nulls last): src/query/workload-sort.ts.
export const WorkloadSortField = {
  NAME: 'NAME',
  NAMESPACE: 'NAMESPACE',
  CLUSTER: 'CLUSTER',
  KIND: 'KIND',
  STATUS: 'STATUS',
  CREATED_AT: 'CREATED_AT',
} as const satisfies { [K in WorkloadSortFieldValue]: K };
export type WorkloadSortField = WorkloadSortFieldValue;

registerEnumType(WorkloadSortField, { name: 'WorkloadSortField' });
