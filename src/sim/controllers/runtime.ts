// What every controller of one cluster shares: the store, the clock, the work queue, the
// indexes, the event recorder — and the writes, which keep the indexes current at once so
// a controller never acts twice on a pod it has just created or deleted.
import type { Clock } from '../clock.js';
import { SimError } from '../errors.js';
import { type KubeObject, clone } from '../objects.js';
import type { ResourceType } from '../resources.js';
import type { ObjectStore, StoreEvent, WriteOptions } from '../store.js';
import { timestamp } from './conditions.js';
import { EventRecorder } from './events.js';
import { sameJson } from './hash.js';
import { Indexes, UNSCHEDULED, controllerUid, type KeyIndex, nodeBucket, ownerBucket, splitKey } from './indexes.js';
import { CONTROLLER_REVISION, POD, REPLICA_SET } from './kinds.js';
import type { WorkQueue } from './queue.js';

export interface Settings {
  podStartupMs: number;
  failingImage: RegExp;
  heartbeatMs: number;
  rebootMs: number;
  events: boolean;
}

/** One control loop: it maps store events to keys and brings the object of a key to its desired state. */
export interface Controller {
  readonly name: string;
  observe(event: StoreEvent): void;
  reconcile(key: string): void;
  /** cancels the controller's own timers */
  stop(): void;
}

export class Runtime {
  readonly indexes = new Indexes();
  readonly events: EventRecorder;
  private stampedAt = Number.NaN;
  private stampText = '';

  constructor(
    readonly store: ObjectStore,
    readonly clock: Clock,
    readonly queue: WorkQueue,
    readonly settings: Settings,
  ) {
    this.events = new EventRecorder(this, settings.events);
  }

  now(): number {
    return this.clock.now();
  }

  /** now as a metav1.Time (remembered: most writes in a burst share the same instant) */
  stamp(): string {
    const now = this.clock.now();
    if (now !== this.stampedAt) {
      this.stampedAt = now;
      this.stampText = timestamp(now);
    }
    return this.stampText;
  }

  /** Creates an object; a generated name that collides is drawn again, as the API server does. */
  create(rt: ResourceType, obj: KubeObject): KubeObject {
    for (let attempt = 0; ; attempt++) {
      try {
        const created = this.store.create(rt, obj);
        this.refresh(rt, created);
        return created;
      } catch (err) {
        const retry = err instanceof SimError && err.reason === 'AlreadyExists' && obj.metadata.generateName && !obj.metadata.name && attempt < 5;
        if (!retry) throw err;
      }
    }
  }

  /**
   * Read-modify-write of the live object; a change that changes nothing is not written (so
   * no event, no loop). Returns the object as stored, or undefined when it no longer exists.
   */
  mutate(rt: ResourceType, namespace: string | undefined, name: string, change: (draft: KubeObject) => void, opts: WriteOptions = {}): KubeObject | undefined {
    const current = this.store.get(rt, namespace, name);
    if (!current) return undefined;
    const draft = clone(current);
    change(draft);
    if (sameJson(current, draft)) return current;
    const written = this.store.update(rt, draft, opts);
    this.refresh(rt, written);
    return written;
  }

  /**
   * Writes the status `next` computes from the live object (which it must not modify), through
   * the status subresource; an unchanged status is not written. Cheaper than `mutate`: the
   * object is not copied first, and status writes are most of a cluster's writes.
   */
  updateStatus(rt: ResourceType, namespace: string | undefined, name: string, next: (current: KubeObject) => unknown): KubeObject | undefined {
    const current = this.store.get(rt, namespace, name);
    if (!current) return undefined;
    const status = next(current);
    if (sameJson(current.status, status)) return current;
    const written = this.store.update(rt, { ...current, status }, { subresource: 'status' });
    this.refresh(rt, written);
    return written;
  }

  /** Deletes an object if it still exists (its dependents go with it). */
  remove(rt: ResourceType, namespace: string | undefined, name: string): boolean {
    if (!this.store.get(rt, namespace, name)) return false;
    this.store.delete(rt, namespace, name, 'Background');
    this.indexes.refresh(rt.kind, namespace, name, undefined);
    return true;
  }

  /** Brings the indexes up to date with a store event's object, read live. */
  observe(event: StoreEvent): void {
    const { namespace, name } = event.object.metadata;
    if (this.indexes.indexFor(event.rt.kind)) this.indexes.refresh(event.rt.kind, namespace, name, this.store.get(event.rt, namespace, name));
  }

  ownedPods(uid: string | undefined): KubeObject[] {
    return uid ? this.owned(POD, this.indexes.pods, uid) : [];
  }

  ownedReplicaSets(uid: string | undefined): KubeObject[] {
    return uid ? this.owned(REPLICA_SET, this.indexes.replicaSets, uid) : [];
  }

  ownedRevisions(uid: string | undefined): KubeObject[] {
    return uid ? this.owned(CONTROLLER_REVISION, this.indexes.revisions, uid) : [];
  }

  podsOnNode(node: string): KubeObject[] {
    return this.live(POD, this.indexes.pods.keys(nodeBucket(node))).filter((p) => p.spec?.nodeName === node);
  }

  podCountOnNode(node: string): number {
    return this.indexes.pods.count(nodeBucket(node));
  }

  unscheduledPods(): KubeObject[] {
    return this.live(POD, this.indexes.pods.keys(UNSCHEDULED)).filter((p) => !p.spec?.nodeName);
  }

  private owned(rt: ResourceType, index: KeyIndex, uid: string): KubeObject[] {
    return this.live(rt, index.keys(ownerBucket(uid))).filter((o) => controllerUid(o) === uid);
  }

  private live(rt: ResourceType, keys: string[]): KubeObject[] {
    const out: KubeObject[] = [];
    for (const key of keys) {
      const { namespace, name } = splitKey(key);
      const obj = this.store.get(rt, namespace, name);
      if (obj) out.push(obj);
    }
    return out;
  }

  private refresh(rt: ResourceType, obj: KubeObject): void {
    this.indexes.refresh(rt.kind, obj.metadata.namespace, obj.metadata.name, obj);
  }
}
