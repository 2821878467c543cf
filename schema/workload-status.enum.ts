import { registerEnumType } from 'type-graphql';
import type { WorkloadStatus as WorkloadStatusValue } from '../src/model/records.js';

// How each is derived from the workload's object: src/model/workload-status.ts.
export const WorkloadStatus = {
  AVAILABLE: 'AVAILABLE',
  PROGRESSING: 'PROGRESSING',
  PAUSED: 'PAUSED',
  DEGRADED: 'DEGRADED',
  FAILED: 'FAILED',
  SCALED_DOWN: 'SCALED_DOWN',
} as const satisfies { [K in WorkloadStatusValue]: K };
export type WorkloadStatus = WorkloadStatusValue;

registerEnumType(WorkloadStatus, {
  name: 'WorkloadStatus',
  valuesConfig: {
    AVAILABLE: { description: 'every desired replica updated and available' },
    PROGRESSING: { description: 'a rollout is under way' },
    PAUSED: { description: 'the rollout is paused' },
    DEGRADED: { description: 'fewer replicas available than desired and not progressing' },
    FAILED: { description: 'the rollout exceeded its progress deadline' },
    SCALED_DOWN: { description: 'zero replicas desired' },
  },
});
