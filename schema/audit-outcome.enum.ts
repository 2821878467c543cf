import { registerEnumType } from 'type-graphql';
import type { AuditOutcome as AuditOutcomeValue } from '../src/store/index.js';

// A const object rather than a TS enum, for the reason given in cluster-status.enum.ts.
export const AuditOutcome = {
  PENDING: 'PENDING',
  SUCCEEDED: 'SUCCEEDED',
  FAILED: 'FAILED',
} as const satisfies { [K in AuditOutcomeValue]: K };
export type AuditOutcome = AuditOutcomeValue;

registerEnumType(AuditOutcome, {
  name: 'AuditOutcome',
  valuesConfig: {
    PENDING: { description: 'attempted; no outcome recorded yet: still running, or the gateway stopped (or could not write) before it could' },
  },
});
