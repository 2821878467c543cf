// Reads the planners share: clusters named by a request, and fleet reads whose cluster
// failure fails the request (a plan missing a cluster would look complete and be wrong).
import { ClusterUnavailableError, NotFoundError } from '../errors/index.js';
import type { ClusterRegistry } from '../fleet/index.js';
import { KubeCallError } from '../kube/index.js';

/**
 * The clusters asked for, in the order given (duplicates dropped), or every registered one
 * in the registry's order when none are named.
 * @throws NotFoundError naming every unknown cluster
 */
export function clusterOrder(registry: ClusterRegistry, names: readonly string[] | null | undefined): string[] {
  if (!names) return registry.list().map((c) => c.name);
  const unknown = names.filter((name) => !registry.get(name));
  if (unknown.length > 0) throw new NotFoundError(`no cluster named ${[...new Set(unknown)].join(', ')}`);
  return [...new Set(names)];
}

/** A cluster's failure as the client's CLUSTER_UNAVAILABLE; anything else unchanged. */
export async function orUnavailable<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (err) {
    throw err instanceof KubeCallError ? ClusterUnavailableError.from(err) : err;
  }
}
