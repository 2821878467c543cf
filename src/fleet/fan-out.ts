// The one shape of "this cluster failed": a read across clusters answers one result per
// cluster, its items or its error, never a rejection for one cluster's sake. Callers choose
// what a failure means: partial results beside the failed clusters' errors (reads), or
// all-or-nothing where a check is only sound over every cluster (environments' host names).
import { ClusterUnavailableError } from '../errors/index.js';
import { KubeCallError } from '../kube/index.js';

export type ClusterResult<T> = { cluster: string; items: T } | { cluster: string; error: KubeCallError };
export type ClusterAnswer<T> = Extract<ClusterResult<T>, { items: T }>;

type Named = string | { readonly name: string };

/**
 * Reads every cluster at once; results in the order given. A cluster's failure (a
 * KubeCallError) is that cluster's `error`; anything else is a fault of ours and rejects.
 */
export async function fanOut<C extends Named, T>(clusters: readonly C[], read: (cluster: C) => Promise<T>): Promise<ClusterResult<T>[]> {
  const settled = await Promise.allSettled(clusters.map((cluster) => read(cluster)));
  return settled.map((result, i) => {
    const given = clusters[i]!;
    const cluster = typeof given === 'string' ? given : given.name;
    if (result.status === 'fulfilled') return { cluster, items: result.value };
    if (result.reason instanceof KubeCallError) return { cluster, error: result.reason };
    throw result.reason;
  });
}

/** One cluster's read as a ClusterResult: fanOut over that cluster alone. */
export async function readCluster<T>(cluster: string, read: Promise<T>): Promise<ClusterResult<T>> {
  const [result] = await fanOut([cluster], () => read);
  return result!;
}

/** Partial results: the clusters that answered, each failure handed to `report` (e.g. the request's ClusterErrors). */
export function answered<T>(results: readonly ClusterResult<T>[], report: (error: KubeCallError) => void): ClusterAnswer<T>[] {
  return results.flatMap((result) => {
    if ('items' in result) return [result];
    report(result.error);
    return [];
  });
}

/** The failures, in the order given. */
export function failures<T>(results: readonly ClusterResult<T>[]): KubeCallError[] {
  return results.flatMap((result) => ('error' in result ? [result.error] : []));
}

/**
 * All or nothing: every cluster's answer.
 * @throws ClusterUnavailableError for the first cluster that failed.
 */
export function everyAnswer<T>(results: readonly ClusterResult<T>[]): ClusterAnswer<T>[] {
  const [first] = failures(results);
  if (first) throw ClusterUnavailableError.from(first);
  return results.flatMap((result) => ('items' in result ? [result] : []));
}
