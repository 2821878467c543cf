// The Recreate strategy: every old pod is gone before the new ReplicaSet gets any.
import type { KubeObject } from '../../objects.js';
import { podPhase } from '../pods.js';
import { cleanupDeployment, replicaSetsOf } from './replicasets.js';
import { scaleReplicaSetAndRecordEvent } from './scale.js';
import { deploymentComplete, syncRolloutStatus } from './status.js';
import type { DeploymentSync } from './sync.js';
import { activeReplicaSets, specReplicas, sumStatus } from './util.js';

export function rolloutRecreate(sync: DeploymentSync): void {
  let { newRS, oldRSs } = replicaSetsOf(sync, false);
  let scaledDown = false;
  for (const rs of activeReplicaSets(oldRSs)) scaledDown = scaleReplicaSetAndRecordEvent(sync, rs, 0).scaled || scaledDown;
  if (scaledDown || oldPodsRunning(sync, newRS, oldRSs)) {
    return syncRolloutStatus(sync, sync.fresh([...oldRSs, newRS]), newRS);
  }
  if (!newRS) {
    ({ newRS, oldRSs } = replicaSetsOf(sync, true));
    if (!newRS) return;
  }
  const { rs } = scaleReplicaSetAndRecordEvent(sync, newRS, specReplicas(sync.d));
  if (deploymentComplete(sync.d, sync.d.status)) cleanupDeployment(sync, oldRSs);
  syncRolloutStatus(sync, sync.fresh([...oldRSs, rs]), rs);
}

/** oldPodsRunning: any pod of an old ReplicaSet not yet finished */
function oldPodsRunning(sync: DeploymentSync, newRS: KubeObject | undefined, oldRSs: KubeObject[]): boolean {
  if (sumStatus(oldRSs, 'replicas') > 0) return true;
  return oldRSs.some((rs) =>
    rs !== newRS && sync.rt.ownedPods(rs.metadata.uid).some((pod) => podPhase(pod) !== 'Succeeded' && podPhase(pod) !== 'Failed'),
  );
}
