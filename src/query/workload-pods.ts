// The pods a workload owns, by controller ownerReference: a StatefulSet's or DaemonSet's
// pods name it; a Deployment's name one of its ReplicaSets, which name it. Read from the
// request's one pod list (and one ReplicaSet list) per (cluster, namespace scope), each
// indexed by owner once, so `workloads { pods }` over n workloads and m pods costs
// O(n + m) and a handful of lists, not a list or a scan per workload.
import type { KubeObjects } from '../kube/index.js';
import { listIndex, listOrEmpty } from '../loaders/index.js';
import { toPodRecord } from '../model/pod.js';
import type { PodRecord, WorkloadRecord } from '../model/records.js';
import type { RequestScope } from '../request/request-scope.js';

type ReadContext = Pick<RequestScope, 'reader' | 'clusterErrors'>;

interface Owned {
  metadata?: { uid?: string; ownerReferences?: { uid: string; controller?: boolean }[] };
}

/** The uid of the item's controlling owner. */
const controllerOf = (item: Owned) => item.metadata?.ownerReferences?.find((ref) => ref.controller === true)?.uid || undefined;

const podsOwnedBy = listIndex<KubeObjects['Pod']>(controllerOf);
const replicaSetsOwnedBy = listIndex<KubeObjects['ReplicaSet']>(controllerOf);

/**
 * The workload's pods, sorted by name. Pods and ReplicaSets are listed in the workload's
 * namespace; an unreachable cluster gives none, its failure recorded for the response.
 */
export async function workloadPods(ctx: ReadContext, workload: WorkloadRecord): Promise<PodRecord[]> {
  const { cluster, namespace, uid } = workload;
  if (!uid) return [];
  const deployment = workload.workloadKind === 'DEPLOYMENT';
  // Asked for together, so both lists join the same batch.
  const [pods, replicaSets] = await Promise.all([
    listOrEmpty(ctx, cluster, 'Pod', namespace),
    deployment ? listOrEmpty(ctx, cluster, 'ReplicaSet', namespace) : [],
  ]);
  const owners = deployment ? replicaSetsOwnedBy(replicaSets, uid).flatMap((rs) => rs.metadata?.uid ?? []) : [uid];
  return owners
    .flatMap((owner) => podsOwnedBy(pods, owner))
    .map((pod) => toPodRecord(cluster, pod))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
