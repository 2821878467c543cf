// A Deployment's ReplicaSets: which one runs its current template (creating it, or reusing
// an old one with the same template — a rollback — and giving it the next revision), and
// which old ones may go once the history is longer than revisionHistoryLimit.
import { SimError } from '../../errors.js';
import { type KubeObject, clone, controllerRef } from '../../objects.js';
import { deploymentCondition, findCondition, setDeploymentCondition } from '../conditions.js';
import { podTemplateHash } from '../hash.js';
import { controllerUid } from '../indexes.js';
import { REPLICA_SET } from '../kinds.js';
import type { PodTemplate } from '../types.js';
import type { DeploymentSync } from './sync.js';
import {
  DESIRED_REPLICAS,
  MAX_REPLICAS,
  POD_TEMPLATE_HASH,
  REVISION,
  REVISION_HISTORY,
  byCreation,
  byRevision,
  equalIgnoreHash,
  maxRevision,
  maxSurge,
  minReadySeconds,
  newRSNewReplicas,
  progressDeadlineMs,
  revisionHistoryLimit,
  setReplicasAnnotations,
  specReplicas,
  statusOf,
} from './util.js';

/** annotations of a Deployment not copied to its ReplicaSets */
const NOT_COPIED = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION,
  REVISION_HISTORY,
  DESIRED_REPLICAS,
  MAX_REPLICAS,
  'deprecated.deployment.rollback.to',
]);
const MAX_REVISION_HISTORY_CHARS = 2000;

export interface ReplicaSets {
  /** the ReplicaSet running the current template, if there is one (yet) */
  newRS?: KubeObject;
  oldRSs: KubeObject[];
}

/** FindNewReplicaSet: the oldest ReplicaSet whose template is the deployment's */
export function findNewReplicaSet(d: KubeObject, rsList: readonly KubeObject[]): KubeObject | undefined {
  return [...rsList].sort(byCreation).find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
}

/**
 * getAllReplicaSetsAndSyncRevision: the new and old ReplicaSets; the new one gets the next
 * revision (reused ones too) and, with `create`, is created when missing. A name collision
 * bumps status.collisionCount and answers no new ReplicaSet; that status write brings the
 * deployment back with a different hash.
 */
export function replicaSetsOf(sync: DeploymentSync, create: boolean): ReplicaSets {
  const rsList = sync.replicaSets();
  const existing = findNewReplicaSet(sync.d, rsList);
  const oldRSs = rsList.filter((rs) => rs !== existing);
  const newRevision = String(maxRevision(oldRSs) + 1);
  if (existing) return { newRS: syncNewReplicaSet(sync, existing, newRevision), oldRSs };
  if (!create) return { oldRSs };
  return { newRS: createNewReplicaSet(sync, oldRSs, newRevision), oldRSs };
}

function syncNewReplicaSet(sync: DeploymentSync, rs: KubeObject, newRevision: string): KubeObject {
  // only the annotations are edited: a shallow copy down to them will do
  const copy: KubeObject = { ...rs, metadata: { ...rs.metadata, annotations: { ...rs.metadata.annotations } } };
  const annotationsChanged = setNewReplicaSetAnnotations(sync.d, copy, newRevision, true);
  const mrs = minReadySeconds(sync.d);
  if (annotationsChanged || minReadySeconds(rs) !== mrs) {
    // As upstream: the ReplicaSet's update brings the deployment back for the rest.
    const written = sync.rt.mutate(REPLICA_SET, rs.metadata.namespace, rs.metadata.name, (draft) => {
      draft.metadata.annotations = copy.metadata.annotations;
      if (mrs) draft.spec.minReadySeconds = mrs;
      else delete draft.spec.minReadySeconds;
    });
    return written ?? rs;
  }
  sync.setRevision(copy.metadata.annotations?.[REVISION] ?? newRevision);
  if (progressDeadlineMs(sync.d) !== undefined && !findCondition(sync.d.status?.conditions, 'Progressing')) {
    const cond = deploymentCondition('Progressing', 'True', 'FoundNewReplicaSet', `Found new replica set "${rs.metadata.name}"`, sync.rt.stamp());
    sync.writeStatus({ ...sync.d.status, conditions: setDeploymentCondition(sync.d.status?.conditions, cond) });
  }
  return rs;
}

function createNewReplicaSet(sync: DeploymentSync, oldRSs: KubeObject[], newRevision: string): KubeObject | undefined {
  const d = sync.d;
  const rs = newReplicaSet(d);
  rs.spec.replicas = newRSNewReplicas(d, [...oldRSs, rs], rs);
  setNewReplicaSetAnnotations(d, rs, newRevision, false);
  let created: KubeObject;
  let alreadyExists = false;
  try {
    created = sync.rt.create(REPLICA_SET, rs);
  } catch (err) {
    if (!(err instanceof SimError) || err.reason !== 'AlreadyExists') throw err;
    const existing = sync.rt.store.get(REPLICA_SET, d.metadata.namespace, rs.metadata.name);
    if (!existing || controllerUid(existing) !== d.metadata.uid || !equalIgnoreHash(d.spec?.template, existing.spec?.template)) {
      sync.writeStatus({ ...d.status, collisionCount: (d.status?.collisionCount ?? 0) + 1 });
      return undefined;
    }
    created = existing;
    alreadyExists = true;
  }
  if (!alreadyExists && specReplicas(created) > 0) {
    sync.record('Normal', 'ScalingReplicaSet', `Scaled up replica set ${created.metadata.name} from 0 to ${specReplicas(created)}`);
  }
  sync.setRevision(newRevision);
  if (!alreadyExists && progressDeadlineMs(sync.d) !== undefined) {
    const cond = deploymentCondition('Progressing', 'True', 'NewReplicaSetCreated', `Created new replica set "${created.metadata.name}"`, sync.rt.stamp());
    sync.writeStatus({ ...sync.d.status, conditions: setDeploymentCondition(sync.d.status?.conditions, cond) });
  }
  return created;
}

/** `<deployment>-<pod-template-hash>`, the hash also in its selector, template labels and labels */
function newReplicaSet(d: KubeObject): KubeObject {
  const template: PodTemplate = clone(d.spec?.template ?? { spec: { containers: [] } });
  const hash = podTemplateHash(d.spec?.template, d.status?.collisionCount);
  template.metadata = { ...template.metadata, labels: { ...template.metadata?.labels, [POD_TEMPLATE_HASH]: hash } };
  const selector = clone(d.spec?.selector ?? {});
  selector.matchLabels = { ...selector.matchLabels, [POD_TEMPLATE_HASH]: hash };
  const mrs = minReadySeconds(d);
  return {
    metadata: {
      name: `${d.metadata.name}-${hash}`,
      namespace: d.metadata.namespace,
      labels: { ...template.metadata.labels },
      ownerReferences: [controllerRef(d)],
    },
    spec: { replicas: 0, ...(mrs ? { minReadySeconds: mrs } : {}), selector, template },
  };
}

/**
 * SetNewReplicaSetAnnotations: copies the deployment's own annotations, raises the revision
 * to `newRevision` (keeping the ones it replaces in revision-history, as a rollback does),
 * and on a ReplicaSet being created records the desired and max replicas. True if changed.
 */
export function setNewReplicaSetAnnotations(d: KubeObject, rs: KubeObject, newRevision: string, exists: boolean): boolean {
  const annotations: Record<string, string> = (rs.metadata.annotations ??= {});
  let changed = false;
  for (const [k, v] of Object.entries<string>(d.metadata.annotations ?? {})) {
    if (NOT_COPIED.has(k) || annotations[k] === v) continue;
    annotations[k] = v;
    changed = true;
  }
  const oldRevision = annotations[REVISION];
  const oldNumber = oldRevision === undefined ? 0 : Number(oldRevision);
  if (Number.isNaN(oldNumber)) return changed;
  if (oldNumber < Number(newRevision)) {
    annotations[REVISION] = newRevision;
    changed = true;
    if (oldRevision !== undefined) recordRevisionHistory(annotations, oldRevision);
  }
  if (!exists && setReplicasAnnotations(rs, specReplicas(d), specReplicas(d) + maxSurge(d))) changed = true;
  return changed;
}

function recordRevisionHistory(annotations: Record<string, string>, oldRevision: string): void {
  const history = annotations[REVISION_HISTORY];
  if (!history) {
    annotations[REVISION_HISTORY] = oldRevision;
    return;
  }
  const revisions = history.split(',');
  let total = history.length + oldRevision.length + 1;
  let start = 0;
  while (total > MAX_REVISION_HISTORY_CHARS && start < revisions.length) total -= revisions[start++]!.length + 1;
  if (total <= MAX_REVISION_HISTORY_CHARS) annotations[REVISION_HISTORY] = [...revisions.slice(start), oldRevision].join(',');
}

/** cleanupDeployment: deletes the oldest scaled-down ReplicaSets beyond revisionHistoryLimit */
export function cleanupDeployment(sync: DeploymentSync, oldRSs: readonly KubeObject[]): void {
  const limit = revisionHistoryLimit(sync.d);
  if (limit === undefined) return;
  const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp);
  const excess = cleanable.length - limit;
  if (excess <= 0) return;
  for (const rs of [...cleanable].sort(byRevision).slice(0, excess)) {
    const settled = (rs.metadata.generation ?? 0) <= (rs.status?.observedGeneration ?? 0);
    if (statusOf(rs, 'replicas') !== 0 || specReplicas(rs) !== 0 || !settled) continue;
    sync.rt.remove(REPLICA_SET, rs.metadata.namespace, rs.metadata.name);
  }
}
