// Kubernetes pods as the contract's pods.
import type { KubeObjects } from '../kube/index.js';
import { findCondition } from './condition.js';
import { toGlobalId } from './ids.js';
import type { PodRecord } from './records.js';
import { kubeTime } from './kube-time.js';
import { perObject } from './per-object.js';

type KubePod = KubeObjects['Pod'];

/** The phases the API defines, in their lifecycle's order; a pod reports one of them. */
export const POD_PHASES = ['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown'] as const;

/** The pod's phase; the API server always sets one, so an object caught before it did is Pending. */
export function podPhase(pod: KubePod): string {
  return pod.status?.phase ?? 'Pending';
}

/** Whether the pod's Ready condition is True. */
export function podReady(pod: KubePod): boolean {
  return findCondition(pod.status?.conditions, 'Ready')?.status === 'True';
}

function makeToPodRecord(cluster: string, pod: KubePod): PodRecord {
  const namespace = pod.metadata?.namespace ?? '';
  const name = pod.metadata?.name ?? '';
  return {
    kind: 'Pod',
    id: toGlobalId('Pod', cluster, namespace, name),
    cluster,
    namespace,
    name,
    nodeName: pod.spec?.nodeName || null,
    phase: podPhase(pod),
    ready: podReady(pod),
    restarts: (pod.status?.containerStatuses ?? []).reduce((sum, c) => sum + (c.restartCount ?? 0), 0),
    images: (pod.spec?.containers ?? []).map((c) => c.image ?? '').filter((image) => image !== ''),
    labels: pod.metadata?.labels ?? {},
    ownerUid: pod.metadata?.ownerReferences?.find((ref) => ref.controller === true)?.uid ?? null,
    createdAt: kubeTime(pod.metadata?.creationTimestamp),
  };
}

/** ToPodRecord as made once per object (per-object.ts). */
export const toPodRecord = perObject(makeToPodRecord);
