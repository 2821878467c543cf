// core/v1 Events as the controllers and the kubelet record them: a repeat of the same
// event bumps `count` instead of adding another; each object's events pass client-go's spam
// filter (a burst of 25, then one per 5 minutes); and events expire an hour after they were
// last seen (the API server's default --event-ttl), so a long-running simulator does not
// accumulate them.
import type { Cancel } from '../clock.js';
import { type KubeObject, objectKey } from '../objects.js';
import { splitKey } from './indexes.js';
import { EVENT } from './kinds.js';
import type { Runtime } from './runtime.js';

export interface EventInput {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  /** the reporting component, e.g. `deployment-controller`, `kubelet` */
  component: string;
  /** the node, for kubelet events */
  host?: string;
  /** e.g. `spec.containers{api}` */
  fieldPath?: string;
}

const SPAM_BURST = 25;
const SPAM_REFILL_MS = 5 * 60 * 1000;
const TTL_MS = 60 * 60 * 1000;
const SWEEP_MS = 5 * 60 * 1000;

export class EventRecorder {
  /** dedupe key → event key, per involved object uid */
  private readonly seen = new Map<string, Map<string, string>>();
  /** the spam filter's token bucket, per involved object uid */
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  /** event key → last recorded at; insertion order is expiry order */
  private readonly expiry = new Map<string, number>();
  private sequence = 0;
  private stopSweep: Cancel | undefined;

  constructor(
    private readonly rt: Runtime,
    private readonly enabled: boolean,
  ) {}

  start(): void {
    if (this.enabled) this.stopSweep = this.rt.clock.setInterval(() => this.sweep(), SWEEP_MS);
  }

  stop(): void {
    this.stopSweep?.();
  }

  /** Best effort, as the real recorder: an event that cannot be written (no namespace) is dropped. */
  record(obj: KubeObject, input: EventInput): void {
    if (!this.enabled) return;
    try {
      this.write(obj, input);
    } catch {
      // dropped: events never stop a controller
    }
  }

  private write(obj: KubeObject, input: EventInput): void {
    const uid = obj.metadata.uid ?? obj.metadata.name;
    if (!this.take(uid)) return;
    const events = this.seen.get(uid) ?? new Map<string, string>();
    const dedupe = `${input.reason}\u0000${input.message}\u0000${input.fieldPath ?? ''}`;
    const existing = events.get(dedupe);
    if (existing && this.bump(existing)) return;
    const created = this.rt.create(EVENT, this.eventFor(obj, input));
    const key = objectKey(created.metadata.namespace, created.metadata.name);
    events.set(dedupe, key);
    this.seen.set(uid, events);
    this.expiry.set(key, this.rt.now());
  }

  /** The involved object is gone: its events stay (until they expire) but need no bookkeeping. */
  forget(uid: string | undefined): void {
    if (!uid) return;
    this.seen.delete(uid);
    this.buckets.delete(uid);
  }

  /** EventSourceObjectSpamFilter: false when the object has used up its events for now */
  private take(uid: string): boolean {
    const now = this.rt.now();
    const bucket = this.buckets.get(uid) ?? { tokens: SPAM_BURST, at: now };
    bucket.tokens = Math.min(SPAM_BURST, bucket.tokens + (now - bucket.at) / SPAM_REFILL_MS);
    bucket.at = now;
    this.buckets.set(uid, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  private bump(key: string): boolean {
    const { namespace, name } = splitKey(key);
    const now = this.rt.stamp();
    const bumped = this.rt.mutate(EVENT, namespace, name, (e) => {
      e.count = (e.count ?? 1) + 1;
      e.lastTimestamp = now;
    });
    if (!bumped) return false;
    this.expiry.delete(key);
    this.expiry.set(key, this.rt.now());
    return true;
  }

  private eventFor(obj: KubeObject, input: EventInput): KubeObject {
    const now = this.rt.stamp();
    const nanos = BigInt(this.rt.now()) * 1_000_000n + BigInt(this.sequence++ % 1_000_000);
    const involved = obj.metadata;
    return {
      metadata: { name: `${involved.name}.${nanos.toString(16)}`, namespace: involved.namespace ?? 'default' },
      involvedObject: {
        kind: obj.kind,
        ...(involved.namespace ? { namespace: involved.namespace } : {}),
        name: involved.name,
        uid: involved.uid,
        apiVersion: obj.apiVersion,
        resourceVersion: involved.resourceVersion,
        ...(input.fieldPath ? { fieldPath: input.fieldPath } : {}),
      },
      reason: input.reason,
      message: input.message,
      source: { component: input.component, ...(input.host ? { host: input.host } : {}) },
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      type: input.type,
      eventTime: null,
      reportingComponent: input.component,
      reportingInstance: input.host ?? '',
    };
  }

  private sweep(): void {
    const cutoff = this.rt.now() - TTL_MS;
    for (const [key, at] of this.expiry) {
      if (at > cutoff) break;
      this.expiry.delete(key);
      const { namespace, name } = splitKey(key);
      this.rt.remove(EVENT, namespace, name);
    }
  }
}
