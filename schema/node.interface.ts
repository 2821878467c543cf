import { Field, ID, InterfaceType } from 'type-graphql';
import { NODE_TYPES, type NodeType } from '../src/model/ids.js';

/**
 * The type of a Node root. Roots are plain objects, not instances of the classes, so the
 * type comes from the data: every record names its type in `kind` (HostRecord, PodRecord,
 * NamespaceRecord, WorkloadRecord, EnvironmentRecord, OperationRecord) and a
 * RegisteredCluster, the one root without `kind`, is known by its `source`.
 */
export function nodeTypeOf(value: unknown): NodeType | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  if ('kind' in value) return NODE_TYPES.find((type) => type === value.kind);
  return 'source' in value ? 'Cluster' : undefined;
}

@InterfaceType({ resolveType: nodeTypeOf })
export abstract class Node {
  @Field(() => ID)
  id!: string;
}
