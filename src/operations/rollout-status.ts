// Whether a workload's rollout has finished, pure: as `kubectl rollout status` judges it.
import type { KubeObjects } from '../kube/index.js';
import { findCondition } from '../model/condition.js';
import { PROGRESS_DEADLINE_EXCEEDED, daemonSetStatus, statefulSetStatus } from '../model/workload-status.js';
import type { WorkloadTargetKind } from './model.js';
import { assertNever } from '../lang/assert-never.js';

export type RolloutJudgement = { phase: 'waiting'; why: string } | { phase: 'complete' } | { phase: 'failed'; reason: string };

export type WorkloadObject = KubeObjects['Deployment'] | KubeObjects['StatefulSet'] | KubeObjects['DaemonSet'];

/**
 * Deployments: complete once the controller observed the current generation and every
 * desired replica is updated, ready and available with no old replica left
 * (observedGeneration ≥ generation, updated = replicas = ready = available); failed once the
 * Progressing condition says ProgressDeadlineExceeded. StatefulSets and DaemonSets: their
 * rollout-status rules (src/model/workload-status.ts), complete at AVAILABLE or SCALED_DOWN.
 */
export function judgeRollout(kind: WorkloadTargetKind, obj: WorkloadObject): RolloutJudgement {
  switch (kind) {
    case 'Deployment':
      return judgeDeployment(obj as KubeObjects['Deployment']);
    case 'StatefulSet':
      return fromStatus(statefulSetStatus(obj as KubeObjects['StatefulSet']));
    case 'DaemonSet':
      return fromStatus(daemonSetStatus(obj as KubeObjects['DaemonSet']));
    default:
      return assertNever(kind);
  }
}

function judgeDeployment(d: KubeObjects['Deployment']): RolloutJudgement {
  const s = d.status ?? {};
  if ((s.observedGeneration ?? 0) < (d.metadata?.generation ?? 0)) return { phase: 'waiting', why: 'the controller has not observed the change yet' };
  const progressing = findCondition(s.conditions, 'Progressing');
  if (progressing?.reason === PROGRESS_DEADLINE_EXCEEDED) {
    return { phase: 'failed', reason: `progress deadline exceeded${progressing.message ? ` (${progressing.message})` : ''}` };
  }
  const desired = d.spec?.replicas ?? 1;
  const [updated, total, ready, available] = [s.updatedReplicas ?? 0, s.replicas ?? 0, s.readyReplicas ?? 0, s.availableReplicas ?? 0];
  if (updated < desired) return { phase: 'waiting', why: `${updated} of ${desired} replicas updated` };
  if (total > updated) return { phase: 'waiting', why: `${total - updated} old replicas pending termination` };
  if (ready < desired || available < desired) return { phase: 'waiting', why: `${available} of ${desired} updated replicas available` };
  return { phase: 'complete' };
}

function fromStatus(status: ReturnType<typeof statefulSetStatus>): RolloutJudgement {
  switch (status) {
    case 'AVAILABLE':
    case 'SCALED_DOWN':
      return { phase: 'complete' };
    case 'FAILED':
      return { phase: 'failed', reason: 'the rollout failed' };
    case 'PROGRESSING':
    case 'DEGRADED':
    case 'PAUSED':
      return { phase: 'waiting', why: `the workload is ${status.toLowerCase()}` };
    default:
      return assertNever(status);
  }
}

/** A node being restarted: asked (the kubelet has not started the reboot), down, or back Ready. */
export type RebootPhase = 'requested' | 'down' | 'back';

/** The kubelet removes `requestAnnotation` as the reboot starts; Ready after that is back. */
export function judgeReboot(node: KubeObjects['Node'], requestAnnotation: string): RebootPhase {
  if (node.metadata?.annotations?.[requestAnnotation] !== undefined) return 'requested';
  return findCondition(node.status?.conditions, 'Ready')?.status === 'True' ? 'back' : 'down';
}
