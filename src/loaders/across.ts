// The request's reads across clusters, through its FleetReader, as src/fleet's fanOut gives
// them: each cluster answers for itself, and one that fails is recorded in the request's
// ClusterErrors (the response's CLUSTER_UNAVAILABLE entries), never failing the request.
import type { ClusterErrors } from '../errors/index.js';
import { answered, fanOut, readCluster, type ClusterAnswer } from '../fleet/fan-out.js';
import type { KubeKind, KubeObjects } from '../kube/index.js';
import type { FleetReader } from './fleet-reader.js';

export type ClusterItems<T> = ClusterAnswer<readonly T[]>;

type ListContext = { reader: FleetReader; clusterErrors: ClusterErrors };

/** The clusters that answered, in the order given; the others' failures recorded. */
export async function listAcross<K extends KubeKind>(ctx: ListContext, clusters: readonly string[], kind: K, namespace?: string): Promise<ClusterItems<KubeObjects[K]>[]> {
  const results = await fanOut(clusters, (cluster) => ctx.reader.list(cluster, kind, namespace));
  return answered(results, (error) => ctx.clusterErrors.report(error));
}

/** One cluster's list, or nothing with its failure recorded: for fields that must not fail. */
export async function listOrEmpty<K extends KubeKind>(ctx: ListContext, cluster: string, kind: K, namespace?: string): Promise<readonly KubeObjects[K][]> {
  const [answer] = await listAcross(ctx, [cluster], kind, namespace);
  return answer?.items ?? [];
}

/** One object, or undefined when it is absent or its cluster failed (the failure recorded): for fields that must not fail. */
export async function getOrNone<K extends KubeKind>(ctx: ListContext, cluster: string, kind: K, name: string, namespace?: string): Promise<KubeObjects[K] | undefined> {
  const [answer] = answered([await readCluster(cluster, ctx.reader.get(cluster, kind, name, namespace))], (error) => ctx.clusterErrors.report(error));
  return answer?.items;
}
