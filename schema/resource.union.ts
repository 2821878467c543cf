import { createUnionType } from 'type-graphql';
import { Host } from './host.type.js';
import { Namespace } from './namespace.type.js';
import { Pod } from './pod.type.js';
import { Workload } from './workload.type.js';

const RESOURCE_TYPES = ['Workload', 'Pod', 'Host', 'Namespace'] as const;

/**
 * The type of a Resource. Roots are records (src/events ResourceRecord), not instances of the
 * classes, and each names its type in `kind`: 'Workload', 'Pod', 'Host' or 'Namespace'.
 */
export function resourceTypeOf(value: unknown): (typeof RESOURCE_TYPES)[number] | undefined {
  if (typeof value !== 'object' || value === null || !('kind' in value)) return undefined;
  return RESOURCE_TYPES.find((type) => type === value.kind);
}

export const Resource = createUnionType({
  name: 'Resource',
  types: () => [Workload, Pod, Host, Namespace] as const,
  resolveType: resourceTypeOf,
});
