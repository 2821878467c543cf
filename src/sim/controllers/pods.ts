// What the workload controllers ask of a pod (podutil: IsPodReady, IsPodAvailable,
// FilterActivePods) and the order in which a ReplicaSet gives pods up when scaling down.
import type { KubeObject } from '../objects.js';
import { conditionIsTrue, findCondition, parseTime } from './conditions.js';
import type { PodPhase, PodStatus } from './types.js';

export function podStatus(pod: KubeObject): PodStatus {
  return pod.status ?? {};
}

export function podPhase(pod: KubeObject): PodPhase {
  return podStatus(pod).phase ?? 'Pending';
}

/** not finished and not being deleted: the pods a controller counts */
export function isActive(pod: KubeObject): boolean {
  const phase = podPhase(pod);
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}

export function isReady(pod: KubeObject): boolean {
  return conditionIsTrue(podStatus(pod).conditions, 'Ready');
}

/** when the pod last became Ready, or undefined while it is not */
export function readySince(pod: KubeObject): number | undefined {
  const ready = findCondition(podStatus(pod).conditions, 'Ready');
  return ready?.status === 'True' ? parseTime(ready.lastTransitionTime) ?? 0 : undefined;
}

/**
 * podutil.IsPodAvailable: Ready, and (with minReadySeconds) Ready since strictly more than
 * that long ago. Times are whole seconds, as the API stores them.
 */
export function isAvailable(pod: KubeObject, minReadySeconds: number, now: number): boolean {
  const since = readySince(pod);
  if (since === undefined) return false;
  return minReadySeconds <= 0 || since + minReadySeconds * 1000 < now;
}

/** the earliest instant a ready but not yet available pod becomes available */
export function availableAt(pod: KubeObject, minReadySeconds: number): number | undefined {
  const since = readySince(pod);
  return since === undefined ? undefined : since + minReadySeconds * 1000 + 1;
}

export function isRunningAndReady(pod: KubeObject): boolean {
  return podPhase(pod) === 'Running' && isReady(pod);
}

function restartCount(pod: KubeObject): number {
  return (podStatus(pod).containerStatuses ?? []).reduce((n, c) => n + (c.restartCount ?? 0), 0);
}

const phaseRank: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/**
 * controller.ActivePodsWithRanks: pods in the order a ReplicaSet deletes them — unscheduled
 * before scheduled, pending before running, not ready before ready, those doubled up on a
 * node (higher `rank`) first, ready for less time first, more restarts first, newer first.
 */
export function deletionOrder(rank: (pod: KubeObject) => number): (a: KubeObject, b: KubeObject) => number {
  return (a, b) => {
    const assigned = Number(Boolean(a.spec?.nodeName)) - Number(Boolean(b.spec?.nodeName));
    if (assigned) return assigned;
    const phase = (phaseRank[podPhase(a)] ?? 0) - (phaseRank[podPhase(b)] ?? 0);
    if (phase) return phase;
    const ready = Number(isReady(a)) - Number(isReady(b));
    if (ready) return ready;
    const doubled = rank(b) - rank(a);
    if (doubled) return doubled;
    const readyFor = (readySince(b) ?? 0) - (readySince(a) ?? 0);
    if (readyFor) return readyFor;
    const restarts = restartCount(b) - restartCount(a);
    if (restarts) return restarts;
    return (parseTime(b.metadata.creationTimestamp) ?? 0) - (parseTime(a.metadata.creationTimestamp) ?? 0);
  };
}
