// The cluster's controller manager: what makes stored objects behave like a cluster.
// One store listener feeds every controller; each turns events into keys on a shared work
// queue, which is drained before the store write that caused them returns (see queue.ts).
// Timed behaviour (pod startup, reboots, heartbeats, deadlines) runs on the injected clock.
import type { Clock } from '../clock.js';
import { type ResourceType, RESOURCES } from '../resources.js';
import type { ObjectStore, StoreEvent } from '../store.js';
import { DaemonSetController } from './daemonset.js';
import { DeploymentController } from './deployment/controller.js';
import { Kubelet } from './kubelet.js';
import { NodeController } from './node.js';
import { WorkQueue } from './queue.js';
import { ReplicaSetController } from './replicaset.js';
import { type Controller, Runtime, type Settings } from './runtime.js';
import { Scheduler } from './scheduler.js';
import { StatefulSetController } from './statefulset.js';

export { applyDefaults } from './defaults.js';
export { LAST_REBOOT, REBOOT_REQUESTED } from './node.js';

export interface ControllerOptions {
  /** sim ms from a pod being bound to a node to its containers running and ready; default 2000 */
  podStartupMs?: number;
  /** images that never pull (the pod stays in ImagePullBackOff); default: a tag containing `fail` or `broken` */
  failingImage?: RegExp;
  /** sim ms between node heartbeats; default 10 000 */
  heartbeatMs?: number;
  /** sim ms a node asked to reboot stays NotReady; default 15 000 */
  rebootMs?: number;
  /** record core/v1 Events (ScalingReplicaSet, Scheduled, Pulled, Started, BackOff, …); default true */
  events?: boolean;
  /**
   * told when a controller fails to reconcile an object (a bug, or an object it cannot make
   * sense of); the object is retried with backoff (1 s doubling to 60 s) either way.
   * Default: console.error.
   */
  onError?: (error: unknown, where: { controller: string; key: string }) => void;
}

export interface ControllerContext extends ControllerOptions {
  store: ObjectStore;
  clock: Clock;
}

/** a tag (after the last `:` of the last path segment) containing `fail` or `broken` */
export const DEFAULT_FAILING_IMAGE = /:[^/:@]*(?:fail|broken)[^/:@]*$/;

/** kinds the controllers watch; the rest of the store's traffic is not their business */
const WATCHED = new Set(['Node', 'Pod', 'ReplicaSet', 'Deployment', 'StatefulSet', 'DaemonSet', 'ControllerRevision']);

/**
 * Starts the controllers on a store: objects already in it are taken up at once, and every
 * later write is reacted to before it returns. Returns the function that stops them.
 * Throws on an invalid option (a negative or non-finite duration).
 */
export function startControllers(ctx: ControllerContext): () => void {
  const settings = settingsOf(ctx);
  const queue = new WorkQueue({ clock: ctx.clock, onError: ctx.onError ?? reportError });
  const rt = new Runtime(ctx.store, ctx.clock, queue, settings);
  const controllers: Controller[] = [
    new NodeController(rt),
    new Scheduler(rt),
    new Kubelet(rt),
    new ReplicaSetController(rt),
    new DeploymentController(rt),
    new StatefulSetController(rt),
    new DaemonSetController(rt),
  ];
  for (const c of controllers) queue.register(c.name, (key) => c.reconcile(key));
  const listener = (event: StoreEvent) => {
    if (event.type === 'DELETED') rt.events.forget(event.object.metadata.uid);
    if (!WATCHED.has(event.rt.kind)) return;
    rt.observe(event);
    for (const c of controllers) c.observe(event);
    queue.drain();
  };
  const unlisten = ctx.store.listen(listener);
  takeUpExisting(ctx.store, listener);
  rt.events.start();
  return () => {
    rt.events.stop();
    unlisten();
    queue.stop();
    for (const c of [...controllers].reverse()) c.stop();
  };
}

/** An informer's initial list: what was stored before the controllers started, as ADDED events. */
function takeUpExisting(store: ObjectStore, listener: (event: StoreEvent) => void): void {
  const kinds: ResourceType[] = RESOURCES.filter((r) => WATCHED.has(r.kind));
  for (const rt of kinds) {
    for (const object of store.list(rt)) listener({ type: 'ADDED', rt, object, rv: Number(object.metadata.resourceVersion ?? 0) });
  }
}

function settingsOf(opts: ControllerOptions): Settings {
  const duration = (name: string, value: number | undefined, fallback: number, min: number) => {
    const ms = value ?? fallback;
    if (!Number.isFinite(ms) || ms < min) throw new Error(`sim controllers: ${name} must be a number ≥ ${min}, got ${String(value)}`);
    return ms;
  };
  return {
    podStartupMs: duration('podStartupMs', opts.podStartupMs, 2_000, 0),
    heartbeatMs: duration('heartbeatMs', opts.heartbeatMs, 10_000, 1),
    rebootMs: duration('rebootMs', opts.rebootMs, 15_000, 0),
    failingImage: opts.failingImage ?? DEFAULT_FAILING_IMAGE,
    events: opts.events ?? true,
  };
}

function reportError(error: unknown, where: { controller: string; key: string }): void {
  console.error(`sim: ${where.controller} controller failed on ${where.key}:`, error);
}
