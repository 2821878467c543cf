// Status conditions and the timestamps in them, with the update rules the Kubernetes
// controllers follow (so `lastTransitionTime` only moves when the status flips).
import type { Condition, ConditionStatus } from './types.js';

/** metav1.Time as serialised: RFC 3339 to the second. */
export function timestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** milliseconds of a metav1.Time, or undefined when absent or unparseable */
export function parseTime(text: string | null | undefined): number | undefined {
  if (!text) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

export function findCondition(conditions: readonly Condition[] | undefined, type: string): Condition | undefined {
  return conditions?.find((c) => c.type === type);
}

export function removeCondition(conditions: readonly Condition[] | undefined, type: string): Condition[] {
  return (conditions ?? []).filter((c) => c.type !== type);
}

/**
 * deploymentutil.SetDeploymentCondition: nothing changes when status and reason are the same
 * (so the message and lastUpdateTime keep their first values); otherwise the condition moves
 * to the end, keeping its lastTransitionTime when only the reason changed.
 */
export function setDeploymentCondition(conditions: readonly Condition[] | undefined, next: Condition): Condition[] {
  const current = findCondition(conditions, next.type);
  if (current && current.status === next.status && current.reason === next.reason) return [...(conditions ?? [])];
  const cond = current && current.status === next.status ? { ...next, lastTransitionTime: current.lastTransitionTime } : next;
  return [...removeCondition(conditions, next.type), cond];
}

export function deploymentCondition(type: string, status: ConditionStatus, reason: string, message: string, now: string): Condition {
  return { type, status, lastUpdateTime: now, lastTransitionTime: now, reason, message };
}

/**
 * A pod's or node's condition set in place: the order of the list is kept, and the
 * lastTransitionTime only changes with the status. Fields other than status/reason/message
 * (lastHeartbeatTime, lastProbeTime) come from `next` when given, else are kept.
 */
export function setCondition(conditions: readonly Condition[] | undefined, next: Condition, now: string): Condition[] {
  const list = [...(conditions ?? [])];
  const i = list.findIndex((c) => c.type === next.type);
  const current = i >= 0 ? list[i] : undefined;
  const merged: Condition = { ...current, ...next, lastTransitionTime: current?.status === next.status ? current.lastTransitionTime ?? now : now };
  if (next.reason === undefined) delete merged.reason;
  if (next.message === undefined) delete merged.message;
  if (i >= 0) list[i] = merged;
  else list.push(merged);
  return list;
}

export function conditionIsTrue(conditions: readonly Condition[] | undefined, type: string): boolean {
  return findCondition(conditions, type)?.status === 'True';
}
