// `_entities`: an object another subgraph names by one of its keys (subgraph-sdl.ts), found the
// way `node(id:)` finds it. Every key is turned into the object's global id, so a reference
// reads through the request's FleetReader like any field: a batch of references to one
// cluster and kind costs one list, not one call each.
import { type NodeType, NODE_TYPES, fromGlobalId, toGlobalId } from '../model/ids.js';
import { assertNever } from '../lang/assert-never.js';
import { findNode, type NodeRoot } from '../lookup/find-node.js';

/** What a router sends for one object: its type and the fields of one of its keys. */
export type Representation = Readonly<Record<string, unknown>> & { readonly __typename: string };

type ReferenceContext = Parameters<typeof findNode>[0];

/**
 * The global id a representation names, or undefined when it carries no complete key of its
 * type (such a reference resolves to null, as `node(id:)` does for an id that is not ours).
 */
export function referenceId(reference: Representation): string | undefined {
  const type = NODE_TYPES.find((t) => t === reference.__typename);
  if (!type) return undefined;
  if (typeof reference.id === 'string') return fromGlobalId(reference.id)?.type === type ? reference.id : undefined;
  const parts = keyParts(type, reference);
  return parts && parts.every((p) => typeof p === 'string' && p !== '') ? toGlobalId(type, ...(parts as string[])) : undefined;
}

/** The parts of the global id, from the type's other key (subgraph-sdl.ts EXTRA_KEYS). */
function keyParts(type: NodeType, reference: Representation): unknown[] | undefined {
  const cluster = clusterName(reference.cluster);
  switch (type) {
    case 'Cluster':
    case 'Environment':
      return [reference.name];
    case 'Host':
      return [cluster, reference.name];
    case 'Workload':
      return [cluster, reference.namespace, reference.kind, reference.name];
    case 'Namespace':
    case 'Pod':
    case 'Operation':
      return undefined;
    default:
      return assertNever(type, 'node type');
  }
}

function clusterName(value: unknown): unknown {
  return typeof value === 'object' && value !== null && 'name' in value ? value.name : undefined;
}

/**
 * The object a reference names, or null when it is not there, not visible to the caller, or
 * in a cluster that cannot be reached (recorded for the response's errors, as `node` does).
 * referenceId made sure the id is of the type the reference claims, so the root is of it too.
 */
export async function resolveReference(ctx: ReferenceContext, reference: Representation): Promise<NodeRoot | null> {
  const id = referenceId(reference);
  return id ? findNode(ctx, id) : null;
}
