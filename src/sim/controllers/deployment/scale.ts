// Resizing a Deployment's ReplicaSets: one at a time (with the ScalingReplicaSet event), and
// proportionally across all active ones when the deployment is resized mid-rollout.
import type { KubeObject } from '../../objects.js';
import { REPLICA_SET } from '../kinds.js';
import type { DeploymentSync } from './sync.js';
import {
  activeReplicaSets,
  byCreation,
  desiredReplicasAnnotation,
  isRollingUpdate,
  maxReplicasAnnotation,
  maxSurge,
  setReplicasAnnotations,
  specReplicas,
  statusOf,
  sumSpecReplicas,
} from './util.js';

export interface Scaled {
  scaled: boolean;
  rs: KubeObject;
}

export function scaleReplicaSetAndRecordEvent(sync: DeploymentSync, rs: KubeObject, newScale: number): Scaled {
  if (specReplicas(rs) === newScale) return { scaled: false, rs };
  return scaleReplicaSet(sync, rs, newScale, specReplicas(rs) < newScale ? 'up' : 'down');
}

/** Sets the size and the desired/max-replicas annotations; the event only when the size changed. */
export function scaleReplicaSet(sync: DeploymentSync, rs: KubeObject, newScale: number, operation: string): Scaled {
  const desired = specReplicas(sync.d);
  const max = desired + maxSurge(sync.d);
  const oldScale = specReplicas(rs);
  const sizeChanges = oldScale !== newScale;
  const annotationsChange = desiredReplicasAnnotation(rs) !== desired || maxReplicasAnnotation(rs) !== max;
  if (!sizeChanges && !annotationsChange) return { scaled: false, rs };
  const written = sync.rt.mutate(REPLICA_SET, rs.metadata.namespace, rs.metadata.name, (draft) => {
    draft.spec.replicas = newScale;
    setReplicasAnnotations(draft, desired, max);
  });
  if (sizeChanges) sync.record('Normal', 'ScalingReplicaSet', `Scaled ${operation} replica set ${rs.metadata.name} from ${oldScale} to ${newScale}`);
  return { scaled: sizeChanges, rs: written ?? rs };
}

/**
 * FindActiveOrLatest: the one ReplicaSet with pods (or, with none, the newest), or
 * undefined when several have pods.
 */
function activeOrLatest(newRS: KubeObject | undefined, oldRSs: readonly KubeObject[]): KubeObject | undefined {
  const olds = [...oldRSs].sort(byCreation).reverse();
  const active = activeReplicaSets(newRS ? [...olds, newRS] : olds);
  if (active.length === 0) return newRS ?? olds[0];
  return active.length === 1 ? active[0] : undefined;
}

/** IsSaturated: the new ReplicaSet has all the pods, all available */
function isSaturated(d: KubeObject, rs: KubeObject | undefined): boolean {
  if (!rs) return false;
  const replicas = specReplicas(d);
  return specReplicas(rs) === replicas && desiredReplicasAnnotation(rs) === replicas && statusOf(rs, 'availableReplicas') === replicas;
}

/** DeploymentController.scale: a resize (no template change) of a deployment, possibly mid-rollout. */
export function scale(sync: DeploymentSync, newRS: KubeObject | undefined, oldRSs: readonly KubeObject[]): void {
  const d = sync.d;
  const single = activeOrLatest(newRS, oldRSs);
  if (single) {
    if (specReplicas(single) !== specReplicas(d)) scaleReplicaSetAndRecordEvent(sync, single, specReplicas(d));
    return;
  }
  if (isSaturated(d, newRS)) {
    for (const old of activeReplicaSets(oldRSs)) scaleReplicaSetAndRecordEvent(sync, old, 0);
    return;
  }
  if (isRollingUpdate(d)) scaleProportionally(sync, activeReplicaSets(newRS ? [...oldRSs, newRS] : oldRSs));
}

// Spread the change over the active ReplicaSets in proportion to their size; leftovers
// from rounding go to the largest (scaling up, newer first; scaling down, older first).
function scaleProportionally(sync: DeploymentSync, active: KubeObject[]): void {
  const d = sync.d;
  const allowed = specReplicas(d) > 0 ? specReplicas(d) + maxSurge(d) : 0;
  const toAdd = allowed - sumSpecReplicas(active);
  const bySize = (newerFirst: boolean) => (a: KubeObject, b: KubeObject) => specReplicas(b) - specReplicas(a) || (newerFirst ? byCreation(b, a) : byCreation(a, b));
  const ordered = toAdd === 0 ? active : [...active].sort(bySize(toAdd > 0));
  const sizes = new Map<KubeObject, number>();
  let added = 0;
  for (const rs of ordered) {
    const proportion = toAdd === 0 ? 0 : replicaSetProportion(d, rs, toAdd, added);
    sizes.set(rs, specReplicas(rs) + proportion);
    added += proportion;
  }
  ordered.forEach((rs, i) => {
    let size = sizes.get(rs)!;
    if (i === 0 && toAdd !== 0) size = Math.max(0, size + toAdd - added);
    scaleReplicaSet(sync, rs, size, toAdd > 0 ? 'up' : toAdd < 0 ? 'down' : '');
  });
}

/** GetReplicaSetProportion: this ReplicaSet's share of the change, never past what is left to add */
function replicaSetProportion(d: KubeObject, rs: KubeObject, toAdd: number, added: number): number {
  if (specReplicas(rs) === 0 || toAdd === added) return 0;
  const fraction = replicaSetFraction(d, rs);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

function replicaSetFraction(d: KubeObject, rs: KubeObject): number {
  if (specReplicas(d) === 0) return -specReplicas(rs);
  const deploymentReplicas = specReplicas(d) + maxSurge(d);
  const annotated = maxReplicasAnnotation(rs) ?? statusOf(d, 'replicas');
  if (!annotated) return 0;
  const newSize = (specReplicas(rs) * deploymentReplicas) / annotated;
  return roundHalfAwayFromZero(newSize) - specReplicas(rs);
}

function roundHalfAwayFromZero(n: number): number {
  return Math.sign(n) * Math.round(Math.abs(n));
}
