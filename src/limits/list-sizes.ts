// How many items the cost model expects each list field of the schema to hold. The numbers
// are estimates of a large but ordinary fleet, chosen so that nesting (hosts → pods → host →
// pods …) multiplies out quickly while the README's queries stay far below QUERY_MAX_COST.

/** Page size of a connection whose `first` is not given, and the most `first` may ask (as resolvers enforce). */
export const DEFAULT_PAGE = 100;
export const MAX_PAGE = 1000;

/** A list field not in the table below (a new one, say) counts this many items. */
export const DEFAULT_LIST_SIZE = 100;

/** Marks a list as holding one item per registered cluster. */
export const PER_CLUSTER = 'clusters';
/** Marks a list as one page of its connection: `first` of the field that returned the connection. */
export const PAGE = 'page';

type Size = number | typeof PER_CLUSTER | typeof PAGE;

/** `Type.field` → items expected. Lists of scalars (roles, hostNames…) cost nothing and are absent. */
export const LIST_SIZES: Readonly<Record<string, Size>> = {
  'Query.clusters': PER_CLUSTER,
  'Query.upgradeCandidates': PER_CLUSTER,
  'Query.environments': 50,
  'Environment.clusters': PER_CLUSTER,
  'Cluster.environments': 50,
  'Cluster.namespaces': 100,
  // Hosts of one cluster; a fleet of a few hundred per cluster is still within a 2-level query.
  'Cluster.hosts': 100,
  // The kubelet's default maxPods.
  'Host.pods': 110,
  'Workload.pods': 10,
  'Workload.containers': 3,
  'Operation.targets': 100,
  'ClusterUpgradePlan.upgrade': 100,
  'ClusterUpgradePlan.obsolete': 100,
  'ClusterUpgradePlan.equal': 100,
  'ClusterUpgradePlan.error': 100,
  'Cluster.labels': 10,
  'Host.labels': 10,
  'Namespace.labels': 10,
  'Workload.labels': 10,
  'Host.conditions': 5,
  // A summary's buckets: one per enum value, per cluster, or per namespace name.
  'WorkloadSummary.byStatus': 6,
  'WorkloadSummary.byKind': 3,
  'WorkloadSummary.byCluster': PER_CLUSTER,
  'WorkloadSummary.byNamespace': 100,
  'HostSummary.byStatus': 5,
  'HostSummary.byCluster': PER_CLUSTER,
  'PodSummary.byPhase': 5,
  'HostConnection.nodes': PAGE,
  'HostConnection.edges': PAGE,
  'WorkloadConnection.nodes': PAGE,
  'WorkloadConnection.edges': PAGE,
  'OperationConnection.nodes': PAGE,
  'OperationConnection.edges': PAGE,
};

export interface SizeContext {
  /** registered clusters now */
  clusters: number;
  /** `first` of the connection being read, for its nodes and edges */
  page: number;
}

export function listSize(coordinate: string, { clusters, page }: SizeContext): number {
  const size = LIST_SIZES[coordinate] ?? DEFAULT_LIST_SIZE;
  if (size === PER_CLUSTER) return Math.max(clusters, 1);
  if (size === PAGE) return page;
  return size;
}

/** A connection's page from its `first` argument: the default when absent, at most MAX_PAGE. */
export function pageOf(first: unknown): number {
  if (typeof first !== 'number' || !Number.isFinite(first)) return DEFAULT_PAGE;
  return Math.min(Math.max(Math.trunc(first), 0), MAX_PAGE);
}
