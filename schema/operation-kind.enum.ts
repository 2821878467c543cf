import { registerEnumType } from 'type-graphql';
import type { OperationKind as OperationKindValue } from '../src/operations/index.js';

// A const object rather than a TS enum, for the reason given in cluster-status.enum.ts.
export const OperationKind = {
  ROLLOUT: 'ROLLOUT',
  RESTART: 'RESTART',
  HOST_RESTART: 'HOST_RESTART',
  ROLLBACK: 'ROLLBACK',
} as const satisfies { [K in OperationKindValue]: K };
export type OperationKind = OperationKindValue;

registerEnumType(OperationKind, { name: 'OperationKind' });
