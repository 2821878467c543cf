// The changes operations make to Kubernetes objects, and how to tell one already landed.
// Pure: the runner sends these bodies and reads back objects to check them.
import type { KubeObjects } from '../kube/index.js';
import { deploymentRevision } from '../model/revision-annotation.js';
import type { ContainerChange } from './model.js';
import type { WorkloadObject } from './rollout-status.js';

/** What `kubectl rollout restart` sets on the pod template; a new value rolls every pod. */
export const RESTARTED_AT_ANNOTATION = 'kubectl.kubernetes.io/restartedAt';
/** The label the deployment controller adds to each ReplicaSet's template; not part of the Deployment's. */
export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';
/** Static pods the kubelet mirrors into the API: eviction cannot remove them. */
const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';

/** One strategic merge patch per workload: containers are merged by name, only the images change. */
export function imagePatch(changes: readonly ContainerChange[]): object {
  return { spec: { template: { spec: { containers: changes.map((c) => ({ name: c.container, image: c.to })) } } } };
}

/** The patch `kubectl rollout restart` sends. */
export function restartPatch(restartedAt: string): object {
  return { spec: { template: { metadata: { annotations: { [RESTARTED_AT_ANNOTATION]: restartedAt } } } } };
}

/** Every changed container already runs its new image (a rollout whose patch landed). */
export function imagesLanded(obj: WorkloadObject, changes: readonly ContainerChange[]): boolean {
  const containers = obj.spec?.template?.spec?.containers ?? [];
  return changes.every((c) => containers.find((k) => k.name === c.container)?.image === c.to);
}

/** The template carries this restart's value (a restart whose patch landed). */
export function restartLanded(obj: WorkloadObject, restartedAt: string): boolean {
  return obj.spec?.template?.metadata?.annotations?.[RESTARTED_AT_ANNOTATION] === restartedAt;
}

/** The Deployment's ReplicaSet at `revision`, among a namespace's ReplicaSets. */
export function replicaSetAtRevision(deployment: KubeObjects['Deployment'], replicaSets: readonly KubeObjects['ReplicaSet'][], revision: number): KubeObjects['ReplicaSet'] | undefined {
  const uid = deployment.metadata?.uid;
  return replicaSets.find((rs) => rs.metadata?.ownerReferences?.some((o) => o.controller && o.uid === uid) && deploymentRevision(rs) === revision);
}

/** The revision before the current one: the highest below it, as `kubectl rollout undo` picks. */
export function previousRevision(deployment: KubeObjects['Deployment'], replicaSets: readonly KubeObjects['ReplicaSet'][]): number | null {
  const current = deploymentRevision(deployment);
  const uid = deployment.metadata?.uid;
  const revisions = replicaSets
    .filter((rs) => rs.metadata?.ownerReferences?.some((o) => o.controller && o.uid === uid))
    .map(deploymentRevision)
    .filter((r): r is number => r !== null && (current === null || r < current));
  return revisions.length > 0 ? Math.max(...revisions) : null;
}

/** A ReplicaSet's pod template as a Deployment's: the controller's pod-template-hash label removed. */
export function templateForRollback(rs: KubeObjects['ReplicaSet']): NonNullable<KubeObjects['Deployment']['spec']>['template'] {
  const template = structuredClone(rs.spec?.template ?? {});
  const labels = { ...template.metadata?.labels };
  delete labels[POD_TEMPLATE_HASH_LABEL];
  template.metadata = { ...template.metadata, labels };
  return template;
}

/** Templates equal but for the hash label: the Deployment already runs the ReplicaSet's template. */
export function runsTemplateOf(deployment: KubeObjects['Deployment'], rs: KubeObjects['ReplicaSet']): boolean {
  return canonical(deployment.spec?.template) === canonical(templateForRollback(rs));
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

/** Pods a drain evicts, as `kubectl drain --ignore-daemonsets` does: not DaemonSet pods, not mirror pods, not finished ones. */
export function evictablePods(pods: readonly KubeObjects['Pod'][]): KubeObjects['Pod'][] {
  return pods.filter((pod) => {
    if (pod.metadata?.annotations?.[MIRROR_POD_ANNOTATION] !== undefined) return false;
    if (pod.metadata?.ownerReferences?.some((o) => o.controller && o.kind === 'DaemonSet')) return false;
    const phase = pod.status?.phase;
    return phase !== 'Succeeded' && phase !== 'Failed';
  });
}
