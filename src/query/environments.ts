// The fleet's environments for one request, from each cluster's one namespace list of that
// request. A cluster that cannot be read is recorded in ctx.clusterErrors and counts as
// holding none: its environments are listed without it, never the whole answer lost.
import { getOrNone, listAcross } from '../loaders/index.js';
import { groupEnvironments } from '../model/environment.js';
import { toNamespaceRecord } from '../model/namespace.js';
import type { EnvironmentRecord, NamespaceRecord } from '../model/records.js';
import type { RequestScope } from '../request/request-scope.js';
import type { WorkloadFilter } from './workload-filter.js';

type ReadContext = Pick<RequestScope, 'registry' | 'reader' | 'clusterErrors'>;

/** The contract's EnvironmentFilter; absent or null criteria pass every environment. */
export interface EnvironmentFilter {
  /** environments present in at least one of these clusters */
  clusters?: readonly string[] | null;
  names?: readonly string[] | null;
}

export interface FleetEnvironments {
  /** every environment, sorted by name */
  readonly all: readonly EnvironmentRecord[];
  byName(name: string): EnvironmentRecord | undefined;
  /** the environment a namespace of a cluster backs, if any */
  backedBy(cluster: string, namespace: string): EnvironmentRecord | undefined;
}

/**
 * Every registered cluster is read, whatever is asked: an environment is the same object
 * (same clusters, host names, createdAt) however it was reached.
 */
export async function readEnvironments(ctx: ReadContext): Promise<FleetEnvironments> {
  const answered = await listAcross(ctx, ctx.registry.list().map((c) => c.name), 'Namespace');
  const namespaces: NamespaceRecord[] = answered.flatMap(({ cluster, items }) => items.map((ns) => toNamespaceRecord(cluster, ns)));
  const all = groupEnvironments(namespaces);
  const byName = new Map(all.map((env) => [env.name, env]));
  return {
    all,
    byName: (name) => byName.get(name),
    backedBy: (cluster, namespace) => all.find((env) => env.namespace === namespace && env.clusters.includes(cluster)),
  };
}

export function filterEnvironments(environments: readonly EnvironmentRecord[], filter: EnvironmentFilter | null | undefined): EnvironmentRecord[] {
  const { clusters, names } = filter ?? {};
  return environments.filter(
    (env) => (!names || names.includes(env.name)) && (!clusters || env.clusters.some((cluster) => clusters.includes(cluster))),
  );
}

/**
 * The environment a namespace of a cluster backs, or null. The fleet is read only when the
 * namespace names one; a namespace (or cluster) that cannot be read has none, its cluster's
 * failure recorded.
 */
export async function environmentOfNamespace(ctx: ReadContext, cluster: string, namespace: string): Promise<EnvironmentRecord | null> {
  const found = ctx.registry.get(cluster) ? await getOrNone(ctx, cluster, 'Namespace', namespace) : undefined;
  if (!found || toNamespaceRecord(cluster, found).environment === null) return null;
  return (await readEnvironments(ctx)).backedBy(cluster, namespace) ?? null;
}

/** A workload filter narrowed to an environment's namespace (a filter naming other namespaces finds none). */
export function environmentWorkloadsFilter(environment: EnvironmentRecord, filter: WorkloadFilter | null | undefined): WorkloadFilter {
  const namespaces = filter?.namespaces ? filter.namespaces.filter((ns) => ns === environment.namespace) : [environment.namespace];
  return { ...filter, namespaces };
}
