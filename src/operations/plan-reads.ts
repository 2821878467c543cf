// Reads the planners share: clusters named by a request, and fleet reads where a cluster's
// failure becomes that cluster's FAILED target (a plan silently missing a cluster would look
// complete and be wrong; failing the whole request would hold up the others).
import { ClusterUnavailableError } from '../errors/index.js';
import { resolveClusters } from '../fleet/cluster-names.js';
import { failures, type ClusterResult } from '../fleet/fan-out.js';
import type { ClusterRegistry } from '../fleet/index.js';
import { KubeCallError } from '../kube/index.js';
import type { OperationTarget } from './model.js';
import { plannedTarget } from './planned-targets.js';

/**
 * The clusters asked for, in the order given (duplicates dropped), or every registered one
 * in the registry's order when none are named.
 * @throws BadUserInputError naming every unknown cluster
 */
export function clusterOrder(registry: ClusterRegistry, names: readonly string[] | null | undefined, field: string): string[] {
  return resolveClusters({ known: registry.list(), names, field, order: 'given' }).map((c) => c.name);
}

/** A cluster's failure as the client's CLUSTER_UNAVAILABLE; anything else unchanged. */
export async function orUnavailable<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (err) {
    throw err instanceof KubeCallError ? ClusterUnavailableError.from(err) : err;
  }
}

/** A cluster that could not be read, as a target: it fails with the reason when its turn comes. */
export function unreadClusterTarget(cluster: string, reason: string): OperationTarget {
  return plannedTarget({ cluster, kind: 'Cluster', namespace: null, name: cluster }, { message: `cluster ${cluster} could not be read: ${reason}` });
}

/** The FAILED targets of the clusters that could not be read, one each, in the order given. */
export function unreadClusterTargets<T>(results: readonly ClusterResult<T>[]): OperationTarget[] {
  const failed = new Map(failures(results).map((error) => [error.cluster, unreadClusterTarget(error.cluster, error.message)]));
  return [...failed.values()];
}
