import { registerEnumType } from 'type-graphql';
import type { TargetStatus as TargetStatusValue } from '../src/operations/index.js';

// The contract's TargetStatus: one target's progress within an operation.
// A const object rather than a TS enum, for the reason given in cluster-status.enum.ts.
export const TargetStatus = {
  PENDING: 'PENDING',
  RUNNING: 'RUNNING',
  SUCCEEDED: 'SUCCEEDED',
  FAILED: 'FAILED',
  SKIPPED: 'SKIPPED',
  CANCELLED: 'CANCELLED',
} as const satisfies { [K in TargetStatusValue]: K };
export type TargetStatus = TargetStatusValue;

registerEnumType(TargetStatus, { name: 'TargetStatus' });
