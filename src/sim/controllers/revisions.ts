// ControllerRevisions, the template history of StatefulSets and DaemonSets (pkg/controller/
// history): one revision per distinct template, numbered; going back to an earlier template
// renumbers its revision as the newest, which is what `kubectl rollout undo` relies on.
import { type KubeObject, clone, controllerRef } from '../objects.js';
import { semanticJson, sortKeys } from './hash.js';
import { controllerUid } from './indexes.js';
import { CONTROLLER_REVISION } from './kinds.js';
import type { Runtime } from './runtime.js';
import type { PodTemplate } from './types.js';

export interface RevisionKind {
  /** the label carrying the hash on each revision */
  hashLabel: string;
  /** the hash in a revision's name, for the owner's current data and collision count */
  hash(owner: KubeObject, data: unknown, collisionCount: number | undefined): string;
}

export interface Revisions {
  /** what the pods not yet updated run (status.currentRevision) */
  current: KubeObject;
  /** what the owner's template is now */
  update: KubeObject;
  collisionCount: number | undefined;
}

/**
 * getPatch: a strategic merge patch that puts the whole template back, written as the controller
 * writes it — Go's json.Marshal of a map, keys sorted at every level, the template's metadata
 * carrying `creationTimestamp: null` as a Go struct encodes it. kubectl compares these bytes
 * with the patch it makes from the live object (`rollout undo` skips a revision the set runs).
 */
export function revisionData(owner: KubeObject): { spec: { template: Record<string, unknown> } } {
  const template = clone(owner.spec?.template ?? {});
  template.metadata = { creationTimestamp: null, ...template.metadata };
  return sortKeys({ spec: { template: { ...template, $patch: 'replace' } } }) as { spec: { template: Record<string, unknown> } };
}

/** the pod template a revision records */
export function templateOf(revision: KubeObject): PodTemplate {
  const { $patch: _patch, ...template } = revision.data?.spec?.template ?? {};
  return { spec: { containers: [] }, ...template };
}

export function revisionNumber(revision: KubeObject): number {
  return typeof revision.revision === 'number' ? revision.revision : 0;
}

export function ownedRevisions(rt: Runtime, owner: KubeObject): KubeObject[] {
  return rt.ownedRevisions(owner.metadata.uid).sort((a, b) => revisionNumber(a) - revisionNumber(b));
}

/** getStatefulSetRevisions / constructHistory: the current and update revisions, created or renumbered as needed */
export function syncRevisions(rt: Runtime, owner: KubeObject, kind: RevisionKind): Revisions {
  const revisions = ownedRevisions(rt, owner);
  const data = revisionData(owner);
  const latest = revisions.at(-1);
  const next = (latest ? revisionNumber(latest) : 0) + 1;
  const key = semanticJson(data);
  const equal = revisions.filter((r) => semanticJson(r.data) === key).at(-1);
  let update: KubeObject;
  let collisionCount: number | undefined = owner.status?.collisionCount;
  if (equal && equal === latest) update = equal;
  else if (equal) update = renumber(rt, equal, next);
  else ({ revision: update, collisionCount } = createRevision(rt, owner, data, next, kind));
  const current = revisions.find((r) => r.metadata.name === owner.status?.currentRevision) ?? update;
  return { current, update, collisionCount };
}

/** rolling back to an earlier template: its revision becomes the newest */
function renumber(rt: Runtime, revision: KubeObject, number: number): KubeObject {
  const written = rt.mutate(CONTROLLER_REVISION, revision.metadata.namespace, revision.metadata.name, (r) => {
    r.revision = number;
  });
  return written ?? revision;
}

/** CreateControllerRevision: a name taken by a different revision bumps the collision count and tries again */
function createRevision(rt: Runtime, owner: KubeObject, data: unknown, number: number, kind: RevisionKind): { revision: KubeObject; collisionCount: number | undefined } {
  let collisionCount: number | undefined = owner.status?.collisionCount;
  for (;;) {
    const hash = kind.hash(owner, data, collisionCount);
    const name = `${owner.metadata.name}-${hash}`;
    const existing = rt.store.get(CONTROLLER_REVISION, owner.metadata.namespace, name);
    if (!existing) {
      const labels = { ...owner.spec?.template?.metadata?.labels, [kind.hashLabel]: hash };
      const metadata = { name, namespace: owner.metadata.namespace, labels, ownerReferences: [controllerRef(owner)] };
      return { revision: rt.create(CONTROLLER_REVISION, { metadata, data, revision: number }), collisionCount };
    }
    if (controllerUid(existing) === owner.metadata.uid && semanticJson(existing.data) === semanticJson(data)) return { revision: existing, collisionCount };
    collisionCount = (collisionCount ?? 0) + 1;
  }
}

/** truncateHistory: revisions no pod runs, beyond revisionHistoryLimit, oldest first, are deleted */
export function truncateHistory(rt: Runtime, owner: KubeObject, isLive: (revision: KubeObject) => boolean): void {
  const limit: number = owner.spec?.revisionHistoryLimit ?? 10;
  const history = ownedRevisions(rt, owner).filter((r) => !isLive(r));
  for (const r of history.slice(0, Math.max(0, history.length - limit))) rt.remove(CONTROLLER_REVISION, r.metadata.namespace, r.metadata.name);
}
