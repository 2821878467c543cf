import type { ConditionRecord } from './records.js';
import { kubeTime } from './kube-time.js';

/** The fields of a Kubernetes condition (node, pod, workload) the contract's Condition shows. */
export interface KubeCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: Date;
}

export function toConditionRecord({ type, status, reason, message, lastTransitionTime }: KubeCondition): ConditionRecord {
  return { type, status, reason: reason ?? null, message: message ?? null, lastTransitionAt: kubeTime(lastTransitionTime) };
}

/** A condition by type; undefined when the object reports none of it. */
export function findCondition<C extends { type: string }>(conditions: readonly C[] | undefined, type: string): C | undefined {
  return conditions?.find((c) => c.type === type);
}
