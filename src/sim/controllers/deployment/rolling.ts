// The RollingUpdate strategy: grow the new ReplicaSet up to replicas + maxSurge pods in
// all, shrink the old ones while at least replicas - maxUnavailable stay available.
import type { KubeObject } from '../../objects.js';
import { cleanupDeployment, replicaSetsOf } from './replicasets.js';
import { scaleReplicaSetAndRecordEvent } from './scale.js';
import { deploymentComplete, syncRolloutStatus } from './status.js';
import type { DeploymentSync } from './sync.js';
import { activeReplicaSets, byCreation, maxUnavailable, newRSNewReplicas, specReplicas, statusOf, sumSpecReplicas, sumStatus } from './util.js';

export function rolloutRolling(sync: DeploymentSync): void {
  const { newRS, oldRSs } = replicaSetsOf(sync, true);
  if (!newRS) return;
  const all = [...oldRSs, newRS];
  if (reconcileNewReplicaSet(sync, all, newRS) || reconcileOldReplicaSets(sync, all, activeReplicaSets(oldRSs), newRS)) {
    return syncRolloutStatus(sync, sync.fresh(all), sync.fresh([newRS])[0]);
  }
  if (deploymentComplete(sync.d, sync.d.status)) cleanupDeployment(sync, oldRSs);
  syncRolloutStatus(sync, sync.fresh(all), newRS);
}

function reconcileNewReplicaSet(sync: DeploymentSync, all: KubeObject[], newRS: KubeObject): boolean {
  const replicas = specReplicas(sync.d);
  if (specReplicas(newRS) === replicas) return false;
  if (specReplicas(newRS) > replicas) return scaleReplicaSetAndRecordEvent(sync, newRS, replicas).scaled;
  return scaleReplicaSetAndRecordEvent(sync, newRS, newRSNewReplicas(sync.d, all, newRS)).scaled;
}

/**
 * Old pods may go only as far as availability allows; unavailable pods of the new
 * ReplicaSet count against that, so a broken new template cannot eat the old pods.
 */
function reconcileOldReplicaSets(sync: DeploymentSync, all: KubeObject[], oldRSs: KubeObject[], newRS: KubeObject): boolean {
  if (sumSpecReplicas(oldRSs) === 0) return false;
  const minAvailable = specReplicas(sync.d) - maxUnavailable(sync.d);
  const newUnavailable = specReplicas(newRS) - statusOf(newRS, 'availableReplicas');
  const maxScaledDown = sumSpecReplicas(all) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;
  const cleaned = cleanupUnhealthyReplicas(sync, oldRSs, maxScaledDown);
  const refreshed = sync.fresh(oldRSs);
  const scaledDown = scaleDownOldReplicaSets(sync, [...refreshed, newRS], refreshed);
  return cleaned + scaledDown > 0;
}

/** Old pods that are not available can go first: removing them costs no availability. */
function cleanupUnhealthyReplicas(sync: DeploymentSync, oldRSs: KubeObject[], maxCleanup: number): number {
  let total = 0;
  for (const rs of [...oldRSs].sort(byCreation)) {
    if (total >= maxCleanup) break;
    const unhealthy = specReplicas(rs) - statusOf(rs, 'availableReplicas');
    if (specReplicas(rs) === 0 || unhealthy <= 0) continue;
    const count = Math.min(maxCleanup - total, unhealthy);
    scaleReplicaSetAndRecordEvent(sync, rs, specReplicas(rs) - count);
    total += count;
  }
  return total;
}

function scaleDownOldReplicaSets(sync: DeploymentSync, all: KubeObject[], oldRSs: KubeObject[]): number {
  const minAvailable = specReplicas(sync.d) - maxUnavailable(sync.d);
  const available = sumStatus(all, 'availableReplicas');
  if (available <= minAvailable) return 0;
  const budget = available - minAvailable;
  let total = 0;
  for (const rs of [...oldRSs].sort(byCreation)) {
    if (total >= budget) break;
    if (specReplicas(rs) === 0) continue;
    const count = Math.min(specReplicas(rs), budget - total);
    scaleReplicaSetAndRecordEvent(sync, rs, specReplicas(rs) - count);
    total += count;
  }
  return total;
}
