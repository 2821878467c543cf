// Kubernetes pods as the contract's pods.
import type { KubeObjects } from '../kube/index.js';
import { findCondition } from './condition.js';
import { toGlobalId } from './ids.js';
import type { PodRecord } from './records.js';
import { kubeTime } from './kube-time.js';

type KubePod = KubeObjects['Pod'];

export function toPodRecord(cluster: string, pod: KubePod): PodRecord {
  const namespace = pod.metadata?.namespace ?? '';
  const name = pod.metadata?.name ?? '';
  return {
    kind: 'Pod',
    id: toGlobalId('Pod', cluster, namespace, name),
    cluster,
    namespace,
    name,
    nodeName: pod.spec?.nodeName || null,
    // The API server always sets a phase; an object caught before it did is Pending.
    phase: pod.status?.phase ?? 'Pending',
    ready: findCondition(pod.status?.conditions, 'Ready')?.status === 'True',
    restarts: (pod.status?.containerStatuses ?? []).reduce((sum, c) => sum + (c.restartCount ?? 0), 0),
    images: (pod.spec?.containers ?? []).map((c) => c.image ?? '').filter((image) => image !== ''),
    labels: pod.metadata?.labels ?? {},
    ownerUid: pod.metadata?.ownerReferences?.find((ref) => ref.controller === true)?.uid ?? null,
    createdAt: kubeTime(pod.metadata?.creationTimestamp),
  };
}
