// `summary` for one request: each cluster's workloads, nodes and pods through the request's
// reader (already cut to the caller's scope, src/views), counted in one pass per list. A
// cluster that fails any of its lists counts for nothing and is reported in the request's
// ClusterErrors (CLUSTER_UNAVAILABLE beside the others' counts), as every read across clusters is.
import { resolveClusterNames } from '../fleet/cluster-names.js';
import { answered, fanOut } from '../fleet/fan-out.js';
import { daemonSetStatus, deploymentStatus, statefulSetStatus } from '../model/workload-status.js';
import type { RequestScope } from '../request/request-scope.js';
import type { FleetSummaryRecord, SummaryTarget } from './summary.js';
import { createTally } from './tally.js';

type SummaryScope = Pick<RequestScope, 'registry' | 'reader' | 'clusterErrors'>;

/** GraphQL hands absent criteria over as null: absent counts everything, a list only what it names. */
export interface SummaryFilter {
  clusters?: readonly string[] | null;
  namespaces?: readonly string[] | null;
}

/**
 * What a filter counts over, resolved against the clusters the caller sees.
 * @throws BadUserInputError `filter.clusters: no cluster named x` for an unknown or out-of-scope cluster.
 */
export function summaryTarget(registry: SummaryScope['registry'], filter: SummaryFilter | null | undefined): SummaryTarget {
  const clusters = resolveClusterNames({ known: registry.list().map((c) => c.name), names: filter?.clusters, field: 'filter.clusters' });
  return { clusters, namespaces: filter?.namespaces ?? null };
}

/** The counts over `target`; a cluster no longer registered is left out, a failing one reported. */
export async function countFleet(scope: SummaryScope, { clusters, namespaces }: SummaryTarget): Promise<FleetSummaryRecord> {
  const present = clusters.filter((cluster) => scope.registry.get(cluster));
  const results = await fanOut(present, (cluster) => readCluster(scope, cluster));
  const tally = createTally({ namespaces });
  for (const { cluster, items } of answered(results, (error) => scope.clusterErrors.report(error))) {
    const [deployments, statefulSets, daemonSets, nodes, pods] = items;
    tally.cluster(cluster);
    tally.workloads(cluster, 'DEPLOYMENT', deployments, deploymentStatus);
    tally.workloads(cluster, 'STATEFULSET', statefulSets, statefulSetStatus);
    tally.workloads(cluster, 'DAEMONSET', daemonSets, daemonSetStatus);
    tally.hosts(cluster, nodes);
    tally.pods(pods);
  }
  return tally.summary();
}

/** Every list a cluster's counts need; any failing fails the cluster (fanOut makes it that cluster's error). */
function readCluster({ reader }: SummaryScope, cluster: string) {
  return Promise.all([
    reader.list(cluster, 'Deployment'),
    reader.list(cluster, 'StatefulSet'),
    reader.list(cluster, 'DaemonSet'),
    reader.list(cluster, 'Node'),
    reader.list(cluster, 'Pod'),
  ]);
}
