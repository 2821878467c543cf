// deploymentutil: the arithmetic of rollouts — surge and unavailability fenceposts,
// replica sums over ReplicaSets, revisions, and the annotations a Deployment stamps on them.
import type { KubeObject } from '../../objects.js';
import { parseTime } from '../conditions.js';
import { scaledValue } from '../defaults.js';
import { semanticEqual } from '../hash.js';
import type { PodTemplate } from '../types.js';

export const REVISION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';
export const POD_TEMPLATE_HASH = 'pod-template-hash';

const MAX_INT32 = 2_147_483_647;

/** spec.replicas, 1 when unset (the API default) */
export function specReplicas(obj: KubeObject | undefined): number {
  const replicas: unknown = obj?.spec?.replicas;
  return typeof replicas === 'number' ? replicas : 1;
}

export function isRollingUpdate(d: KubeObject): boolean {
  return (d.spec?.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
}

/**
 * ResolveFenceposts: maxSurge rounds up, maxUnavailable down (both default 25%); when both
 * come to 0 the deployment could never move, so maxUnavailable becomes 1.
 */
function fenceposts(d: KubeObject): { surge: number; unavailable: number } {
  const replicas = specReplicas(d);
  const rolling = d.spec?.strategy?.rollingUpdate ?? {};
  const surge = scaledValue(rolling.maxSurge ?? '25%', replicas, true);
  const unavailable = scaledValue(rolling.maxUnavailable ?? '25%', replicas, false);
  return { surge, unavailable: surge === 0 && unavailable === 0 ? 1 : unavailable };
}

export function maxSurge(d: KubeObject): number {
  return isRollingUpdate(d) ? fenceposts(d).surge : 0;
}

export function maxUnavailable(d: KubeObject): number {
  const replicas = specReplicas(d);
  if (!isRollingUpdate(d) || replicas === 0) return 0;
  return Math.min(fenceposts(d).unavailable, replicas);
}

/** progressDeadlineSeconds in ms (default 600 s); undefined when set to MaxInt32, meaning no deadline */
export function progressDeadlineMs(d: KubeObject): number | undefined {
  const seconds: unknown = d.spec?.progressDeadlineSeconds ?? 600;
  return typeof seconds === 'number' && seconds !== MAX_INT32 ? seconds * 1000 : undefined;
}

export function minReadySeconds(obj: KubeObject): number {
  const seconds: unknown = obj.spec?.minReadySeconds;
  return typeof seconds === 'number' ? seconds : 0;
}

export function revisionHistoryLimit(d: KubeObject): number | undefined {
  const limit: unknown = d.spec?.revisionHistoryLimit ?? 10;
  return typeof limit === 'number' && limit !== MAX_INT32 ? limit : undefined;
}

export function revisionOf(rs: KubeObject): number {
  const revision = Number(rs.metadata.annotations?.[REVISION] ?? 0);
  return Number.isFinite(revision) ? revision : 0;
}

export function maxRevision(rss: readonly KubeObject[]): number {
  return rss.reduce((max, rs) => Math.max(max, revisionOf(rs)), 0);
}

export function sumSpecReplicas(rss: readonly KubeObject[]): number {
  return rss.reduce((n, rs) => n + specReplicas(rs), 0);
}

export type ReplicaCounter = 'replicas' | 'readyReplicas' | 'availableReplicas';

export function sumStatus(rss: readonly KubeObject[], field: ReplicaCounter): number {
  return rss.reduce((n, rs) => n + statusOf(rs, field), 0);
}

export function statusOf(rs: KubeObject | undefined, field: ReplicaCounter): number {
  const value: unknown = rs?.status?.[field];
  return typeof value === 'number' ? value : 0;
}

/** controller.FilterActiveReplicaSets: those asked for at least one pod */
export function activeReplicaSets(rss: readonly KubeObject[]): KubeObject[] {
  return rss.filter((rs) => specReplicas(rs) > 0);
}

/** ReplicaSetsByCreationTimestamp: oldest first, ties by name */
export function byCreation(a: KubeObject, b: KubeObject): number {
  const diff = (parseTime(a.metadata.creationTimestamp) ?? 0) - (parseTime(b.metadata.creationTimestamp) ?? 0);
  return diff || (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0);
}

/** ReplicaSetsByRevision: lowest revision first, ties by creation */
export function byRevision(a: KubeObject, b: KubeObject): number {
  return revisionOf(a) - revisionOf(b) || byCreation(a, b);
}

/** EqualIgnoreHash: the templates are the same but for the pod-template-hash label. */
export function equalIgnoreHash(a: PodTemplate | undefined, b: PodTemplate | undefined): boolean {
  return semanticEqual(withoutHash(a), withoutHash(b));
}

/** the template with its labels copied without the hash; the rest is shared, not copied */
function withoutHash(template: PodTemplate | undefined): PodTemplate | undefined {
  if (!template?.metadata?.labels?.[POD_TEMPLATE_HASH]) return template;
  const { [POD_TEMPLATE_HASH]: _hash, ...labels } = template.metadata.labels;
  return { ...template, metadata: { ...template.metadata, labels } };
}

export function desiredReplicasAnnotation(rs: KubeObject): number | undefined {
  const value = rs.metadata.annotations?.[DESIRED_REPLICAS];
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

export function maxReplicasAnnotation(rs: KubeObject): number | undefined {
  const value = rs.metadata.annotations?.[MAX_REPLICAS];
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

/** SetReplicasAnnotations: records the deployment's size and its surge ceiling on the RS; true if changed */
export function setReplicasAnnotations(rs: KubeObject, desired: number, max: number): boolean {
  const annotations = (rs.metadata.annotations ??= {});
  const changed = annotations[DESIRED_REPLICAS] !== String(desired) || annotations[MAX_REPLICAS] !== String(max);
  annotations[DESIRED_REPLICAS] = String(desired);
  annotations[MAX_REPLICAS] = String(max);
  return changed;
}

/**
 * NewRSNewReplicas: how far the new ReplicaSet may grow now — up to the surge ceiling
 * for RollingUpdate, straight to the full count for Recreate.
 */
export function newRSNewReplicas(d: KubeObject, allRSs: readonly KubeObject[], newRS: KubeObject): number {
  if (!isRollingUpdate(d)) return specReplicas(d);
  const maxTotal = specReplicas(d) + maxSurge(d);
  const current = sumSpecReplicas(allRSs);
  if (current >= maxTotal) return specReplicas(newRS);
  const scaleUp = Math.min(maxTotal - current, specReplicas(d) - specReplicas(newRS));
  return specReplicas(newRS) + scaleUp;
}
