// One cluster's objects: the simulator's etcd. It assigns resourceVersions from one
// sequence, keeps a window of recent events for watches that resume from a
// resourceVersion, and hands events to listeners one at a time, in order.

import { randomUUID } from 'node:crypto';
import type { Clock } from './clock.js';
import { SimError, notFound, qualifiedResource } from './errors.js';
import { type KubeObject, clone, objectKey, sameValue } from './objects.js';
import { RESOURCES, type ResourceType, apiVersionOf, resourceByKind } from './resources.js';

export type EventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoreEvent {
  readonly type: EventType;
  readonly rt: ResourceType;
  /** the object after the change (for DELETED, its last state with the deletion's resourceVersion) */
  readonly object: KubeObject;
  /** for MODIFIED, the object before the change: watches with selectors need both sides */
  readonly previous?: KubeObject;
  readonly rv: number;
}

export type Listener = (event: StoreEvent) => void;

export interface WriteOptions {
  /** 'status' writes only .status, the rest keeps its stored value (the status subresource) */
  subresource?: 'status';
}

export type Propagation = 'Background' | 'Foreground' | 'Orphan';

export interface StoreOptions {
  clock: Clock;
  /** events kept for watches that resume from a resourceVersion; older ones answer 410 Gone. Default 10 000. */
  historyLimit?: number;
  /** fills in what the API server defaults on create and update (not on status writes); default none */
  defaulter?: (kind: string, obj: KubeObject) => void;
}

const nameRe = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

export class ObjectStore {
  private readonly clock: Clock;
  private readonly historyLimit: number;
  private readonly defaulter: (kind: string, obj: KubeObject) => void;
  private readonly tables = new Map<string, Map<string, KubeObject>>(RESOURCES.map((r) => [r.plural, new Map()]));
  private readonly history: StoreEvent[] = [];
  private readonly listeners = new Set<Listener>();
  private readonly pending: StoreEvent[] = [];
  private dispatching = false;
  private rv = 0;
  /** the newest resourceVersion no longer in history: watching from before it is Gone */
  private compactedRv = 0;

  constructor({ clock, historyLimit = 10_000, defaulter = () => {} }: StoreOptions) {
    this.clock = clock;
    this.historyLimit = historyLimit;
    this.defaulter = defaulter;
  }

  get resourceVersion(): string {
    return String(this.rv);
  }

  get(rt: ResourceType, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.table(rt).get(objectKey(rt.namespaced ? namespace : undefined, name));
  }

  /** Objects sorted by namespace then name, as etcd's key order gives them. Do not mutate them. */
  list(rt: ResourceType, opts: { namespace?: string; filter?: (o: KubeObject) => boolean } = {}): KubeObject[] {
    const out: KubeObject[] = [];
    for (const obj of this.table(rt).values()) {
      if (opts.namespace && rt.namespaced && obj.metadata.namespace !== opts.namespace) continue;
      if (opts.filter && !opts.filter(obj)) continue;
      out.push(obj);
    }
    return out.sort(byKey);
  }

  count(rt: ResourceType): number {
    return this.table(rt).size;
  }

  create(rt: ResourceType, input: KubeObject): KubeObject {
    const obj = clone(input);
    const meta = obj.metadata ?? (obj.metadata = { name: '' });
    if (!meta.name && meta.generateName) meta.name = meta.generateName + randomSuffix();
    this.validateName(rt, meta.name);
    if (rt.namespaced) {
      if (!meta.namespace) throw new SimError('BadRequest', 'the namespace of the provided object does not match the namespace sent on the request');
      if (!this.get(resourceByKind('Namespace'), undefined, meta.namespace)) throw notFound('namespaces', '', meta.namespace);
    } else {
      delete meta.namespace;
    }
    const key = objectKey(meta.namespace, meta.name);
    if (this.table(rt).has(key)) {
      throw new SimError('AlreadyExists', `${qualifiedResource(rt.plural, rt.group)} "${meta.name}" already exists`, { name: meta.name, group: rt.group, kind: rt.plural });
    }
    obj.apiVersion = apiVersionOf(rt);
    obj.kind = rt.kind;
    this.defaulter(rt.kind, obj);
    meta.uid = randomUUID();
    meta.creationTimestamp = this.timestamp();
    if (rt.generational) meta.generation = 1;
    delete meta.deletionTimestamp;
    return this.commit('ADDED', rt, key, obj);
  }

  /**
   * Replaces an object. A resourceVersion on the input must match the stored one (409 Conflict
   * otherwise); without one the write is unconditional, as Kubernetes allows for updates.
   */
  update(rt: ResourceType, input: KubeObject, opts: WriteOptions = {}): KubeObject {
    const name = input.metadata?.name;
    const current = this.get(rt, input.metadata?.namespace, name);
    if (!current) throw notFound(rt.plural, rt.group, name);
    const sent = input.metadata.resourceVersion;
    if (sent && sent !== current.metadata.resourceVersion) {
      throw new SimError(
        'Conflict',
        `Operation cannot be fulfilled on ${qualifiedResource(rt.plural, rt.group)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
        { name, group: rt.group, kind: rt.plural },
      );
    }
    const next = this.merged(rt, current, clone(input), opts);
    if (sameContent(current, next)) return current;
    return this.commit('MODIFIED', rt, objectKey(current.metadata.namespace, name), next);
  }

  /** Read-modify-write for controllers: `change` edits a copy of the current object. */
  mutate(rt: ResourceType, namespace: string | undefined, name: string, change: (draft: KubeObject) => void, opts: WriteOptions = {}): KubeObject {
    const current = this.get(rt, namespace, name);
    if (!current) throw notFound(rt.plural, rt.group, name);
    const draft = clone(current);
    change(draft);
    return this.update(rt, draft, opts);
  }

  /** Deletes an object; dependents (by ownerReferences) are deleted too unless orphaned. */
  delete(rt: ResourceType, namespace: string | undefined, name: string, propagation: Propagation = 'Background'): KubeObject {
    const current = this.get(rt, namespace, name);
    if (!current) throw notFound(rt.plural, rt.group, name);
    if (rt.kind === 'Namespace') this.emptyNamespace(name);
    const dependents = this.dependentsOf(current);
    if (propagation === 'Foreground') for (const d of dependents) this.deleteIfPresent(d.rt, d.obj);
    const last = clone(current);
    const deleted = this.commit('DELETED', rt, objectKey(current.metadata.namespace, name), last);
    if (propagation === 'Orphan') {
      for (const d of dependents) this.orphan(d.rt, d.obj, current.metadata.uid);
    } else if (propagation === 'Background') {
      for (const d of dependents) this.deleteIfPresent(d.rt, d.obj);
    }
    return deleted;
  }

  /**
   * Listens to every change from now on, or replays history after `fromRv` first.
   * Throws a 410 Gone SimError when `fromRv` is older than the history kept.
   * Returns the function that stops listening.
   */
  listen(listener: Listener, fromRv?: number): () => void {
    if (fromRv !== undefined) {
      if (fromRv < this.compactedRv) throw gone(fromRv, this.compactedRv);
      for (const ev of this.history) if (ev.rv > fromRv) listener(ev);
    }
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Drops history up to now, so any resume from an older resourceVersion is Gone (used by fault injection). */
  compact(): void {
    this.history.length = 0;
    this.compactedRv = this.rv;
  }

  private merged(rt: ResourceType, current: KubeObject, next: KubeObject, opts: WriteOptions): KubeObject {
    if (opts.subresource === 'status') return { ...clone(current), status: next.status };
    // Defaults first, so an update that merely spells out a default is no spec change.
    this.defaulter(rt.kind, next);
    const hasStatus = rt.subresources.includes('status');
    const out: KubeObject = { ...next, apiVersion: current.apiVersion, kind: current.kind };
    out.metadata = {
      ...next.metadata,
      name: current.metadata.name,
      namespace: current.metadata.namespace,
      uid: current.metadata.uid,
      creationTimestamp: current.metadata.creationTimestamp,
      generation: current.metadata.generation,
    };
    if (!rt.namespaced) delete out.metadata.namespace;
    if (hasStatus) out.status = clone(current.status);
    // Compared as values: clients re-serialize objects with their keys in another order.
    if (rt.generational && !sameValue(current.spec, next.spec)) {
      out.metadata.generation = (current.metadata.generation ?? 0) + 1;
    }
    return out;
  }

  private commit(type: EventType, rt: ResourceType, key: string, obj: KubeObject): KubeObject {
    this.rv += 1;
    obj.metadata.resourceVersion = String(this.rv);
    const previous = type === 'MODIFIED' ? this.table(rt).get(key) : undefined;
    if (type === 'DELETED') this.table(rt).delete(key);
    else this.table(rt).set(key, obj);
    const event: StoreEvent = { type, rt, object: obj, rv: this.rv, ...(previous ? { previous } : {}) };
    this.history.push(event);
    if (this.history.length > this.historyLimit) this.compactedRv = this.history.shift()!.rv;
    this.dispatch(event);
    return obj;
  }

  // A listener that writes (a controller) must not make other listeners see events out
  // of order, so events raised while dispatching wait their turn.
  private dispatch(event: StoreEvent): void {
    this.pending.push(event);
    if (this.dispatching) return;
    this.dispatching = true;
    try {
      for (let ev = this.pending.shift(); ev; ev = this.pending.shift()) {
        for (const l of [...this.listeners]) l(ev);
      }
    } finally {
      this.dispatching = false;
    }
  }

  private dependentsOf(owner: KubeObject): { rt: ResourceType; obj: KubeObject }[] {
    const uid = owner.metadata.uid;
    const out: { rt: ResourceType; obj: KubeObject }[] = [];
    for (const rt of RESOURCES) {
      if (!rt.namespaced) continue;
      for (const obj of this.table(rt).values()) {
        if (obj.metadata.ownerReferences?.some((r) => r.uid === uid)) out.push({ rt, obj });
      }
    }
    return out;
  }

  private deleteIfPresent(rt: ResourceType, obj: KubeObject): void {
    if (this.get(rt, obj.metadata.namespace, obj.metadata.name)?.metadata.uid === obj.metadata.uid) {
      this.delete(rt, obj.metadata.namespace, obj.metadata.name, 'Background');
    }
  }

  private orphan(rt: ResourceType, obj: KubeObject, ownerUid: string | undefined): void {
    this.mutate(rt, obj.metadata.namespace, obj.metadata.name, (d) => {
      d.metadata.ownerReferences = d.metadata.ownerReferences?.filter((r) => r.uid !== ownerUid);
      if (!d.metadata.ownerReferences?.length) delete d.metadata.ownerReferences;
    });
  }

  private emptyNamespace(namespace: string): void {
    for (const rt of RESOURCES) {
      if (!rt.namespaced) continue;
      for (const obj of this.list(rt, { namespace })) this.deleteIfPresent(rt, obj);
    }
  }

  private validateName(rt: ResourceType, name: string | undefined): void {
    if (name && name.length <= 253 && nameRe.test(name)) return;
    const why = name ? `a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character` : 'name or generateName is required';
    throw new SimError('Invalid', `${rt.kind} "${name ?? ''}" is invalid: metadata.name: ${name ? `Invalid value: "${name}": ` : 'Required value: '}${why}`, {
      name,
      group: rt.group,
      kind: rt.kind,
      causes: [{ reason: name ? 'FieldValueInvalid' : 'FieldValueRequired', message: why, field: 'metadata.name' }],
    });
  }

  private timestamp(): string {
    return new Date(this.clock.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  private table(rt: ResourceType): Map<string, KubeObject> {
    return this.tables.get(rt.plural)!;
  }
}

function gone(fromRv: number, compactedRv: number): SimError {
  return new SimError('Expired', `too old resource version: ${fromRv} (${compactedRv + 1})`);
}

function sameContent(a: KubeObject, b: KubeObject): boolean {
  const strip = (o: KubeObject) => ({ ...o, metadata: { ...o.metadata, resourceVersion: undefined } });
  return sameValue(strip(a), strip(b));
}

function byKey(a: KubeObject, b: KubeObject): number {
  const ka = objectKey(a.metadata.namespace, a.metadata.name);
  const kb = objectKey(b.metadata.namespace, b.metadata.name);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

function randomSuffix(): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  let s = '';
  for (let i = 0; i < 5; i++) s += alphabet[Math.floor(Math.random() * alphabet.length)];
  return s;
}
