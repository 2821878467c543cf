import { registerEnumType } from 'type-graphql';
import type { HostStatus as HostStatusKind } from '../src/model/records.js';

// A const object rather than a TS enum, as in cluster-status.enum.ts: the values are the
// records' own strings, and `satisfies` fails the build if the two drift apart.
export const HostStatus = {
  ACTIVE: 'ACTIVE',
  CORDONED: 'CORDONED',
  RESTARTING: 'RESTARTING',
  NOT_READY: 'NOT_READY',
  UNKNOWN: 'UNKNOWN',
} as const satisfies { [K in HostStatusKind]: K };
export type HostStatus = HostStatusKind;

registerEnumType(HostStatus, {
  name: 'HostStatus',
  valuesConfig: {
    ACTIVE: { description: 'Ready and schedulable' },
    CORDONED: { description: 'Ready but cordoned' },
    RESTARTING: { description: 'drained and being restarted by an operation' },
    NOT_READY: { description: 'the kubelet reports NotReady' },
    UNKNOWN: { description: 'the node stopped reporting (Ready condition Unknown)' },
  },
});
