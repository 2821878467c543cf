// A DaemonSet's RollingUpdate: without surge, old pods are deleted while fewer than
// maxUnavailable nodes lack an available pod (the manage step then creates the new one);
// with maxSurge, the new pod starts next to the old one, which goes once the new is available.
import type { KubeObject } from '../objects.js';
import { scaledValue } from './defaults.js';
import { isUpdated } from './daemonset-pods.js';
import { isAvailable } from './pods.js';

export interface NodeState {
  name: string;
  shouldRun: boolean;
  pods: KubeObject[];
}

export interface UpdatePlan {
  deletePods: KubeObject[];
  /** nodes to start a new pod on beside the old one (surge) */
  surgeNodes: string[];
}

/** updatedDesiredNodeCounts: both rounded up from the desired count; 0 and 0 means 1 unavailable */
export function fenceposts(ds: KubeObject, desired: number): { maxSurge: number; maxUnavailable: number } {
  const rolling = ds.spec?.updateStrategy?.rollingUpdate;
  const maxSurge = rolling?.maxSurge === undefined ? 0 : scaledValue(rolling.maxSurge, desired, true);
  const maxUnavailable = scaledValue(rolling?.maxUnavailable ?? 1, desired, true);
  return { maxSurge, maxUnavailable: desired > 0 && maxSurge === 0 && maxUnavailable === 0 ? 1 : maxUnavailable };
}

/** findUpdatedPodsOnNode: the node's new and old pod, or undefined when it has two of a kind */
function splitPods(pods: KubeObject[], hash: string): { newPod?: KubeObject; oldPod?: KubeObject } | undefined {
  const fresh = pods.filter((p) => isUpdated(p, hash));
  const old = pods.filter((p) => !isUpdated(p, hash));
  if (fresh.length > 1 || old.length > 1) return undefined;
  return { newPod: fresh[0], oldPod: old[0] };
}

export function planRollingUpdate(ds: KubeObject, nodes: NodeState[], hash: string, now: number): UpdatePlan {
  const desired = nodes.filter((n) => n.shouldRun).length;
  const { maxSurge, maxUnavailable } = fenceposts(ds, desired);
  const mrs: number = ds.spec?.minReadySeconds ?? 0;
  const available = (pod: KubeObject) => isAvailable(pod, mrs, now);
  const considered = nodes.filter((n) => n.shouldRun || n.pods.length > 0);
  return maxSurge > 0 ? planSurge(considered, hash, maxSurge, available) : planUnavailable(considered, hash, maxUnavailable, available);
}

function planUnavailable(nodes: NodeState[], hash: string, maxUnavailable: number, available: (p: KubeObject) => boolean): UpdatePlan {
  let unavailable = 0;
  const replacements: KubeObject[] = [];
  const candidates: KubeObject[] = [];
  for (const node of nodes) {
    const split = splitPods(node.pods, hash);
    if (!split || (split.newPod && split.oldPod) || (!split.newPod && !split.oldPod)) unavailable++;
    else if (split.newPod) unavailable += available(split.newPod) ? 0 : 1;
    else if (!available(split.oldPod!)) replacements.push(split.oldPod!);
    else if (unavailable < maxUnavailable) candidates.push(split.oldPod!);
  }
  const room = Math.min(Math.max(0, maxUnavailable - unavailable), candidates.length);
  return { deletePods: [...replacements, ...candidates.slice(0, room)], surgeNodes: [] };
}

function planSurge(nodes: NodeState[], hash: string, maxSurge: number, available: (p: KubeObject) => boolean): UpdatePlan {
  let surging = 0;
  const deletePods: KubeObject[] = [];
  const surgeNodes: string[] = [];
  for (const node of nodes) {
    const split = splitPods(node.pods, hash);
    if (!split) {
      surging++;
      continue;
    }
    const { newPod, oldPod } = split;
    if (!oldPod || !node.shouldRun) continue;
    if (!newPod) {
      if (!available(oldPod)) surgeNodes.push(node.name);
      else if (surging < maxSurge) {
        surging++;
        surgeNodes.push(node.name);
      }
    } else if (!available(newPod)) surging++;
    else deletePods.push(oldPod);
  }
  return { deletePods, surgeNodes };
}
