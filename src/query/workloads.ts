// Workloads across the fleet for one request: listed through the request's FleetReader,
// one list per (cluster, kind, namespace scope), and only the clusters, kinds and
// namespaces the filter allows. A cluster that cannot be read is recorded in
// ctx.clusterErrors and contributes nothing; the others still answer.
import { resolveClusterNames } from '../fleet/cluster-names.js';
import type { KubeObjects } from '../kube/index.js';
import { getOrNone, listOrEmpty } from '../loaders/index.js';
import { toNamespaceRecord } from '../model/namespace.js';
import type { WorkloadKind, WorkloadRecord } from '../model/records.js';
import { daemonSetRecord, deploymentRecord, statefulSetRecord, WORKLOAD_KINDS } from '../model/workload.js';
import type { RequestScope } from '../request/request-scope.js';
import { paginate, sortBy, type Page, type PageArgs } from './paginate.js';
import { namespaceEnvironments, workloadMatcher, type NamespaceEnvironments, type WorkloadFilter } from './workload-filter.js';
import { workloadSortKey, type WorkloadSort } from './workload-sort.js';
import { assertNever } from '../lang/assert-never.js';

type ListContext = Pick<RequestScope, 'registry' | 'reader' | 'clusterErrors'>;
type ReadContext = Pick<RequestScope, 'registry' | 'reader' | 'clusterErrors'>;

export interface WorkloadsQuery extends PageArgs {
  /** where to look, in order; the filter's clusters (each one the caller sees) narrow it further */
  clusters: readonly string[];
  filter?: WorkloadFilter | null;
  sort?: readonly WorkloadSort[] | null;
}

export interface WorkloadRef {
  cluster: string;
  namespace: string;
  kind: WorkloadKind;
  name: string;
}

/**
 * One page of the workloads matching a filter, in the sort's order.
 * @throws BadUserInputError for a bad selector, sort, page size or an unknown cluster — before
 * any cluster is asked — or a cursor this order did not give out.
 */
export async function queryWorkloads(ctx: ListContext, { clusters, filter, sort, first, after }: WorkloadsQuery): Promise<Page<WorkloadRecord>> {
  // Filled while listing; read by the matcher only when the filter names environments.
  const environments = namespaceEnvironments();
  const matches = workloadMatcher(filter, environments);
  const key = workloadSortKey(sort);
  const asked = new Set(resolveClusterNames({ known: ctx.registry.list().map((c) => c.name), names: filter?.clusters, field: 'filter.clusters' }));
  const where = clusters.filter((cluster) => asked.has(cluster));
  const lists = await Promise.all(where.map((cluster) => clusterWorkloads(ctx, cluster, filter, environments)));
  return paginate(sortBy(lists.flat().filter(matches), key), key, { first, after });
}

/** One workload, or null when it, its cluster or its namespace is absent, or the cluster cannot be read. */
export async function findWorkload(ctx: ReadContext, { cluster, namespace, kind, name }: WorkloadRef): Promise<WorkloadRecord | null> {
  if (!ctx.registry.get(cluster)) return null;
  switch (kind) {
    case 'DEPLOYMENT':
      return mapped(await getOrNone(ctx, cluster, 'Deployment', name, namespace), (d) => deploymentRecord(cluster, d));
    case 'STATEFULSET':
      return mapped(await getOrNone(ctx, cluster, 'StatefulSet', name, namespace), (s) => statefulSetRecord(cluster, s));
    case 'DAEMONSET':
      return mapped(await getOrNone(ctx, cluster, 'DaemonSet', name, namespace), (d) => daemonSetRecord(cluster, d));
    default:
      return assertNever(kind);
  }
}

/**
 * A cluster's workloads of the kinds the filter allows, from the namespaces it allows: those
 * it names, narrowed — when it names environments — to the namespaces backing one of them,
 * found from the cluster's namespace list (whose environments are recorded for the matcher).
 */
async function clusterWorkloads(ctx: ListContext, cluster: string, filter: WorkloadFilter | null | undefined, environments: NamespaceEnvironments): Promise<WorkloadRecord[]> {
  const named = filter?.namespaces ? unique(filter.namespaces) : undefined;
  let scopes: readonly (string | undefined)[] = named ?? [undefined];
  const wanted = filter?.environments;
  if (wanted) {
    const backing: string[] = [];
    const namespaces = (await listOrEmpty(ctx, cluster, 'Namespace')).map((ns) => toNamespaceRecord(cluster, ns));
    environments.record(namespaces);
    for (const { name, environment } of namespaces) {
      if (environment !== null && wanted.includes(environment) && (!named || named.includes(name))) backing.push(name);
    }
    scopes = backing;
  }
  const kinds = filter?.kinds ? unique(filter.kinds) : WORKLOAD_KINDS;
  const lists = await Promise.all(kinds.flatMap((kind) => scopes.map((namespace) => listKind(ctx, cluster, kind, namespace))));
  return lists.flat();
}

/** listOrEmpty never rejects for a cluster's failure, so one kind failing cannot sink the others. */
async function listKind(ctx: ListContext, cluster: string, kind: WorkloadKind, namespace: string | undefined): Promise<WorkloadRecord[]> {
  switch (kind) {
    case 'DEPLOYMENT':
      return (await listOrEmpty(ctx, cluster, 'Deployment', namespace)).map((d) => deploymentRecord(cluster, d));
    case 'STATEFULSET':
      return (await listOrEmpty(ctx, cluster, 'StatefulSet', namespace)).map((s) => statefulSetRecord(cluster, s));
    case 'DAEMONSET':
      return (await listOrEmpty(ctx, cluster, 'DaemonSet', namespace)).map((d) => daemonSetRecord(cluster, d));
    default:
      return assertNever(kind);
  }
}

function mapped<T extends KubeObjects['Deployment' | 'StatefulSet' | 'DaemonSet']>(found: T | undefined, map: (obj: T) => WorkloadRecord): WorkloadRecord | null {
  return found ? map(found) : null;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
