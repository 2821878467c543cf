import { registerEnumType } from 'type-graphql';
import type { ResourceKind as ResourceKindValue } from '../src/events/index.js';

// A const object rather than a TS enum, as in workload-kind.enum.ts: `satisfies` fails the
// build if the schema's values and the engine's drift apart.
export const ResourceKind = {
  DEPLOYMENT: 'DEPLOYMENT',
  STATEFULSET: 'STATEFULSET',
  DAEMONSET: 'DAEMONSET',
  POD: 'POD',
  HOST: 'HOST',
  NAMESPACE: 'NAMESPACE',
} as const satisfies { [K in ResourceKindValue]: K };
export type ResourceKind = ResourceKindValue;

registerEnumType(ResourceKind, { name: 'ResourceKind' });
