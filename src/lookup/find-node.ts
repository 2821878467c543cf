// `node(id:)`: any object by its global id, read through the request's FleetReader like
// every other field. Never an error for a bad id: an id that is not ours, names a cluster
// the gateway does not know, or an object that has since gone, is null. So is an object in
// a cluster that cannot be reached, whose failure is recorded for the response's errors.
import type { RegisteredCluster } from '../fleet/index.js';
import type { KubeKind, KubeObjects } from '../kube/index.js';
import { getOrNone } from '../loaders/index.js';
import { parseEnvironmentName } from '../model/environment.js';
import { fromGlobalId } from '../model/ids.js';
import { toHostRecord } from '../model/host.js';
import { toNamespaceRecord } from '../model/namespace.js';
import { toPodRecord } from '../model/pod.js';
import { isWorkloadKind } from '../model/workload.js';
import type { EnvironmentRecord, HostRecord, NamespaceRecord, PodRecord, WorkloadRecord } from '../model/records.js';
import type { OperationReader, OperationRecord } from '../operations/index.js';
import type { RequestScope } from '../request/request-scope.js';
import { readEnvironments } from '../query/environments.js';
import { findWorkload } from '../query/workloads.js';
import { assertNever } from '../lang/assert-never.js';

export type NodeRoot = RegisteredCluster | HostRecord | PodRecord | NamespaceRecord | WorkloadRecord | EnvironmentRecord | OperationRecord;

/** The request's view of the fleet, and where operations are read (the principal's view of them). */
type NodeContext = Pick<RequestScope, 'registry' | 'reader' | 'clusterErrors'> & { readonly operations: OperationReader };

export async function findNode(ctx: NodeContext, id: string): Promise<NodeRoot | null> {
  const decoded = fromGlobalId(id);
  if (!decoded) return null;
  const { type, parts } = decoded;
  switch (type) {
    case 'Cluster':
      return parts.length === 1 ? (ctx.registry.get(parts[0]!) ?? null) : null;
    case 'Host':
      return withParts(parts, 2, ([cluster, name]) => read(ctx, cluster, 'Node', name, undefined, (node) => toHostRecord(cluster, node)));
    case 'Namespace':
      return withParts(parts, 2, ([cluster, name]) => read(ctx, cluster, 'Namespace', name, undefined, (ns) => toNamespaceRecord(cluster, ns)));
    case 'Pod':
      return withParts(parts, 3, ([cluster, ns, name]) => read(ctx, cluster, 'Pod', name, ns, (pod) => toPodRecord(cluster, pod)));
    case 'Workload':
      return withParts(parts, 4, ([cluster, namespace, kind, name]) => findWorkloadOfKind(ctx, cluster, namespace, kind, name));
    case 'Environment':
      return withParts(parts, 1, ([name]) => findEnvironment(ctx, name));
    case 'Operation':
      return (await ctx.operations.get(id)) ?? null;
    default:
      return assertNever(type);
  }
}

function withParts<T>(parts: readonly string[], count: number, find: (parts: string[]) => Promise<T | null>): Promise<T | null> {
  return parts.length === count ? find([...parts]) : Promise.resolve(null);
}

function findWorkloadOfKind(ctx: NodeContext, cluster: string, namespace: string, kind: string, name: string): Promise<WorkloadRecord | null> {
  return isWorkloadKind(kind) ? findWorkload(ctx, { cluster, namespace, kind, name }) : Promise.resolve(null);
}

/** A name that cannot be an environment's is not looked for: no cluster is read for it. */
async function findEnvironment(ctx: NodeContext, name: string): Promise<EnvironmentRecord | null> {
  if (!parseEnvironmentName(name)) return null;
  return (await readEnvironments(ctx)).byName(name) ?? null;
}

/** One object of a known cluster, mapped; null when absent, unknown or unreachable. */
async function read<K extends KubeKind, R>(
  ctx: NodeContext,
  cluster: string,
  kind: K,
  name: string,
  namespace: string | undefined,
  map: (obj: KubeObjects[K]) => R,
): Promise<R | null> {
  if (!ctx.registry.get(cluster)) return null;
  const found = await getOrNone(ctx, cluster, kind, name, namespace);
  return found ? map(found) : null;
}
