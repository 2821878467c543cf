// A fan-out over clusters: each cluster answers for itself, and one that fails becomes
// that cluster's error in the response, never the whole request's.
import type { ClusterErrors } from '../errors/index.js';
import type { KubeKind, KubeObjects } from '../kube/index.js';
import type { FleetReader } from './fleet-reader.js';

export interface ClusterItems<T> {
  cluster: string;
  items: readonly T[];
}

export async function listAcross<K extends KubeKind>(
  ctx: { reader: FleetReader; clusterErrors: ClusterErrors },
  clusters: readonly string[],
  kind: K,
  namespace?: string,
): Promise<ClusterItems<KubeObjects[K]>[]> {
  const settled = await Promise.allSettled(clusters.map((cluster) => ctx.reader.list(cluster, kind, namespace)));
  const answered: ClusterItems<KubeObjects[K]>[] = [];
  settled.forEach((result, i) => {
    if (result.status === 'fulfilled') answered.push({ cluster: clusters[i]!, items: result.value });
    else ctx.clusterErrors.report(result.reason);
  });
  return answered;
}

/** One cluster's list, or nothing with its failure recorded: for fields that must not fail. */
export async function listOrEmpty<K extends KubeKind>(
  ctx: { reader: FleetReader; clusterErrors: ClusterErrors },
  cluster: string,
  kind: K,
  namespace?: string,
): Promise<readonly KubeObjects[K][]> {
  try {
    return await ctx.reader.list(cluster, kind, namespace);
  } catch (err) {
    ctx.clusterErrors.report(err);
    return [];
  }
}
