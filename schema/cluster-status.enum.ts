import { registerEnumType } from 'type-graphql';
import type { ClusterStatusKind } from '../src/fleet/index.js';

// A const object rather than a TS enum: its values are the engine's own strings,
// and `satisfies` fails the build if the two ever drift apart.
export const ClusterStatus = {
  OK: 'OK',
  DEGRADED: 'DEGRADED',
  FAILED: 'FAILED',
  UNREACHABLE: 'UNREACHABLE',
} as const satisfies { [K in ClusterStatusKind]: K };
export type ClusterStatus = ClusterStatusKind;

registerEnumType(ClusterStatus, {
  name: 'ClusterStatus',
  valuesConfig: {
    OK: { description: 'API reachable and every host ready' },
    DEGRADED: { description: 'API reachable, some hosts not ready' },
    FAILED: { description: 'API reachable, no host ready' },
    UNREACHABLE: { description: 'API not reachable' },
  },
});
