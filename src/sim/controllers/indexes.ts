// Lookups the controllers need without scanning every object: pods by controlling owner and
// by node, ReplicaSets and ControllerRevisions by owner. An index holds keys only and is
// refreshed from the live store, so it is right for every key it has been told about
// whatever order events arrive in; readers fetch the live object by key.
import type { KubeObject } from '../objects.js';
import { objectKey } from '../objects.js';

export type Buckets = (obj: KubeObject) => string[];

export class KeyIndex {
  private readonly bucketsOfKey = new Map<string, readonly string[]>();
  private readonly keysOfBucket = new Map<string, Set<string>>();

  constructor(private readonly bucketsOf: Buckets) {}

  /** Re-files `key` under the buckets of `obj`, its current state (undefined: deleted). */
  refresh(key: string, obj: KubeObject | undefined): void {
    for (const b of this.bucketsOfKey.get(key) ?? []) {
      const keys = this.keysOfBucket.get(b);
      keys?.delete(key);
      if (keys?.size === 0) this.keysOfBucket.delete(b);
    }
    this.bucketsOfKey.delete(key);
    if (!obj) return;
    const buckets = this.bucketsOf(obj);
    if (buckets.length === 0) return;
    this.bucketsOfKey.set(key, buckets);
    for (const b of buckets) {
      let keys = this.keysOfBucket.get(b);
      if (!keys) this.keysOfBucket.set(b, (keys = new Set()));
      keys.add(key);
    }
  }

  keys(bucket: string): string[] {
    return [...(this.keysOfBucket.get(bucket) ?? [])];
  }

  count(bucket: string): number {
    return this.keysOfBucket.get(bucket)?.size ?? 0;
  }
}

/** uid of the owner with `controller: true`, if any */
export function controllerUid(obj: KubeObject): string | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller)?.uid;
}

export const ownerBucket = (uid: string): string => `owner:${uid}`;
export const nodeBucket = (name: string): string => `node:${name}`;
export const UNSCHEDULED = 'unscheduled';

const byOwner: Buckets = (obj) => {
  const uid = controllerUid(obj);
  return uid ? [ownerBucket(uid)] : [];
};

const podBuckets: Buckets = (pod) => {
  const out = byOwner(pod);
  const node: unknown = pod.spec?.nodeName;
  if (typeof node === 'string' && node) out.push(nodeBucket(node));
  else if (!isFinished(pod)) out.push(UNSCHEDULED);
  return out;
};

function isFinished(pod: KubeObject): boolean {
  const phase: unknown = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

/** The indexes of one cluster, by resource kind. */
export class Indexes {
  readonly pods = new KeyIndex(podBuckets);
  readonly replicaSets = new KeyIndex(byOwner);
  readonly revisions = new KeyIndex(byOwner);

  indexFor(kind: string): KeyIndex | undefined {
    if (kind === 'Pod') return this.pods;
    if (kind === 'ReplicaSet') return this.replicaSets;
    if (kind === 'ControllerRevision') return this.revisions;
    return undefined;
  }

  refresh(kind: string, namespace: string | undefined, name: string, obj: KubeObject | undefined): void {
    this.indexFor(kind)?.refresh(objectKey(namespace, name), obj);
  }
}

/** namespace and name of a `namespace/name` key (cluster-scoped keys have no slash) */
export function splitKey(key: string): { namespace: string | undefined; name: string } {
  const at = key.indexOf('/');
  return at < 0 ? { namespace: undefined, name: key } : { namespace: key.slice(0, at), name: key.slice(at + 1) };
}
