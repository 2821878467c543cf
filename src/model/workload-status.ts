// A workload's status, read from its object the way `kubectl rollout status` reads it
// (k8s.io/kubectl/pkg/polymorphichelpers/rollout_status.go), with one addition kubectl
// lacks: it tells a rollout still under way (PROGRESSING) from one that finished and has
// since lost replicas (DEGRADED). kubectl reports both as "waiting".
//
// Each kind is checked in this order, first match wins:
//   SCALED_DOWN  zero replicas desired
//   PAUSED       a paused Deployment (StatefulSets and DaemonSets cannot pause)
//   PROGRESSING  the controller has not observed the current generation yet
//   FAILED       a Deployment whose Progressing condition says ProgressDeadlineExceeded
//   PROGRESSING  the rollout is under way: pods still to be updated, created or removed
//   DEGRADED     every pod exists at the target revision, yet fewer are ready than desired
//   PROGRESSING  every pod is ready, but some are still within minReadySeconds
//   AVAILABLE    otherwise
//
// What "the rollout is under way" means per kind is below. Scaling up is not a rollout:
// once the new pods exist, the workload is DEGRADED until they are ready, exactly as it is
// when pods are lost; while they are still being created it is PROGRESSING.
import type { KubeObjects } from '../kube/index.js';
import { findCondition } from './condition.js';
import type { WorkloadStatus } from './records.js';
import { assertNever } from '../lang/assert-never.js';

type Deployment = KubeObjects['Deployment'];
type StatefulSet = KubeObjects['StatefulSet'];
type DaemonSet = KubeObjects['DaemonSet'];

/** A workload object with the kind it is read as; lets callers pass `(kind, obj)` type-safely. */
export type WorkloadObjectArgs = ['DEPLOYMENT', Deployment] | ['STATEFULSET', StatefulSet] | ['DAEMONSET', DaemonSet];

/** The Progressing condition's reason once the deadline passed without progress. */
export const PROGRESS_DEADLINE_EXCEEDED = 'ProgressDeadlineExceeded';
/** The Progressing condition's reason once the newest ReplicaSet is fully available: the rollout finished. */
export const NEW_REPLICA_SET_AVAILABLE = 'NewReplicaSetAvailable';

export function workloadStatus(...args: WorkloadObjectArgs): WorkloadStatus {
  const [kind, obj] = args;
  switch (kind) {
    case 'DEPLOYMENT':
      return deploymentStatus(obj);
    case 'STATEFULSET':
      return statefulSetStatus(obj);
    case 'DAEMONSET':
      return daemonSetStatus(obj);
    default:
      return assertNever(kind);
  }
}

/**
 * Deployments: under way while fewer pods than desired run the new template, old pods
 * remain, or updated pods are not all available — unless the Progressing condition says
 * the rollout completed (NewReplicaSetAvailable), in which case missing pods were lost
 * since. Without the condition (no progressDeadlineSeconds) kubectl's rule holds.
 */
export function deploymentStatus(d: Deployment): WorkloadStatus {
  const desired = d.spec?.replicas ?? 1;
  const s = d.status ?? {};
  if (desired === 0) return 'SCALED_DOWN';
  if (d.spec?.paused) return 'PAUSED';
  if (!observed(d.metadata?.generation, s.observedGeneration)) return 'PROGRESSING';
  const progressing = findCondition(s.conditions, 'Progressing');
  if (progressing?.reason === PROGRESS_DEADLINE_EXCEEDED) return 'FAILED';
  const updated = s.updatedReplicas ?? 0;
  if (updated < desired || (s.replicas ?? 0) > updated) return 'PROGRESSING';
  const available = s.availableReplicas ?? 0;
  if (available < updated && progressing?.reason !== NEW_REPLICA_SET_AVAILABLE) return 'PROGRESSING';
  return readiness(desired, s.readyReplicas ?? 0, available);
}

/**
 * StatefulSets: under way while pods are missing or, for a RollingUpdate, while fewer pods
 * than desired (less the partition) run the update revision; without a partition, until
 * the controller makes the update revision the current one, which it does only once every
 * pod runs it and is ready. OnDelete sets replace pods only when someone deletes them, so
 * they have no rollout to wait on (kubectl refuses to report one).
 */
export function statefulSetStatus(sts: StatefulSet): WorkloadStatus {
  const desired = sts.spec?.replicas ?? 1;
  const s = sts.status;
  if (desired === 0) return 'SCALED_DOWN';
  // kubectl: an observedGeneration of 0 means the controller has not seen the set at all.
  if (!s?.observedGeneration || !observed(sts.metadata?.generation, s.observedGeneration)) return 'PROGRESSING';
  if (s.replicas < desired) return 'PROGRESSING';
  const strategy = sts.spec?.updateStrategy;
  if (strategy?.type !== 'OnDelete') {
    const updated = s.updatedReplicas ?? 0;
    const partition = strategy?.rollingUpdate?.partition ?? 0;
    if (partition > 0 ? updated < desired - partition : updated < desired || s.updateRevision !== s.currentRevision) return 'PROGRESSING';
  }
  return readiness(desired, s.readyReplicas ?? 0, s.availableReplicas ?? 0);
}

/**
 * DaemonSets: desired is the number of nodes that should run a pod, known only once the
 * controller has observed the set — so a set not yet observed is PROGRESSING, not
 * SCALED_DOWN. Under way while nodes lack their pod or, for a RollingUpdate, run an old one.
 */
export function daemonSetStatus(ds: DaemonSet): WorkloadStatus {
  const s = ds.status;
  if (!s || !observed(ds.metadata?.generation, s.observedGeneration)) return 'PROGRESSING';
  const desired = s.desiredNumberScheduled;
  if (desired === 0) return 'SCALED_DOWN';
  if (s.currentNumberScheduled < desired) return 'PROGRESSING';
  if (ds.spec?.updateStrategy?.type !== 'OnDelete' && (s.updatedNumberScheduled ?? 0) < desired) return 'PROGRESSING';
  return readiness(desired, s.numberReady, s.numberAvailable ?? 0);
}

/** Once no rollout is under way: pods not ready are a loss; ready ones not yet available will be. */
function readiness(desired: number, ready: number, available: number): WorkloadStatus {
  if (ready < desired) return 'DEGRADED';
  if (available < desired) return 'PROGRESSING';
  return 'AVAILABLE';
}

/** The API server counts generations from 1; an object without one has nothing left to observe. */
function observed(generation: number | undefined, observedGeneration: number | undefined): boolean {
  return (observedGeneration ?? 0) >= (generation ?? 0);
}
