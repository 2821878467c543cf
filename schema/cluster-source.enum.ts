import { registerEnumType } from 'type-graphql';
import type { ClusterSourceKind } from '../src/fleet/index.js';

// A const object rather than a TS enum, for the reason given in cluster-status.enum.ts.
export const ClusterSource = {
  KUBECONFIG: 'KUBECONFIG',
  STORE: 'STORE',
  EMBEDDED: 'EMBEDDED',
} as const satisfies { [K in ClusterSourceKind]: K };
export type ClusterSource = ClusterSourceKind;

registerEnumType(ClusterSource, {
  name: 'ClusterSource',
  valuesConfig: {
    KUBECONFIG: { description: 'read from a kubeconfig context; read-only through the API' },
    STORE: { description: 'registered through the API and kept in the store' },
    EMBEDDED: { description: 'a simulated cluster of the embedded default fleet' },
  },
});
