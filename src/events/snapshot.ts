// What a stream has seen of its kind: each object's last state, by namespace/name. It is
// what turns a relist into only the changes missed, and what drops a change seen twice.
import type { ChangeType } from './types.js';

/** The part of a Kubernetes object the engine reads. */
export interface KubeObjectLike {
  metadata?: { name?: string; namespace?: string; resourceVersion?: string };
}

export type Snapshot<T extends KubeObjectLike> = Map<string, T>;

export interface Change<T> {
  type: ChangeType;
  object: T;
  /** for MODIFIED, the state seen before */
  previous?: T;
}

export function keyOf(object: KubeObjectLike): string {
  return `${object.metadata?.namespace ?? ''}/${object.metadata?.name ?? ''}`;
}

const versionOf = (object: KubeObjectLike) => object.metadata?.resourceVersion ?? '';

/**
 * The changes between what was seen and a fresh list: ADDED for an object not seen,
 * MODIFIED for one whose resourceVersion differs, DELETED (with its last seen state) for
 * one no longer listed. resourceVersions are compared for equality only, as Kubernetes asks.
 */
export function diffSnapshot<T extends KubeObjectLike>(seen: ReadonlyMap<string, T>, listed: readonly T[]): Change<T>[] {
  const changes: Change<T>[] = [];
  const present = new Set<string>();
  for (const object of listed) {
    const key = keyOf(object);
    present.add(key);
    const before = seen.get(key);
    if (!before) changes.push({ type: 'ADDED', object });
    else if (versionOf(before) !== versionOf(object)) changes.push({ type: 'MODIFIED', object, previous: before });
  }
  for (const [key, object] of seen) if (!present.has(key)) changes.push({ type: 'DELETED', object });
  return changes;
}

/**
 * Records a watch event in the snapshot. Returns the change to report, with the state seen
 * before it for a MODIFIED, or undefined when it says nothing new (a change already seen,
 * replayed after a resume or already reported by a relist), which the caller drops.
 */
export function applyChange<T extends KubeObjectLike>(seen: Snapshot<T>, { type, object }: Change<T>): Change<T> | undefined {
  const key = keyOf(object);
  const before = seen.get(key);
  if (type === 'DELETED') return seen.delete(key) ? { type, object } : undefined;
  if (before && versionOf(before) === versionOf(object)) return undefined;
  seen.set(key, object);
  return type === 'MODIFIED' && before ? { type, object, previous: before } : { type, object };
}

export function snapshotOf<T extends KubeObjectLike>(objects: readonly T[]): Snapshot<T> {
  return new Map(objects.map((object) => [keyOf(object), object]));
}
