import { registerEnumType } from 'type-graphql';
import type { WorkloadKind as WorkloadKindValue } from '../src/model/records.js';

// A const object rather than a TS enum, as in cluster-status.enum.ts: the values are the
// records' own strings, and `satisfies` fails the build if the two drift apart.
export const WorkloadKind = {
  DEPLOYMENT: 'DEPLOYMENT',
  STATEFULSET: 'STATEFULSET',
  DAEMONSET: 'DAEMONSET',
} as const satisfies { [K in WorkloadKindValue]: K };
export type WorkloadKind = WorkloadKindValue;

registerEnumType(WorkloadKind, { name: 'WorkloadKind' });
