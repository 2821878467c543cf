// Which controller an object belongs to, and which pod changes its controller cares about:
// a pod's status is rewritten often (binding, startup, heartbeats of its node), and most of
// those writes change nothing a workload controller counts.
import { type KubeObject, type OwnerReference, objectKey } from '../objects.js';
import type { StoreEvent } from '../store.js';
import { readySince } from './pods.js';

export function controllerOf(obj: KubeObject | undefined): OwnerReference | undefined {
  return obj?.metadata.ownerReferences?.find((r) => r.controller);
}

/** `namespace/name` of the controller of `kind` owning the event's object, before and after the change */
export function controllerKeys(event: StoreEvent, kind: string): string[] {
  const keys = new Set<string>();
  for (const obj of [event.previous, event.object]) {
    const ref = controllerOf(obj);
    if (obj && ref?.kind === kind) keys.add(objectKey(obj.metadata.namespace, ref.name));
  }
  return [...keys];
}

/** false for a pod write that leaves everything a ReplicaSet, StatefulSet or DaemonSet counts as it was */
export function podChangeMatters(event: StoreEvent): boolean {
  if (event.type !== 'MODIFIED' || !event.previous) return true;
  return workloadView(event.previous) !== workloadView(event.object);
}

function workloadView(pod: KubeObject): string {
  return JSON.stringify([
    pod.status?.phase,
    readySince(pod),
    pod.metadata.labels,
    pod.metadata.deletionTimestamp,
    controllerOf(pod)?.uid,
  ]);
}
