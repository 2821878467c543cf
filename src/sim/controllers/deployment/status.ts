// A Deployment's status: counts summed over its ReplicaSets, the Available condition, and the
// Progressing condition that tells a rollout that completed from one that stalled past
// progressDeadlineSeconds (what `kubectl rollout status` waits on).
import type { KubeObject } from '../../objects.js';
import { deploymentCondition, findCondition, parseTime, removeCondition, setDeploymentCondition } from '../conditions.js';
import { sameJson } from '../hash.js';
import { withoutZeros } from '../status.js';
import type { Condition } from '../types.js';
import type { DeploymentSync } from './sync.js';
import { maxUnavailable, progressDeadlineMs, specReplicas, statusOf, sumSpecReplicas, sumStatus } from './util.js';

export const NEW_RS_AVAILABLE = 'NewReplicaSetAvailable';
export const TIMED_OUT = 'ProgressDeadlineExceeded';
const PAUSED = 'DeploymentPaused';
const RESUMED = 'DeploymentResumed';

export interface DeploymentStatus {
  observedGeneration?: number;
  replicas: number;
  updatedReplicas: number;
  readyReplicas: number;
  availableReplicas: number;
  unavailableReplicas: number;
  conditions: Condition[];
  collisionCount?: number;
}

const OMIT_EMPTY: (keyof DeploymentStatus)[] = ['observedGeneration', 'replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas', 'conditions'];

function calculateStatus(sync: DeploymentSync, allRSs: readonly KubeObject[], newRS: KubeObject | undefined): DeploymentStatus {
  const d = sync.d;
  const available = sumStatus(allRSs, 'availableReplicas');
  const status: DeploymentStatus = {
    observedGeneration: d.metadata.generation,
    replicas: sumStatus(allRSs, 'replicas'),
    updatedReplicas: statusOf(newRS, 'replicas'),
    readyReplicas: sumStatus(allRSs, 'readyReplicas'),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, sumSpecReplicas(allRSs) - available),
    conditions: [...(d.status?.conditions ?? [])],
    collisionCount: d.status?.collisionCount,
  };
  const now = sync.rt.stamp();
  const minimum = available >= specReplicas(d) - maxUnavailable(d);
  const cond = minimum
    ? deploymentCondition('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.', now)
    : deploymentCondition('Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.', now);
  status.conditions = setDeploymentCondition(status.conditions, cond);
  return status;
}

/** DeploymentComplete: every replica updated and available, and this generation observed */
export function deploymentComplete(d: KubeObject, status: Partial<DeploymentStatus> | undefined): boolean {
  const replicas = specReplicas(d);
  return (
    (status?.updatedReplicas ?? 0) === replicas &&
    (status?.replicas ?? 0) === replicas &&
    (status?.availableReplicas ?? 0) === replicas &&
    (status?.observedGeneration ?? 0) >= (d.metadata.generation ?? 0)
  );
}

/** DeploymentProgressing: more updated, fewer old, more ready or more available than last time */
function deploymentProgressing(d: KubeObject, next: DeploymentStatus): boolean {
  const old = d.status ?? {};
  const n = (v: unknown) => (typeof v === 'number' ? v : 0);
  return (
    next.updatedReplicas > n(old.updatedReplicas) ||
    next.replicas - next.updatedReplicas < n(old.replicas) - n(old.updatedReplicas) ||
    next.readyReplicas > n(old.readyReplicas) ||
    next.availableReplicas > n(old.availableReplicas)
  );
}

/** DeploymentTimedOut: no progress reported for longer than the deadline (strictly) */
function deploymentTimedOut(d: KubeObject, status: DeploymentStatus, now: number): boolean {
  const deadline = progressDeadlineMs(d);
  const cond = findCondition(status.conditions, 'Progressing');
  if (deadline === undefined || !cond || cond.reason === NEW_RS_AVAILABLE) return false;
  if (cond.reason === TIMED_OUT) return true;
  return (parseTime(cond.lastUpdateTime) ?? now) + deadline < now;
}

/** syncRolloutStatus: the status of a rollout in progress, with the Progressing condition kept current */
export function syncRolloutStatus(sync: DeploymentSync, allRSs: readonly KubeObject[], newRS: KubeObject | undefined): void {
  const d = sync.d;
  const status = calculateStatus(sync, allRSs, newRS);
  const hasDeadline = progressDeadlineMs(d) !== undefined;
  if (!hasDeadline) status.conditions = removeCondition(status.conditions, 'Progressing');
  const current = findCondition(d.status?.conditions, 'Progressing');
  const alreadyComplete = status.replicas === status.updatedReplicas && current?.reason === NEW_RS_AVAILABLE;
  if (hasDeadline && !alreadyComplete) status.conditions = progressingConditions(sync, status, current, newRS);
  status.conditions = removeCondition(status.conditions, 'ReplicaFailure');
  const next = withoutZeros(status, OMIT_EMPTY);
  if (sameJson(next, d.status ?? {})) return requeueStuckDeployment(sync, status);
  sync.writeStatus({ ...next });
}

function progressingConditions(sync: DeploymentSync, status: DeploymentStatus, current: Condition | undefined, newRS: KubeObject | undefined): Condition[] {
  const d = sync.d;
  const now = sync.rt.stamp();
  const subject = newRS ? `ReplicaSet "${newRS.metadata.name}"` : `Deployment "${d.metadata.name}"`;
  if (deploymentComplete(d, status)) {
    return setDeploymentCondition(status.conditions, deploymentCondition('Progressing', 'True', NEW_RS_AVAILABLE, `${subject} has successfully progressed.`, now));
  }
  if (deploymentProgressing(d, status)) {
    // Progress refreshes lastUpdateTime even with an unchanged reason: that is what resets the deadline.
    const cond = deploymentCondition('Progressing', 'True', 'ReplicaSetUpdated', `${subject} is progressing.`, now);
    if (current?.status === 'True') cond.lastTransitionTime = current.lastTransitionTime;
    return setDeploymentCondition(current ? removeCondition(status.conditions, 'Progressing') : status.conditions, cond);
  }
  if (deploymentTimedOut(d, status, sync.rt.now())) {
    return setDeploymentCondition(status.conditions, deploymentCondition('Progressing', 'False', TIMED_OUT, `${subject} has timed out progressing.`, now));
  }
  return status.conditions;
}

/**
 * requeueStuckDeployment: a rollout that made no progress is looked at again when its
 * deadline passes (a second late, as upstream, so the check falls strictly after it).
 */
function requeueStuckDeployment(sync: DeploymentSync, status: DeploymentStatus): void {
  const d = sync.d;
  const deadline = progressDeadlineMs(d);
  const current = findCondition(d.status?.conditions, 'Progressing');
  if (deadline === undefined || !current || deploymentComplete(d, status) || current.reason === TIMED_OUT) return;
  const now = sync.rt.now();
  const after = (parseTime(current.lastUpdateTime) ?? now) + deadline - now;
  sync.requeueAfter(Math.max(0, after) + 1000);
}

/** syncDeploymentStatus: counts and Available only, for resizes and paused deployments */
export function syncDeploymentStatus(sync: DeploymentSync, allRSs: readonly KubeObject[], newRS: KubeObject | undefined): void {
  const next = withoutZeros(calculateStatus(sync, allRSs, newRS), OMIT_EMPTY);
  if (!sameJson(next, sync.d.status ?? {})) sync.writeStatus({ ...next });
}

/** checkPausedConditions: Progressing=Unknown while paused, and again (Resumed) when resumed */
export function checkPausedConditions(sync: DeploymentSync): void {
  const d = sync.d;
  if (progressDeadlineMs(d) === undefined) return;
  const cond = findCondition(d.status?.conditions, 'Progressing');
  if (cond?.reason === TIMED_OUT) return;
  const pausedCondition = cond?.reason === PAUSED;
  const paused = Boolean(d.spec?.paused);
  if (paused === pausedCondition) return;
  const now = sync.rt.stamp();
  const next = paused
    ? deploymentCondition('Progressing', 'Unknown', PAUSED, 'Deployment is paused', now)
    : deploymentCondition('Progressing', 'Unknown', RESUMED, 'Deployment is resumed', now);
  sync.writeStatus({ ...d.status, conditions: setDeploymentCondition(d.status?.conditions, next) });
}
