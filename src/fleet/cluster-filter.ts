import { parseUserSelector } from '../errors/index.js';
import type { ClusterHealth, ClusterStatusKind } from './health.js';
import type { RegisteredCluster } from './registry.js';

/** The contract's ClusterFilter; GraphQL hands absent lists over as null. */
export interface ClusterFilter {
  names?: readonly string[] | null;
  /** Kubernetes label-selector text over the cluster's labels. */
  labelSelector?: string | null;
  status?: readonly ClusterStatusKind[] | null;
}

/**
 * Clusters passing every given criterion, in the order given. Names and labels
 * are checked first so that only the clusters left are probed for their status.
 * @throws BadUserInputError for a labelSelector that does not parse.
 */
export async function filterClusters(
  clusters: readonly RegisteredCluster[],
  { names, labelSelector, status }: ClusterFilter,
  health: (cluster: RegisteredCluster) => Promise<ClusterHealth>,
): Promise<RegisteredCluster[]> {
  const selector = labelSelector ? parseUserSelector(labelSelector) : undefined;
  const candidates = clusters.filter(
    (cluster) => (!names || names.includes(cluster.name)) && (!selector || selector.matches(cluster.labels)),
  );
  if (!status) return candidates;
  // health never rejects (a failure is an UNREACHABLE status), so one cluster cannot sink the rest.
  const found = await Promise.all(candidates.map(async (cluster) => (await health(cluster)).status));
  return candidates.filter((_, i) => status.includes(found[i]));
}

