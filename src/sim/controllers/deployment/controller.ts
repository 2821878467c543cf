// The deployment controller's loop (syncDeployment): paused deployments and plain resizes
// only scale; otherwise the strategy rolls the pods over to the current template.
import { type KubeObject, objectKey } from '../../objects.js';
import type { StoreEvent } from '../../store.js';
import { splitKey } from '../indexes.js';
import { DEPLOYMENT, REPLICA_SET } from '../kinds.js';
import { controllerKeys, controllerOf } from '../owners.js';
import type { Controller, Runtime } from '../runtime.js';
import { rolloutRecreate } from './recreate.js';
import { cleanupDeployment, replicaSetsOf } from './replicasets.js';
import { rolloutRolling } from './rolling.js';
import { scale } from './scale.js';
import { checkPausedConditions, syncDeploymentStatus } from './status.js';
import { DeploymentSync } from './sync.js';
import { activeReplicaSets, desiredReplicasAnnotation, specReplicas } from './util.js';

export class DeploymentController implements Controller {
  readonly name = 'deployment';

  constructor(private readonly rt: Runtime) {}

  observe(event: StoreEvent): void {
    const { kind } = event.rt;
    if (kind === 'Deployment' && event.type !== 'DELETED') this.rt.queue.add(this.name, keyOf(event.object));
    else if (kind === 'ReplicaSet') for (const key of controllerKeys(event, 'Deployment')) this.rt.queue.add(this.name, key);
    else if (kind === 'Pod' && event.type === 'DELETED') this.podDeleted(event.object);
  }

  reconcile(key: string): void {
    const { namespace, name } = splitKey(key);
    const d = this.rt.store.get(DEPLOYMENT, namespace, name);
    if (!d) return;
    const sync = new DeploymentSync(this.rt, d, (ms) => this.rt.queue.addAfter(this.name, key, ms));
    if (selectsEverything(d)) return this.selectingAll(sync);
    if (d.metadata.deletionTimestamp) return syncDeploymentStatus(sync, sync.replicaSets(), undefined);
    checkPausedConditions(sync);
    if (sync.d.spec?.paused || isScalingEvent(sync)) return resize(sync);
    if (sync.d.spec?.strategy?.type === 'Recreate') rolloutRecreate(sync);
    else rolloutRolling(sync);
  }

  stop(): void {}

  // A Recreate rollout waits for the old pods to be gone, so their deletion matters.
  private podDeleted(pod: KubeObject): void {
    const ref = controllerOf(pod);
    if (ref?.kind !== 'ReplicaSet') return;
    const rs = this.rt.store.get(REPLICA_SET, pod.metadata.namespace, ref.name);
    const owner = controllerOf(rs);
    if (owner?.kind === 'Deployment') this.rt.queue.add(this.name, objectKey(pod.metadata.namespace, owner.name));
  }

  private selectingAll(sync: DeploymentSync): void {
    sync.record('Warning', 'SelectingAll', 'This deployment is selecting all pods. A non-empty selector is required.');
    const generation = sync.d.metadata.generation;
    if (sync.d.status?.observedGeneration !== generation) sync.writeStatus({ ...sync.d.status, observedGeneration: generation });
  }
}

function keyOf(obj: KubeObject): string {
  return objectKey(obj.metadata.namespace, obj.metadata.name);
}

function selectsEverything(d: KubeObject): boolean {
  const selector = d.spec?.selector;
  return !selector || (Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0);
}

/** isScalingEvent: an active ReplicaSet was sized for a different replica count than the deployment's */
function isScalingEvent(sync: DeploymentSync): boolean {
  const { newRS, oldRSs } = replicaSetsOf(sync, false);
  const active = activeReplicaSets(newRS ? [...oldRSs, newRS] : oldRSs);
  return active.some((rs) => {
    const desired = desiredReplicasAnnotation(rs);
    return desired !== undefined && desired !== specReplicas(sync.d);
  });
}

/** DeploymentController.sync: resize without rolling; a paused deployment also prunes history here */
function resize(sync: DeploymentSync): void {
  const { newRS, oldRSs } = replicaSetsOf(sync, false);
  scale(sync, newRS, oldRSs);
  if (sync.d.spec?.paused) cleanupDeployment(sync, sync.fresh(oldRSs));
  syncDeploymentStatus(sync, sync.fresh(newRS ? [...oldRSs, newRS] : oldRSs), newRS && sync.fresh([newRS])[0]);
}
