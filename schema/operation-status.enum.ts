import { registerEnumType } from 'type-graphql';
import type { OperationStatus as OperationStatusValue } from '../src/operations/index.js';

// A const object rather than a TS enum, for the reason given in cluster-status.enum.ts.
export const OperationStatus = {
  PENDING: 'PENDING',
  RUNNING: 'RUNNING',
  SUCCEEDED: 'SUCCEEDED',
  FAILED: 'FAILED',
  CANCELLED: 'CANCELLED',
} as const satisfies { [K in OperationStatusValue]: K };
export type OperationStatus = OperationStatusValue;

registerEnumType(OperationStatus, { name: 'OperationStatus' });
